// Issue 13, the search answer cache (lib/search/cache.ts): an answer is served again only while the database has not
// changed since it was computed, it is the very answer the search gives, and the cache stays within its size.
// Real pages (content/ and ../shared/corpus/yrd-dev, its last six pages later) ingested into a temporary database; the
// SQLite fallback answers (the Meilisearch path shares the cache code, keyed by the engine process in addition).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { articles } from "@/db/schema";
import { BENCH_QUERIES } from "@/lib/bench/queries";
import { FACET_REGISTRY } from "@/lib/domain/facets";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { searchCache } from "@/lib/search/cache";
import { search, syncIndex } from "@/lib/search/index";
import { parseSearchParams } from "@/lib/url-state";
import { ingestYrdDevHoldingBack } from "./search-helpers/yrd-dev";

let dir: string;
let db: Db;
let later: string[];
const facets = FACET_REGISTRY.map((f) => f.name);
const params = (qs: string) => parseSearchParams(new URLSearchParams(qs));
const withoutTime = (r: object) => JSON.stringify({ ...r, tookMs: 0 });
/** Whether the cache (as a search would see it now) holds the fallback's answer to `qs`. */
const held = (qs: string, size = 500) => searchCache(db, size).get("sqlite", params(qs), facets) !== null;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-answer-cache-"));
  db = openDb(path.join(dir, "atlas.db"));
  later = ingestYrdDevHoldingBack(db, 6);
  await syncIndex({ db, engine: null });
});

afterAll(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("search answer cache", () => {
  it("serves, for the 50 bench searches and a later page, the answer the search computes", async () => {
    for (const qs of [...BENCH_QUERIES, "q=长三角&page=2", "q=规划&sort=newest"]) {
      const computed = await search(params(qs), { db, engine: null, cacheSize: 0 });
      const first = await search(params(qs), { db, engine: null, cacheSize: 500 });
      expect(held(qs), qs).toBe(true);
      const again = await search(params(qs), { db, engine: null, cacheSize: 500 });
      expect(withoutTime(first), qs).toBe(withoutTime(computed));
      expect(withoutTime(again), qs).toBe(withoutTime(computed));
    }
  });

  it("keeps nothing when it is off, and no page larger than 50 hits (exports)", async () => {
    await search(params("q=生态环境保护"), { db, engine: null, cacheSize: 0 });
    expect(held("q=生态环境保护")).toBe(false);
    await search(params("q=示范区&pageSize=100"), { db, engine: null, cacheSize: 500 });
    expect(held("q=示范区&pageSize=100")).toBe(false);
  });

  it("drops every answer after a commit by another connection, and the next search sees the change", async () => {
    const qs = "q=一体化";
    const before = await search(params(qs), { db, engine: null, cacheSize: 500 });
    const hit = before.hits[0];
    expect(hit).toBeDefined();
    expect(held(qs)).toBe(true);
    // Another process (here a second connection) changes the stored search document of the first hit's article.
    const other = openDb(path.join(dir, "atlas.db"));
    try {
      const title = "改过的标题：一体化测试";
      other.$client.prepare("update search_docs set doc = json_set(doc, '$.title', ?) where article_id = ?").run(title, hit!.id);
      expect(held(qs)).toBe(false);
      const after = await search(params(qs), { db, engine: null, cacheSize: 500 });
      expect(after.hits.find((h) => h.id === hit!.id)?.title).toBe(title);
    } finally {
      other.$client.close();
    }
  });

  it("drops every answer after this process's own ingest and index sync: new articles are found", async () => {
    const other = openDb(path.join(dir, "atlas.db"));
    const ids = () => new Set(other.select({ id: articles.id }).from(articles).all().map((r) => r.id));
    try {
      const known = ids();
      const qs = "q=长三角";
      const before = await search(params(`${qs}&pageSize=50`), { db, engine: null, cacheSize: 500 });
      ingestPaths({ db, paths: later });
      await syncIndex({ db, engine: null });
      const added = [...ids()].filter((id) => !known.has(id));
      expect(added.length).toBeGreaterThan(0);
      const after = await search(params(`${qs}&pageSize=50`), { db, engine: null, cacheSize: 500 });
      const computed = await search(params(`${qs}&pageSize=50`), { db, engine: null, cacheSize: 0 });
      expect(withoutTime(after)).toBe(withoutTime(computed));
      expect(after.total).toBeGreaterThan(before.total);
    } finally {
      other.$client.close();
    }
  });

  it("holds at most its size, the least recently used answer out first", async () => {
    const [a, b, c] = ["q=交通", "q=铁路", "q=科创"];
    for (const qs of [a, b]) await search(params(qs!), { db, engine: null, cacheSize: 2 });
    // Reading a makes b the least recently used.
    expect(held(a!, 2)).toBe(true);
    await search(params(c!), { db, engine: null, cacheSize: 2 });
    expect([held(a!, 2), held(b!, 2), held(c!, 2)]).toEqual([true, false, true]);
  });
});
