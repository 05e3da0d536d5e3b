// The SQLite FTS5 fallback's date orders and pages, on the real corpus (content/ + ../shared/corpus/yrd-dev)
// ingested through the real pipeline into a temporary DATA_DIR. No Meilisearch: `engine: null` is the fallback.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { requireCorpus } from "@/lib/eval/corpora";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { search, syncIndex } from "@/lib/search/index";
import { parseSearchParams } from "@/lib/url-state";
import type { SearchHit, SearchResponse } from "@/lib/search/types";

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-fallback-order-"));
  db = openDb(path.join(dir, "atlas.db"));
  const summary = ingestPaths({ db, paths: ["content", requireCorpus("yrd-dev")] });
  expect(summary.counts.failed).toBe(0);
  const sync = await syncIndex({ db, engine: null });
  expect(sync.fallback.sent).toBe(45);
});

afterAll(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fallback = async (query: string): Promise<SearchResponse> => {
  const r = await search(parseSearchParams(new URLSearchParams(query)), { db, engine: null });
  expect(r.engine).toBe("sqlite");
  return r;
};

/** yyyymmdd of a hit (a month or year precision pads with zeros), null when undated. */
const dateKey = (h: SearchHit): number | null => (h.published ? Number(h.published.replace(/-/g, "").padEnd(8, "0").slice(0, 8)) : null);
const dated = (hits: SearchHit[]) => hits.map(dateKey).filter((d): d is number => d !== null);
const isSorted = (xs: number[], dir: "asc" | "desc") => xs.every((x, i) => i === 0 || (dir === "asc" ? xs[i - 1]! <= x : xs[i - 1]! >= x));
/** Undated hits come after every dated one, in both date orders. */
const undatedLast = (hits: SearchHit[]) => {
  const firstUndated = hits.findIndex((h) => dateKey(h) === null);
  return firstUndated === -1 || hits.slice(firstUndated).every((h) => dateKey(h) === null);
};

describe("SQLite fallback: sort", () => {
  // 长三角 matches most of the corpus; its relevance order is not a date order, so a sort that is ignored shows.
  const Q = "q=长三角&pageSize=100";

  it("relevance order is not already a date order (otherwise the checks below prove nothing)", async () => {
    const r = await fallback(Q);
    expect(r.total).toBeGreaterThan(20);
    expect(dated(r.hits).length).toBeGreaterThan(10);
    expect(isSorted(dated(r.hits), "desc")).toBe(false);
    expect(isSorted(dated(r.hits), "asc")).toBe(false);
    expect(undatedLast(r.hits)).toBe(false);
  });

  it("newest: dates never increase, undated last", async () => {
    const r = await fallback(`${Q}&sort=newest`);
    const dates = dated(r.hits);
    expect(r.hits).toHaveLength(r.total);
    expect(dates.length).toBeGreaterThan(10);
    expect(isSorted(dates, "desc")).toBe(true);
    expect(dates[0]).toBe(Math.max(...dates));
    expect(undatedLast(r.hits)).toBe(true);
  });

  it("oldest: dates never decrease, undated last", async () => {
    const r = await fallback(`${Q}&sort=oldest`);
    const dates = dated(r.hits);
    expect(r.hits).toHaveLength(r.total);
    expect(isSorted(dates, "asc")).toBe(true);
    expect(dates[0]).toBe(Math.min(...dates));
    expect(undatedLast(r.hits)).toBe(true);
    const newest = dated((await fallback(`${Q}&sort=newest`)).hits);
    expect(dates).toEqual([...newest].reverse());
  });

  it("the whole knowledge base (empty query) in both date orders", async () => {
    const newest = await fallback("sort=newest&pageSize=100");
    const oldest = await fallback("sort=oldest&pageSize=100");
    expect(newest.total).toBe(45);
    expect(isSorted(dated(newest.hits), "desc")).toBe(true);
    expect(isSorted(dated(oldest.hits), "asc")).toBe(true);
    expect(undatedLast(newest.hits) && undatedLast(oldest.hits)).toBe(true);
    expect(newest.hits[0]?.published).toBe("2025-12-16");
    expect(oldest.hits[0]?.published).toBe("2019-03-07");
  });
});

describe("SQLite fallback: pages", () => {
  const pages = async (query: string, pageSize: number) => {
    const first = await fallback(`${query}&pageSize=${pageSize}&page=1`);
    const all = [first];
    for (let p = 2; p <= Math.ceil(first.total / pageSize); p++) all.push(await fallback(`${query}&pageSize=${pageSize}&page=${p}`));
    return all;
  };

  it.each([["q=长三角&sort=newest"], ["q=长三角&sort=oldest"], ["q=长三角"], ["sort=newest"]])("%s: page 2 differs from page 1, and the pages cover the total without repeats", async (query) => {
    const size = 7;
    const all = await pages(query, size);
    const total = all[0]!.total;
    expect(total).toBeGreaterThan(2 * size);
    expect(all.length).toBeGreaterThanOrEqual(3);
    all.forEach((r, i) => {
      expect(r.page).toBe(i + 1);
      expect(r.total).toBe(total);
      expect(r.hits).toHaveLength(Math.min(size, total - i * size));
    });
    const [p1, p2] = all.map((r) => r.hits.map((h) => h.id));
    expect(p2).not.toEqual(p1);
    expect(p2!.filter((id) => p1!.includes(id))).toEqual([]);
    const ids = all.flatMap((r) => r.hits.map((h) => h.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(total);
    // The pages, one after another, are the one long list cut in pieces.
    const one = await fallback(`${query}&pageSize=100`);
    expect(ids).toEqual(one.hits.map((h) => h.id));
  });

  it("a page past the end is empty but keeps the total", async () => {
    const r = await fallback("q=长三角&pageSize=20&page=50");
    expect(r.hits).toEqual([]);
    expect(r.total).toBeGreaterThan(20);
  });
});
