// Issue 13, search CPU: what the speed-ups must not change.
// - The fallback orders its matches on a covering index (search_docs.on_topic, generated from the document, migration
//   0013) and reads only the page's documents: the same answers as reading and sorting every match's document, for
//   the 50 bench searches, each sort, and a later page.
// - The query context (entity names, synonyms, the segmenter) is kept until entities or learned aliases change, from
//   this connection or another one (a version raised by triggers), instead of being rebuilt every few seconds: the
//   same object while nothing changed (searches and index syncs write other tables), a new one after an ingest or an
//   alias added elsewhere, and a search links the new names.
// Real pages (content/ and ../shared/corpus/yrd-dev, its last eight pages later) ingested into a temporary database; no Meilisearch.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { getDataVersion } from "@/db/memo";
import { searchFallback } from "@/db/queries/search";
import { entities } from "@/db/schema";
import { BENCH_QUERIES } from "@/lib/bench/queries";
import { FACET_REGISTRY } from "@/lib/domain/facets";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { search, syncIndex } from "@/lib/search/index";
import { analyzeQuery, getQueryContext } from "@/lib/search/query";
import { normalizeForSearch } from "@/lib/search/segment";
import { searchSqlite } from "@/lib/search/sqlite-search";
import { parseSearchParams } from "@/lib/url-state";
import { ingestYrdDevHoldingBack } from "./search-helpers/yrd-dev";

let dir: string;
let db: Db;
/** yrd-dev's pages (a .txt and its .json each), all but the last few ingested first; the rest by the invalidation test. */
let later: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-search-perf-"));
  db = openDb(path.join(dir, "atlas.db"));
  later = ingestYrdDevHoldingBack(db, 8);
  await syncIndex({ db, engine: null });
});

afterAll(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const withoutTime = (r: object) => JSON.stringify({ ...r, tookMs: 0 });

/**
 * The facet counts of every bench search without a filter, against counts made by reading the facet fields of every
 * matching document (all matches in one page). Returns how many of them matched more than half of the documents,
 * which the fallback counts from its totals over every document minus the others.
 */
function checkFacetCounts(): number {
  const ctx = getQueryContext(db);
  const docs = db.$client.prepare("select count(*) as n from search_docs").get() as { n: number };
  const facets = FACET_REGISTRY.map((f) => f.name);
  const none = Object.fromEntries(facets.map((f) => [f, [] as string[]]));
  let most = 0;
  for (const qs of BENCH_QUERIES) {
    const params = parseSearchParams(new URLSearchParams(qs));
    if (Object.values(params.filters).some((v) => (v as string[] | undefined)?.length)) continue;
    const aq = analyzeQuery(params.q, ctx);
    const q = { db, match: aq.match, anyMatch: aq.anyMatch, relaxedMatch: aq.relaxedMatch, like: aq.like, numbers: aq.numbers, wholeWords: aq.short, filters: none, sort: params.sort };
    const answer = searchFallback({ ...q, limit: 100000, offset: 0, facets });
    expect(answer.rows.length).toBe(answer.total);
    if (answer.total * 2 > docs.n) most += 1;
    for (const f of facets) {
      const expected = new Map<string, number>();
      for (const r of answer.rows) for (const v of (JSON.parse(r.doc) as Record<string, string[]>)[f] ?? []) expected.set(v, (expected.get(v) ?? 0) + 1);
      const got = answer.facetCounts.get(f) ?? [];
      expect(new Map(got.map((c) => [c.value, c.count])), `${qs} ${f}`).toEqual(expected);
      // Ordered by count, then value.
      expect(got).toEqual([...got].sort((a, b) => b.count - a.count || Buffer.compare(Buffer.from(a.value), Buffer.from(b.value))));
    }
  }
  return most;
}

describe("fallback page: ordered on the index = ordered on the documents", () => {
  const variants = BENCH_QUERIES.flatMap((qs) => [qs, `${qs}&sort=newest`, `${qs}&sort=oldest`, `${qs}&page=2&pageSize=5`]);

  it("the 50 bench searches, each sort and a later page: same total, hits in order, facets", () => {
    const ctx = getQueryContext(db);
    let nonEmpty = 0;
    for (const qs of variants) {
      const params = parseSearchParams(new URLSearchParams(qs));
      const aq = analyzeQuery(params.q, ctx);
      const byIndex = searchSqlite(db, params, aq, ctx);
      const byDocuments = searchSqlite(db, params, aq, ctx, { ordering: "documents" });
      expect(withoutTime(byIndex), qs).toEqual(withoutTime(byDocuments));
      if (byIndex.hits.length > 1) nonEmpty += 1;
    }
    // The comparison is about orders, so most searches must return several hits on this corpus.
    expect(nonEmpty).toBeGreaterThan(variants.length / 2);
  });

  it("facet counts: those of the matching documents, also when the matches are most documents", () => {
    expect(checkFacetCounts()).toBeGreaterThan(3);
  });

  it("the on_topic column the page is ordered on is the flag stored in each document", () => {
    // Generated from the document, so it cannot fall out of step with it: on-topic and off-topic pages alike.
    const rows = db.$client.prepare("select on_topic, coalesce(json_extract(doc, '$.on_topic'), 1) as flag from search_docs").all() as { on_topic: number; flag: number }[];
    expect(rows.length).toBeGreaterThan(30);
    for (const r of rows) expect(r.on_topic).toBe(r.flag);
    expect(new Set(rows.map((r) => r.flag))).toEqual(new Set([0, 1]));
  });
});

describe("query context: kept until the entities change", () => {
  it("is the same object while nothing it reads changed (searches, an index sync)", async () => {
    const ctx = getQueryContext(db);
    const version = getDataVersion({ db, name: "search_context" });
    await search(parseSearchParams(new URLSearchParams("q=示范区")), { db, engine: null });
    await syncIndex({ db, engine: null });
    expect(getDataVersion({ db, name: "search_context" })).toBe(version);
    expect(getQueryContext(db)).toBe(ctx);
  });

  it("is rebuilt after an ingest, and a search links the names it added", async () => {
    const before = getQueryContext(db);
    const version = getDataVersion({ db, name: "search_context" });
    ingestPaths({ db, paths: later });
    await syncIndex({ db, engine: null });
    expect(getDataVersion({ db, name: "search_context" })).toBeGreaterThan(version);
    const after = getQueryContext(db);
    expect(after).not.toBe(before);
    const added = [...after.forms.keys()].filter((f) => !before.forms.has(f) && [...f].length >= 3 && !/\s/.test(f));
    expect(added.length).toBeGreaterThan(0);
    const form = added[0]!;
    const r = await search(parseSearchParams(new URLSearchParams({ q: form })), { db, engine: null });
    expect(r.linked).toEqual(expect.arrayContaining(after.forms.get(form) ?? []));
    expect(r.linked.length).toBeGreaterThan(0);
    // The facet totals over every document were re-read after the sync: the counts still match the documents.
    expect(checkFacetCounts()).toBeGreaterThan(3);
  });

  it("is rebuilt when another connection changes an entity's aliases", async () => {
    const ctx = getQueryContext(db);
    const other = openDb(path.join(dir, "atlas.db"));
    try {
      const org = other.select().from(entities).where(eq(entities.kind, "organization")).get();
      expect(org).toBeDefined();
      const alias = "测试机构简称甲乙";
      other.update(entities).set({ aliases: [...(org!.aliases ?? []), alias] }).where(eq(entities.id, org!.id)).run();
      const fresh = getQueryContext(db);
      expect(fresh).not.toBe(ctx);
      expect(fresh.forms.get(normalizeForSearch(alias))).toEqual([org!.id]);
      const r = await search(parseSearchParams(new URLSearchParams({ q: alias })), { db, engine: null });
      expect(r.linked).toEqual([org!.id]);
    } finally {
      other.$client.close();
    }
  });
});
