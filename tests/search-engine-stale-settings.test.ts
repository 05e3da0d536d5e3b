// An index built by an older version lacks an attribute this version's queries use (an upgrade that adds a filterable
// field, before anyone runs `kb index`). The engine refuses such a query; that must not become a 500 for every search:
// SQLite answers, the index's settings and documents are brought up to date once, and Meilisearch answers again.
// A real local Meilisearch under a temporary DATA_DIR.
import { MeilisearchApiError } from "meilisearch";
import { describe, expect, it, vi } from "vitest";

import { useLocalEngineWithFixture } from "./search-helpers/local-engine";
await useLocalEngineWithFixture("atlas-stale-settings-");

const { FACET_REGISTRY } = await import("@/lib/domain/facets");
const { AtlasError } = await import("@/lib/errors");
const { getEngine } = await import("@/lib/search/engine");
const { isStaleSettingsError, search } = await import("@/lib/search/index");
const { parseSearchParams } = await import("@/lib/url-state");

const q = (query: string) => parseSearchParams(new URLSearchParams(query));

describe("an index older than this version's settings", () => {
  it("is answered by SQLite while its settings are updated once, then by Meilisearch again", async () => {
    const engine = await getEngine();
    const index = engine.client.index(engine.indexName);
    // What an older version left: the facets filterable, not the `id` the short-query path filters on.
    const facets = FACET_REGISTRY.map((f) => f.name);
    await engine.client.tasks.waitForTask((await index.updateSettings({ filterableAttributes: facets })).taskUid);
    expect((await index.getSettings()).filterableAttributes).not.toContain("id");

    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    const engines: string[] = [];
    try {
      for (const until = Date.now() + 60_000; Date.now() < until; ) {
        const r = await search(q("q=都市"));
        expect(r.hits.map((h) => h.id)).toEqual(["a1"]);
        engines.push(r.engine);
        if (r.engine === "meilisearch") break;
        await new Promise((res) => setTimeout(res, 300));
      }
    } finally {
      spy.mockRestore();
    }
    const log = logged.join("\n");
    expect(engines[0], `the first search falls back; log:\n${log}`).toBe("sqlite");
    expect(engines.at(-1), `Meilisearch answers again; log:\n${log}`).toBe("meilisearch");
    expect(log).toMatch(/older than this version's settings .*id/);
    expect(log).toMatch(/rebuilt atlas_articles from SQLite: 6 articles, \d+ sent, settings updated/);
    expect((await index.getSettings()).filterableAttributes).toContain("id");
  }, 90_000);
});

describe("isStaleSettingsError", () => {
  const refused = (message: string, code: string) =>
    new MeilisearchApiError(new Response(null, { status: 400 }), { message, code, type: "invalid_request", link: "" });
  it("is an attribute our settings declare that the index lacks, not any refused request", () => {
    expect(isStaleSettingsError(refused("Attribute `id` is not filterable. Available filterable attributes patterns are: `topic`.", "invalid_search_filter"))).toBe(true);
    expect(isStaleSettingsError(new AtlasError("engine-rejected", "x", { cause: refused("Attribute `published_desc` is not sortable.", "invalid_search_sort") }))).toBe(true);
    // An attribute no version declares is our bug (a typo in a filter): a 500, not a quiet fallback.
    expect(isStaleSettingsError(refused("Attribute `colour` is not filterable.", "invalid_search_filter"))).toBe(false);
    expect(isStaleSettingsError(refused("Was expecting an operation `=`, `!=`, `>=`…", "invalid_search_filter"))).toBe(false);
    expect(isStaleSettingsError(new Error("Attribute `id` is not filterable."))).toBe(false);
  });
});
