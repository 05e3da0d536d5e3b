// The regions a result card shows: the seed articles through the real pipeline and the SQLite search path
// (the same search documents Meilisearch gets), ordered most specific first, then most mentioned, then first mentioned.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { search, syncIndex } from "@/lib/search/index";
import { parseSearchParams } from "@/lib/url-state";
import type { SearchHit } from "@/lib/search/types";

/** How many region chips a card shows (components/search/hit-list.tsx). */
const CARD_REGIONS = 6;
const JIASHAN = "region:330421";

let dir: string;
let db: Db;
let hits: SearchHit[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-regions-"));
  db = openDb(path.join(dir, "atlas.db"));
  expect(ingestPaths({ db, paths: ["content"] }).counts.failed).toBe(0);
  await syncIndex({ db, engine: null });
  hits = (await search(parseSearchParams(new URLSearchParams("q=嘉善&pageSize=50")), { db, engine: null })).hits;
});

afterAll(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("regions on a result card", () => {
  it("show 嘉善 among the first regions of every seed that names it", () => {
    const naming = hits.filter((h) => h.regions.some((r) => r.id === JIASHAN));
    // 体检报告, 136项制度创新成果 (11 regions) and 嘉善准备好了 (16 regions) name 嘉善.
    expect(naming.length).toBeGreaterThanOrEqual(3);
    for (const h of naming) {
      expect(h.regions.slice(0, CARD_REGIONS).map((r) => r.name), h.title).toContain("嘉善");
    }
  });

  it("order each card's regions by mentions weighted by level (town 5×, district/county 4×, city 3×, province 2×, zone 1×), then level, then first mention", () => {
    const level: Record<string, number> = { town: 4, district: 3, county: 3, city: 2, province: 1, zone: 0 };
    const weight = (r: { type: string; n: number }) => r.n * (1 + level[r.type]!);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      const rows = db.all<{ id: string; type: string; n: number; first: number }>(sql`
        select e.id as id, e.type as type, count(*) as n, min(m.paragraph * 1000000 + m.start) as first
        from mentions m join entities e on e.id = m.entity_id
        where m.article_id = ${h.id} and e.kind = 'region' group by e.id`);
      const expected = rows
        .sort((a, b) => weight(b) - weight(a) || level[b.type]! - level[a.type]! || a.first - b.first || a.id.localeCompare(b.id))
        .map((r) => r.id);
      expect(h.regions.map((r) => r.id), h.title).toEqual(expected);
    }
  });

  it("put 嘉善 (41 mentions) first on 嘉善准备好了, ahead of the towns it names a few times and of 江苏 and 上海", () => {
    const h = hits.find((x) => x.title.includes("嘉善准备好了"));
    expect(h).toBeTruthy();
    expect(h!.regions[0]?.name).toBe("嘉善");
    const names = h!.regions.map((r) => r.name);
    expect(names.indexOf("嘉善")).toBeLessThan(names.indexOf("江苏") === -1 ? Infinity : names.indexOf("江苏"));
  });
});
