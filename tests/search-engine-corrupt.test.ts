// Issue 17: the process-wide local engine comes back on data it cannot read (its index answers 500
// invalid_store_file). The app must not retry the broken engine forever: it sets the data aside, restarts the
// engine, rebuilds the index from SQLite and says so. A real local Meilisearch under a temporary DATA_DIR.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

import { useLocalEngineWithFixture } from "./search-helpers/local-engine";
const dir = await useLocalEngineWithFixture("atlas-corrupt-");

const { getEngine } = await import("@/lib/search/engine");
const { search } = await import("@/lib/search/index");
const { isPidAlive } = await import("@/lib/search/local-server");
const { parseSearchParams } = await import("@/lib/url-state");

const q = (query: string) => parseSearchParams(new URLSearchParams(query));

describe("corrupted engine data", () => {
  it("is set aside, the engine restarted and the index rebuilt from SQLite, and the log says so", async () => {
    const before = await search(q("q=都市"));
    expect(before.engine).toBe("meilisearch");
    const old = await getEngine();
    // The engine stops; its index files are damaged meanwhile (a bad disk, a torn copy).
    await old.local?.stop();
    expect(isPidAlive(old.local?.pid ?? 0)).toBe(false);
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    const indexFiles = walk(path.join(dir, "meili/data.ms/indexes")).filter((f) => f.endsWith("data.mdb"));
    expect(indexFiles.length).toBeGreaterThan(0);
    for (const f of indexFiles) {
      const fd = fs.openSync(f, "r+");
      fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 0);
      fs.closeSync(fd);
    }

    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    let answered = null;
    let fallbacks = 0;
    try {
      // Searches keep working (SQLite) while the engine restarts, breaks, is set aside and refilled.
      for (const until = Date.now() + 60_000; Date.now() < until; ) {
        const r = await search(q("q=都市"));
        expect(r.hits.map((h) => h.id)).toEqual(["a1"]);
        if (r.engine === "meilisearch") {
          answered = r;
          break;
        }
        fallbacks += 1;
        await new Promise((res) => setTimeout(res, 300));
      }
    } finally {
      spy.mockRestore();
    }
    const log = logged.join("\n");
    expect(answered?.engine, `Meilisearch answers again; log:\n${log}`).toBe("meilisearch");
    expect(fallbacks).toBeGreaterThan(0);
    const aside = fs.readdirSync(path.join(dir, "meili")).filter((f) => f.startsWith("data.ms.broken-"));
    expect(aside).toHaveLength(1);
    expect(log).toMatch(/invalid_store_file|invalid state/);
    expect(log).toMatch(/moved it to .*data\.ms\.broken-/);
    expect(log).toMatch(/rebuilt atlas_articles from SQLite: 6 articles/);
    // Every article is back in the new index, not only the one searched for.
    const all = await search(q(""));
    expect(all.engine).toBe("meilisearch");
    expect(all.total).toBe(6);
    const now = await getEngine();
    expect(now.local?.pid).not.toBe(old.local?.pid);
  }, 90_000);
});
