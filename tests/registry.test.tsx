// Adding a facet or an entity kind touches the registry and nothing else: a facet defined only in a
// fixture registry flows to the index settings, the SQLite fallback, real Meilisearch, the URL parser and the UI.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FacetPanel } from "@/components/search/facet-panel";
import { openDb, type Db } from "@/db/client";
import { entities } from "@/db/schema";
import { defineFacet, FACET_REGISTRY, type FacetRegistry } from "@/lib/domain/facets";
import { ENTITY_KIND_IDS, ENTITY_KINDS, entityHref, kindLabel, PAGE_KINDS } from "@/lib/domain/kinds";
import { engineFor, type Engine } from "@/lib/search/engine";
import { errorResponse } from "@/lib/errors";
import { csvStream } from "@/lib/format";
import { classifyEngineError, search, searchAllHits, syncIndex } from "@/lib/search/index";
import { ensureLocalServer, type LocalServer } from "@/lib/search/local-server";
import { articleIndexSettings } from "@/lib/search/settings";
import { parseSearchParams } from "@/lib/url-state";
import { loadFixture } from "./search-helpers/fixture";

const decade = defineFacet({
  name: "decade",
  label: "年代",
  values: (a) => (a.published ? [`${a.published.slice(0, 3)}0年代`] : []),
  parse: (raw) => raw,
  valueLabel: (v) => v,
  order: "count",
});
const registry: FacetRegistry = [...FACET_REGISTRY, decade];

let dir: string;
let db: Db;
let server: LocalServer;
let engine: Engine;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-registry-"));
  db = openDb(path.join(dir, "atlas.db"));
  loadFixture(db);
  server = await ensureLocalServer({ dataDir: dir });
  engine = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "registry_articles", local: server });
  await syncIndex({ db, engine, registry });
});

afterAll(async () => {
  await server?.stop();
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a facet added in a fixture registry", () => {
  it("becomes a filterable, displayed index attribute", () => {
    const settings = articleIndexSettings([], registry);
    expect(settings.filterableAttributes).toContain("decade");
    expect(settings.displayedAttributes).toContain("decade");
    expect(articleIndexSettings([]).filterableAttributes).not.toContain("decade");
  });

  it("is accepted by the URL parser only with that registry", () => {
    expect(parseSearchParams(new URLSearchParams("decade=2020年代"), { registry }).filters).toEqual({ decade: ["2020年代"] });
    expect(() => parseSearchParams(new URLSearchParams("decade=2020年代"))).toThrow(/不认识的参数：decade/);
  });

  it("is counted and filtered by real Meilisearch and by the SQLite fallback alike", async () => {
    const params = parseSearchParams(new URLSearchParams("decade=2010年代"), { registry });
    for (const which of [engine, null]) {
      const all = await search(parseSearchParams(new URLSearchParams(""), { registry }), { db, engine: which, registry });
      expect(all.engine).toBe(which ? "meilisearch" : "sqlite");
      const counts = Object.fromEntries((all.facets as Record<string, { value: string; count: number }[]>).decade!.map((v) => [v.value, v.count]));
      expect(counts["2020年代"]).toBeGreaterThan(0);
      const filtered = await search(params, { db, engine: which, registry });
      expect(filtered.engine).toBe(which ? "meilisearch" : "sqlite");
      expect(filtered.total).toBe(counts["2010年代"] ?? 0);
    }
  });

  it("shows in the facet panel with its label, after the built-in facets", async () => {
    const params = parseSearchParams(new URLSearchParams(""), { registry });
    const response = await search(params, { db, engine: null, registry });
    const html = renderToStaticMarkup(<FacetPanel params={params} response={response} registry={registry} />);
    expect(html).toContain('data-testid="facet-group-decade"');
    expect(html).toContain("年代");
    expect(html.indexOf("facet-group-decade")).toBeGreaterThan(html.indexOf("facet-group-region"));
    expect(renderToStaticMarkup(<FacetPanel params={params} response={response} />)).not.toContain("facet-group-decade");
  });
});

describe("exports", () => {
  it("stream every hit, page after page, on either engine (never cut at a page size)", async () => {
    const params = parseSearchParams(new URLSearchParams(""));
    for (const which of [engine, null]) {
      const total = (await search(params, { db, engine: which })).total;
      expect(total).toBeGreaterThan(2);
      const csv = await new Response(csvStream(searchAllHits(params, { db, engine: which, pageSize: 2 }), [{ header: "id", value: (h) => h.id }])).text();
      const rows = csv.trim().split("\r\n").slice(1);
      expect(rows).toHaveLength(total);
      expect(new Set(rows).size).toBe(total);
    }
  });
});

describe("engine errors", () => {
  it("a facet the index does not know yet (added before `kb index` ran) is answered by SQLite while the index is updated", async () => {
    const plain = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "plain_articles", local: server });
    await syncIndex({ db, engine: plain });
    const params = parseSearchParams(new URLSearchParams("decade=2020年代"), { registry });
    const first = await search(params, { db, engine: plain, registry, cacheSize: 0 });
    expect(first.engine).toBe("sqlite");
    expect(first.hits.length).toBeGreaterThan(0);
    // Once the index has the registry's settings, the engine answers the same filter.
    let again = first;
    for (const until = Date.now() + 30_000; again.engine !== "meilisearch" && Date.now() < until; ) {
      await new Promise((res) => setTimeout(res, 200));
      again = await search(params, { db, engine: plain, registry, cacheSize: 0 });
    }
    expect(again.engine).toBe("meilisearch");
    expect(again.hits.map((h) => h.id).sort()).toEqual(first.hits.map((h) => h.id).sort());
  });

  it("a request the engine rejects for another reason (a malformed filter) is a logged 500, never a silent fallback", async () => {
    const plain = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "plain_articles", local: server });
    const refused = await plain.client.index("plain_articles").search("", { filter: "topic = = x" }).catch((e: unknown) => e);
    const err = classifyEngineError(refused);
    expect(err.code).toBe("engine-rejected");
    expect(err.status).toBe(500);
    const res = errorResponse(err);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "engine-rejected", message: expect.stringContaining("搜索引擎拒绝了请求") });
    // The engine is fine: the next ordinary query is still answered by it.
    expect((await search(parseSearchParams(new URLSearchParams("q=嘉善")), { db, engine: plain })).engine).toBe("meilisearch");
  });

  it("an unreachable engine is classified for the fallback", async () => {
    const dead = engineFor({ url: "http://127.0.0.1:9", apiKey: "x", searchKey: "y", indexName: "nothing" });
    const r = await search(parseSearchParams(new URLSearchParams("q=嘉善")), { db, engine: dead });
    expect(r.engine).toBe("sqlite");
    expect(r.notice).toMatch(/SQLite/);
    expect(classifyEngineError(new Error("boom")).code).toBe("internal");
  });
});

describe("entity kinds", () => {
  it("derive the schema enum, labels, pages and the kind facet from one list", () => {
    expect(entities.kind.enumValues).toEqual(ENTITY_KIND_IDS);
    for (const k of ENTITY_KIND_IDS) {
      expect(kindLabel(k)).toBe(ENTITY_KINDS[k].label);
      expect(FACET_REGISTRY.find((f) => f.name === "kind")!.parse(k)).toBe(k);
      expect(entityHref({ kind: k, slug: "x" })).toBe(PAGE_KINDS.includes(k as never) ? `/entities/${k}/x` : null);
    }
    expect(() => FACET_REGISTRY.find((f) => f.name === "kind")!.parse("figure")).toThrow(/没有“figure”这种类型/);
  });
});
