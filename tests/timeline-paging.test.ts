/**
 * Timeline paging over a real SQLite filled through the real pipeline (processPage → extract → buildRecord →
 * upsertArticle): a page holds at most `limit`, pages continue each other without gaps or repeats, totals come from
 * the count, filters combine with paging, the JSON API reports next/prev pages, the CSV export keeps every row, and the
 * feed takes the newest in SQL. Pages written for this test (one dated 开工 event per article, distinct projects).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-timeline-paging-"));
process.env.DATA_DIR = dir;

const { getDb } = await import("@/db/client");
const { upsertArticle } = await import("@/db/queries/ingest");
const { countMilestonesByEntityIds, getMilestoneCount, getMilestoneYearCounts, getMilestones, getMilestonesByEntityIds, milestoneBatches } = await import("@/db/queries/timeline");
const { expandRegion } = await import("@/lib/domain/regions");
const { extract } = await import("@/lib/extract");
const { processPage } = await import("@/lib/ingest/process");
const { buildRecord } = await import("@/lib/ingest/record");
const { parseTimelineParams, timelineHref } = await import("@/lib/url-state");
const { GET: timelineApi } = await import("@/app/api/timeline/route");
const { GET: timelineFeed } = await import("@/app/feeds/timeline/route");

const PLACES = ["青浦", "吴江", "嘉善", "昆山", "太仓", "平湖", "海宁", "德清", "长兴", "安吉", "溧阳", "宜兴", "郎溪", "广德"];
const YEARS = [2019, 2020, 2021];

beforeAll(() => {
  const db = getDb();
  PLACES.forEach((place, i) => {
    const year = YEARS[i % YEARS.length]!;
    const month = (i % 12) + 1;
    // The zone in the headline too: a one-sentence page otherwise sits at the relevance threshold (the 长三角 inside the
    // zone's short name is no separate mention since regions round 9), and this test is about paging, not relevance.
    const text = `${place}示范区重大项目开工\n发布时间：${year}-${String(month).padStart(2, "0")}-20\n${year}年${month}月8日,${place}长三角生态绿色一体化示范区第${i + 1}号水网工程正式开工。\n`;
    const cleaned = processPage(Buffer.from(text), { fileName: `p${i}.txt`, sidecar: { url: `https://example.org/p${i}` } });
    upsertArticle({ db, record: buildRecord({ cleaned, extraction: extract(cleaned), filePath: null, fetchedAt: null }) });
  });
});

afterAll(() => {
  getDb().$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("timeline paging in SQL", () => {
  it("has enough milestones to page through", () => {
    expect(getMilestoneCount({})).toBeGreaterThanOrEqual(12);
  });

  it("a page holds at most `limit`, and consecutive pages continue the full list without gaps or repeats", () => {
    const all = getMilestones({});
    const total = getMilestoneCount({});
    expect(all).toHaveLength(total);
    const pages = [0, 1, 2, 3, 4].map((p) => getMilestones({ limit: 4, offset: p * 4 }));
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(4);
    expect(pages[0]).toHaveLength(4);
    expect(pages.flat().map((m) => m.id)).toEqual(all.map((m) => m.id).slice(0, 20));
    // Details come with the page (batched queries over the page's ids).
    for (const m of pages[1]!) expect(m.sources.length).toBeGreaterThan(0);
  });

  it("newest-first pages are the reverse order", () => {
    const all = getMilestones({}).map((m) => m.id);
    expect(getMilestones({ order: "desc", limit: 3 }).map((m) => m.id)).toEqual(all.slice(-3).reverse());
  });

  it("filters combine with paging, and the per-year counts are totals, not page sizes", () => {
    const filter = { from: "2020", to: "2020" };
    const total = getMilestoneCount({ filter });
    expect(total).toBeGreaterThan(2);
    const p1 = getMilestones({ filter, limit: 2 });
    const p2 = getMilestones({ filter, limit: 2, offset: 2 });
    expect(p1).toHaveLength(2);
    for (const m of [...p1, ...p2]) expect(m.date!.slice(0, 4)).toBe("2020");
    expect(new Set([...p1, ...p2].map((m) => m.id)).size).toBe(p1.length + p2.length);
    const years = getMilestoneYearCounts({});
    expect(years.find((y) => y.year === "2020")?.count).toBe(total);
    expect(years.reduce((n, y) => n + y.count, 0)).toBe(getMilestoneCount({}));
  });
});

describe("CSV batches", () => {
  it("keyset batches cover every milestone once, in the timeline's order", async () => {
    const seen: string[] = [];
    let batches = 0;
    for await (const b of milestoneBatches({ size: 3 })) {
      expect(b.length).toBeLessThanOrEqual(3);
      seen.push(...b.map((m) => m.id));
      batches += 1;
    }
    expect(seen).toEqual(getMilestones({}).map((m) => m.id));
    expect(batches).toBe(Math.ceil(seen.length / 3));
  });
});

describe("entity milestones, bounded", () => {
  it("a region's page of milestones is the newest `limit`, and its count matches the timeline's region filter", () => {
    const region = getMilestones({}).flatMap((m) => m.regions)[0]!;
    const regionIds = expandRegion(region.id);
    const total = countMilestonesByEntityIds({ ids: [], regionIds });
    expect(total).toBe(getMilestoneCount({ filter: { region: region.id } }));
    const newest = getMilestonesByEntityIds({ ids: [], regionIds, order: "desc", limit: 2 });
    expect(newest.length).toBe(Math.min(2, total));
    const all = getMilestonesByEntityIds({ ids: [], regionIds });
    expect(newest.map((m) => m.id)).toEqual(all.slice(-newest.length).reverse().map((m) => m.id));
  });
});

describe("timeline paging grammar", () => {
  it("parses page and limit, rejecting bad values with the Chinese 400", () => {
    expect(parseTimelineParams({ page: "3" }).page).toBe(3);
    expect(parseTimelineParams({ page: "1" }).page).toBeUndefined();
    expect(parseTimelineParams({}).limit).toBeUndefined();
    expect(parseTimelineParams({ limit: "100" }).limit).toBeUndefined();
    expect(parseTimelineParams({ limit: "20" }).limit).toBe(20);
    for (const bad of [{ page: "0" }, { page: "x" }, { page: "-1" }]) expect(() => parseTimelineParams(bad)).toThrow(/page/);
    for (const bad of [{ limit: "0" }, { limit: "501" }, { limit: "1.5" }]) expect(() => parseTimelineParams(bad)).toThrow(/limit/);
  });

  it("writes page into hrefs and drops it when the filter changes", () => {
    expect(timelineHref({ region: "r", page: 3 })).toBe("/timeline?region=r&page=3");
    expect(timelineHref({ region: "r", page: 3 }, { page: 4 })).toBe("/timeline?region=r&page=4");
    expect(timelineHref({ region: "r", page: 3 }, { from: "2020" })).toBe("/timeline?region=r&from=2020");
    expect(timelineHref({ page: 3 }, { page: 1 })).toBe("/timeline");
    expect(timelineHref({ page: 2, limit: 20 }, { status: "done" })).toBe("/timeline?status=done&limit=20");
  });
});

describe("/api/timeline", () => {
  const get = (qs: string) => timelineApi(new Request(`http://atlas.test/api/timeline${qs}`));

  it("returns one page with total and next/prev links; following next walks the whole list", async () => {
    const total = getMilestoneCount({});
    const seen: string[] = [];
    let url: string | null = "?limit=5";
    let pages = 0;
    while (url) {
      const res = await get(url.replace(/^\/api\/timeline/, ""));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { total: number; page: number; limit: number; next: string | null; prev: string | null; items: { id: string }[] };
      expect(body.total).toBe(total);
      expect(body.limit).toBe(5);
      expect(body.items.length).toBeLessThanOrEqual(5);
      expect(body.prev === null).toBe(body.page === 1);
      seen.push(...body.items.map((m) => m.id));
      url = body.next;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(total / 5));
    expect(seen).toEqual(getMilestones({}).map((m) => m.id));
  });

  it("a bad page or limit is the Chinese 400", async () => {
    for (const qs of ["?page=0", "?limit=100000", "?limit=abc"]) {
      const res = await get(qs);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("the CSV export has every row, whatever page is asked", async () => {
    const total = getMilestoneCount({});
    const csv = await (await get("?format=csv&page=2&limit=1")).text();
    const ids = new Set(getMilestones({}).map((m) => m.id));
    const found = [...ids].filter((id) => csv.includes(id));
    expect(found).toHaveLength(total);
  });

  it("the feed lists the newest milestones first, dropping a page parameter", async () => {
    const xml = await (await timelineFeed(new Request("http://atlas.test/feeds/timeline?page=2"))).text();
    const newest = getMilestones({ filter: { status: "done" }, order: "desc", limit: 1 })[0]!;
    expect(xml).toContain(newest.event.slice(0, 8));
  });
});
