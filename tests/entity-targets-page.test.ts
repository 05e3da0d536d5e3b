// An entity page's targets (目标与完成情况) come one page at a time (`?targets=N`, lib/url-state.ts) instead of every
// target of a province at once: the pages together are the whole list, in the same order and with the same outcomes
// as when every target and every done event were loaded. Real pages ingested into a temporary DATA_DIR.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-targets-page-"));
process.env.DATA_DIR = dir;
process.env.MEILI_URL = "http://127.0.0.1:9";
process.env.MEILI_MASTER_KEY = "closed";

const { getDb } = await import("@/db/client");
const { ingestPaths } = await import("@/lib/ingest/pipeline");
const { requireCorpus } = await import("@/lib/eval/corpora");
const { loadEntityPage } = await import("@/app/entities/[kind]/[slug]/load");
const { getMilestonesByEntityIds } = await import("@/db/queries/timeline");
const { targetOutcomes } = await import("@/lib/domain/milestones");
const { expandRegion } = await import("@/lib/domain/regions");
const { entityPageHref, parseEntityPageParams, ENTITY_TARGETS_KEY } = await import("@/lib/url-state");
const { chartIndicators } = await import("@/lib/domain/indicators");

type Outcomes = ReturnType<typeof targetOutcomes>;
const key = (xs: Outcomes) => xs.map((o) => `${o.target.id}>${o.metBy?.id ?? "-"}${o.late ? "!" : ""}`);

/** The whole list as the page computed it before: every target of the region and every done event about their subjects. */
function wholeList(regionId: string): Outcomes {
  const scope = { ids: [], regionIds: expandRegion(regionId) };
  const planned = getMilestonesByEntityIds({ ...scope, status: "planned" });
  const subjectIds = [...new Set(planned.map((m) => m.subjectId).filter((x): x is string => !!x))];
  return targetOutcomes([...planned, ...getMilestonesByEntityIds({ ...scope, status: "done", subjectIds })]);
}

/**
 * This small corpus reports no target as done yet: a few targets' own milestones are copied as done events (same
 * subject, action and sources, so inside the same region), so that outcomes are compared too, not only ids.
 */
function addDoneEvents(regionId: string): number {
  const raw = getDb().$client;
  const cols = (table: string) => (raw.prepare("select name from pragma_table_info(?)").all(table) as { name: string }[]).map((r) => r.name);
  const copy = (table: string, idColumn: string, newId: string, oldId: string, set: Record<string, string> = {}) => {
    const c = cols(table);
    raw
      .prepare(`insert or ignore into ${table} (${c.join(", ")}) select ${c.map((x) => (x === idColumn ? "?" : (set[x] ?? x))).join(", ")} from ${table} where ${idColumn} = ?`)
      .run(newId, oldId);
  };
  const targets = getMilestonesByEntityIds({ ids: [], regionIds: expandRegion(regionId), status: "planned" }).filter((m) => m.subjectId);
  const chosen = targets.filter((_, i) => i % 3 === 0).slice(0, 4);
  for (const t of chosen) {
    const id = `${t.id}~done-test`;
    copy("milestones", "id", id, t.id, { status: "'done'" });
    copy("milestone_entities", "milestone_id", id, t.id);
    copy("milestone_sources", "milestone_id", id, t.id);
  }
  return chosen.length;
}

let region: { slug: string; id: string; whole: Outcomes };

beforeAll(() => {
  ingestPaths({ db: getDb(), paths: ["content", requireCorpus("yrd-dev")] });
  for (const slug of ["31", "32", "33", "34"]) addDoneEvents(`region:${slug}`);
  // The province (or city) with the most targets in this corpus.
  const candidates = ["31", "32", "33", "34"].map((slug) => ({ slug, id: `region:${slug}`, whole: wholeList(`region:${slug}`) }));
  region = candidates.sort((a, b) => b.whole.length - a.whole.length)[0]!;
  expect(region.whole.length).toBeGreaterThanOrEqual(5);
  // Some target is met, so the outcomes are checked, not only the ids.
  expect(region.whole.some((o) => o.metBy)).toBe(true);
}, 180_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("entity page: targets one page at a time", () => {
  it("the pages together are the whole list, same order and outcomes; each page bounded", () => {
    const size = 2;
    const first = loadEntityPage("region", region.slug, {}, size)!;
    expect(first.targetCount).toBe(region.whole.length);
    expect(first.targetPages).toBe(Math.ceil(region.whole.length / size));
    const all: Outcomes = [];
    for (let p = 1; p <= first.targetPages; p++) {
      const page = loadEntityPage("region", region.slug, { targetsPage: p }, size)!;
      expect(page.targetsPage).toBe(p);
      expect(page.targets.length).toBeLessThanOrEqual(size);
      all.push(...page.targets);
    }
    expect(key(all)).toEqual(key(region.whole));
  });

  it("the default page size bounds a long list; a page past the end shows the last one", () => {
    const page = loadEntityPage("region", region.slug)!;
    expect(page.targets.length).toBe(Math.min(50, region.whole.length));
    const past = loadEntityPage("region", region.slug, { targetsPage: 999 }, 2)!;
    expect(past.targetsPage).toBe(past.targetPages);
    expect(key(past.targets)).toEqual(key(region.whole.slice((past.targetPages - 1) * 2)));
  });

  it("URL grammar: ?targets=N, checked like every other page number", () => {
    expect(parseEntityPageParams(new URLSearchParams(""))).toEqual({});
    expect(parseEntityPageParams(new URLSearchParams("targets=1"))).toEqual({});
    expect(parseEntityPageParams(new URLSearchParams("targets=3"))).toEqual({ targetsPage: 3 });
    expect(() => parseEntityPageParams(new URLSearchParams("targets=0"))).toThrow(/targets/);
    expect(() => parseEntityPageParams(new URLSearchParams("targets=x"))).toThrow(/整数/);
    expect(() => parseEntityPageParams(new URLSearchParams("page=2"))).toThrow(/不认识的参数/);
    const href = entityPageHref("/entities/region/33", { targetsPage: 3 });
    expect(href).toBe(`/entities/region/33?${ENTITY_TARGETS_KEY}=3#tg-h`);
    expect(parseEntityPageParams(new URL(href, "http://atlas.test").searchParams)).toEqual({ targetsPage: 3 });
    expect(entityPageHref("/entities/region/33", {})).toBe("/entities/region/33#tg-h");
  });
});

describe("entity page: charts bounded", () => {
  const ind = (subject: string, n: number) => ({ subject, unit: "亿元", figures: [], points: Array.from({ length: n }, (_, i) => ({ label: `${2000 + i}年`, value: i })) });

  it("the indicators with the most values, each with its latest values; one-value indicators are not charted", () => {
    const list = [ind("a", 3), ind("b", 40), ind("c", 1), ind("d", 3), ind("e", 5)];
    const { charts, hidden } = chartIndicators(list, 3, 24);
    expect(charts.map((c) => c.subject)).toEqual(["b", "e", "a"]);
    expect(hidden).toBe(1);
    expect(charts[0]!.points).toHaveLength(24);
    expect(charts[0]!.points.at(-1)!.label).toBe("2039年");
    expect(charts[0]!.totalPoints).toBe(40);
    expect(chartIndicators(list).hidden).toBe(0);
  });
});
