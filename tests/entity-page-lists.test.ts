// An entity page no longer reads every figure and 200 articles: the charts are chosen from counts per (subject,
// unit) and drawn from the chosen indicators' latest figures, the figure list is the first 30, and the articles
// come a page at a time (`?articles=N`). Here the page's data is compared with what the old loader computed from
// every figure and the whole article list, on real pages ingested into a temporary DATA_DIR.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-entity-lists-"));
process.env.DATA_DIR = dir;
process.env.MEILI_URL = "http://127.0.0.1:9";
process.env.MEILI_MASTER_KEY = "closed";

const { getDb, openDb } = await import("@/db/client");
const { getArticlesByEntityIds, getFigureSeriesCounts, getFiguresByEntityIds, getFiguresByEntityIdsJoined } = await import("@/db/queries/entities");
const { computeTimelineOptions, getTimelineOptions } = await import("@/db/queries/timeline");
const { memoUntilWrite } = await import("@/db/memo");
const { ingestPaths } = await import("@/lib/ingest/pipeline");
const { requireCorpus } = await import("@/lib/eval/corpora");
const { loadEntityPage, resolveEntity, ENTITY_FIGURES } = await import("@/app/entities/[kind]/[slug]/load");
const { chartIndicators, chartsFromLatest, chooseChartSeries, groupIndicators } = await import("@/lib/domain/indicators");
const { entityPageHref, parseEntityPageParams, ENTITY_ARTICLES_KEY, ENTITY_TARGETS_KEY } = await import("@/lib/url-state");

/** Every figure by the plain join the page read them with before: the reference. */
const everyFigure = (ids: string[]) => getFiguresByEntityIdsJoined({ ids });

const drawn = (charts: { subject: string; unit: string; points: unknown[]; totalPoints: number }[]) =>
  charts.map((c) => ({ subject: c.subject, unit: c.unit, points: c.points, totalPoints: c.totalPoints }));

/** Entities with figures (every page kind), regions as their pages address them. */
let withFigures: { kind: string; slug: string; ids: string[] }[] = [];

beforeAll(() => {
  ingestPaths({ db: getDb(), paths: ["content", requireCorpus("yrd-dev")] });
  const raw = getDb().$client;
  const rows = raw
    .prepare("select e.kind, e.slug from entities e where e.kind != 'date' and exists (select 1 from figures f where f.entity_id = e.id) order by e.id")
    .all() as { kind: string; slug: string }[];
  withFigures = [...rows, ...["31", "32", "33", "34"].map((slug) => ({ kind: "region", slug }))].flatMap((r) => {
    const resolved = resolveEntity(r.kind, r.slug);
    return resolved ? [{ ...r, ids: resolved.ids }] : [];
  });
  // The corpus has indicators with several values, some with a value before (two points), and entities with more
  // figures than the list shows: the comparisons below are not vacuous.
  expect(withFigures.length).toBeGreaterThanOrEqual(5);
  expect(withFigures.some((e) => chartIndicators(groupIndicators(everyFigure(e.ids)), 2, 3).hidden > 0)).toBe(true);
  expect(withFigures.some((e) => everyFigure(e.ids).some((f) => f.before !== null && f.subject))).toBe(true);
}, 180_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("entity page: figures and charts without reading every figure", () => {
  it("the page's charts, hidden count, figure count and figure list are those of every figure", () => {
    for (const e of withFigures) {
      const all = everyFigure(e.ids);
      const old = chartIndicators(groupIndicators(all));
      const page = loadEntityPage(e.kind, e.slug)!;
      expect(drawn(page.charts), `${e.kind}/${e.slug}`).toEqual(drawn(old.charts));
      expect(page.hiddenCharts).toBe(old.hidden);
      expect(page.figureCount).toBe(all.length);
      expect(page.figures).toEqual(all.slice(0, ENTITY_FIGURES));
      // The export still has every figure, in the same order.
      expect(getFiguresByEntityIds({ ids: e.ids })).toEqual(all);
    }
  });

  it("with few charts and few points (truncation everywhere): the same choice, order and latest points", () => {
    let truncated = 0;
    for (const e of withFigures) {
      for (const [maxCharts, maxPoints] of [[1, 1], [2, 2], [3, 3], [5, 24]] as const) {
        const old = chartIndicators(groupIndicators(everyFigure(e.ids)), maxCharts, maxPoints);
        const { chosen, hidden } = chooseChartSeries(getFigureSeriesCounts({ ids: e.ids }), maxCharts);
        const latest = getFiguresByEntityIds({ ids: e.ids, series: chosen.flatMap((c) => c.pairs), perSeries: maxPoints });
        expect(drawn(chartsFromLatest(chosen, latest, maxPoints)), `${e.kind}/${e.slug} ${maxCharts}×${maxPoints}`).toEqual(drawn(old.charts));
        expect(hidden).toBe(old.hidden);
        truncated += old.charts.filter((c) => c.totalPoints > c.points.length).length;
      }
    }
    expect(truncated).toBeGreaterThan(0);
  });
});

describe("entity page: articles one page at a time", () => {
  it("the pages together are the whole list in the same order; the total counts every article", () => {
    const region = resolveEntity("region", "33")!;
    const whole = getArticlesByEntityIds({ ids: region.ids, limit: 100_000 });
    expect(whole.length).toBeGreaterThan(6);
    const size = 3;
    const first = loadEntityPage("region", "33", {}, 50, size)!;
    expect(first.articleCount).toBe(whole.length);
    expect(first.articlePages).toBe(Math.ceil(whole.length / size));
    const all = [];
    for (let p = 1; p <= first.articlePages; p++) {
      const page = loadEntityPage("region", "33", { articlesPage: p }, 50, size)!;
      expect(page.articlesPage).toBe(p);
      expect(page.articles.length).toBeLessThanOrEqual(size);
      all.push(...page.articles);
    }
    expect(all).toEqual(whole);
    // A page past the end shows the last one; the targets' page is left alone.
    const past = loadEntityPage("region", "33", { articlesPage: 999, targetsPage: 1 }, 50, size)!;
    expect(past.articlesPage).toBe(first.articlePages);
    expect(past.articles).toEqual(whole.slice((first.articlePages - 1) * size));
    expect(past.targetsPage).toBe(1);
  });

  it("URL grammar: ?articles=N beside ?targets=N, checked like every page number; links keep the other list's page", () => {
    expect(parseEntityPageParams(new URLSearchParams("articles=1"))).toEqual({});
    expect(parseEntityPageParams(new URLSearchParams("articles=4&targets=2"))).toEqual({ articlesPage: 4, targetsPage: 2 });
    expect(() => parseEntityPageParams(new URLSearchParams("articles=0"))).toThrow(/articles：应在 1 到/);
    expect(() => parseEntityPageParams(new URLSearchParams("articles=二"))).toThrow(/articles：应为整数/);
    expect(() => parseEntityPageParams(new URLSearchParams("articles=2&articles=3"))).toThrow(/只能给一个值/);
    expect(() => parseEntityPageParams(new URLSearchParams("article=2"))).toThrow(/不认识的参数/);
    const href = entityPageHref("/entities/region/33", { targetsPage: 2, articlesPage: 4 }, "art-h");
    expect(href).toBe(`/entities/region/33?${ENTITY_TARGETS_KEY}=2&${ENTITY_ARTICLES_KEY}=4#art-h`);
    expect(parseEntityPageParams(new URL(href, "http://atlas.test").searchParams)).toEqual({ targetsPage: 2, articlesPage: 4 });
    expect(entityPageHref("/entities/region/33", { articlesPage: 1 }, "art-h")).toBe("/entities/region/33#art-h");
  });
});

describe("aggregates kept until the next write", () => {
  it("recomputed after a write on this connection and after another connection's commit, not otherwise", () => {
    const db = getDb();
    let computed = 0;
    const read = () => memoUntilWrite(db, "test", () => ++computed);
    expect([read(), read()]).toEqual([1, 1]);
    // A temporary table (the search fallback writes one per query) is no change to the data.
    db.$client.exec("create temp table if not exists memo_probe (x); insert into temp.memo_probe values (1)");
    expect(read()).toBe(1);
    db.$client.prepare("update articles set title = title || '·' where rowid = (select min(rowid) from articles)").run();
    expect([read(), read()]).toEqual([2, 2]);
    const other = openDb(path.join(dir, "atlas.db"));
    try {
      other.$client.prepare("update articles set title = title || '·' where rowid = (select min(rowid) from articles)").run();
    } finally {
      other.$client.close();
    }
    expect(read()).toBe(3);
    // The timeline's options are one of them: kept while nothing is written, computed afresh after a write.
    const options = getTimelineOptions({ db });
    expect(getTimelineOptions({ db })).toBe(options);
    db.$client.prepare("delete from milestone_sources where rowid = (select min(rowid) from milestone_sources)").run();
    const after = getTimelineOptions({ db });
    expect(after).not.toBe(options);
    expect(after).toEqual(computeTimelineOptions({ db }));
  });
});
