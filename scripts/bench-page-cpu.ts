/**
 * `npm run bench:page-cpu [-- runs]` (default 5): the CPU time of each page's loader, step by step, in process over
 * the database in DATA_DIR (e.g. DATA_DIR=/tmp/pages-10k/data; set MEILI_URL to a refused port for the SQLite
 * fallback). process.cpuUsage around each step, after one warm-up run; median of the runs. Prints a table per page;
 * writes nothing. The wall clock on a shared machine swings with the neighbours' load, the CPU time much less.
 */
import os from "node:os";
import Table from "cli-table3";
import { getDb } from "@/db/client";
import {
  getArticlePageByEntityIds,
  getArticlesByEntityIds,
  getEntitiesByIds,
  getEntitiesByRegionIds,
  getFigureSeriesCounts,
  getFiguresByEntityIds,
  getFiguresByEntityIdsJoined,
} from "@/db/queries/entities";
import { getArticleById, getArticleTitle, getRelatedArticlesById } from "@/db/queries/articles";
import { getLearnedAliases } from "@/db/queries/aliases";
import {
  countMilestonesByEntityIds,
  getLatestMilestones,
  getMilestoneCount,
  getMilestones,
  getMilestonesByArticleId,
  getMilestoneRowsByEntityIds,
  getMilestonesByEntityIds,
  getMilestoneYearCounts,
  getTimelineOptions,
  computeTimelineOptions,
} from "@/db/queries/timeline";
import { loadEntityPage, resolveEntity } from "@/app/entities/[kind]/[slug]/load";
import { chartIndicators, chartsFromLatest, chooseChartSeries, groupIndicators, MAX_CHART_POINTS } from "@/lib/domain/indicators";
import { regionChildIds } from "@/lib/domain/regions";
import { targetOutcomes } from "@/lib/domain/milestones";
import { search } from "@/lib/search";
import { parseSearchParams } from "@/lib/url-state";

const runs = Number(process.argv[2] ?? 5);
const db = getDb();

type Steps = Record<string, () => unknown>;

function cpuMs(f: () => unknown): number {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

async function cpuMsAsync(f: () => Promise<unknown>): Promise<number> {
  const c = process.cpuUsage();
  await f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** An entity page's steps: those the page's loader ran before this round (`old:`) and those it runs now (`new:`). */
function entitySteps(kind: string, slug: string): Steps {
  const resolved = resolveEntity(kind, slug)!;
  const { entity, ids } = resolved;
  const region = entity.kind === "region";
  const scope = region ? { ids: [] as string[], regionIds: ids } : { ids, regionIds: [] as string[] };
  const targets = (done: typeof getMilestonesByEntityIds | typeof getMilestoneRowsByEntityIds) => () => {
    countMilestonesByEntityIds({ ...scope, status: "planned" });
    const planned = getMilestonesByEntityIds({ ...scope, status: "planned", limit: 50, offset: 0 });
    const subjectIds = [...new Set(planned.map((m) => m.subjectId).filter((x): x is string => !!x))];
    return targetOutcomes([...planned, ...done({ ...scope, status: "done", subjectIds })]);
  };
  return {
    "resolve + learned aliases": () => [resolveEntity(kind, slug), getLearnedAliases({ entityId: entity.id })],
    "children + located": () => (region ? [getEntitiesByIds({ ids: regionChildIds(entity.id) }), getEntitiesByRegionIds({ regionIds: ids })] : []),
    "milestones (newest 50 + count)": () => [getMilestonesByEntityIds({ ...scope, order: "desc", limit: 50 }), countMilestonesByEntityIds(scope)],
    "old: articles (200 rows)": () => getArticlesByEntityIds({ ids }),
    "new: articles (page of 50 + total)": () => getArticlePageByEntityIds({ ids, limit: 50 }),
    "old: targets page + done events with details": targets(getMilestonesByEntityIds),
    "new: targets page + done events' rows": targets(getMilestoneRowsByEntityIds),
    "old: figures: every one + charts": () => chartIndicators(groupIndicators(getFiguresByEntityIdsJoined({ ids }))),
    "new: figures: counts, charted ones' latest, first 30": () => {
      const { chosen } = chooseChartSeries(getFigureSeriesCounts({ ids }));
      return [chartsFromLatest(chosen, getFiguresByEntityIds({ ids, series: chosen.flatMap((c) => c.pairs), perSeries: MAX_CHART_POINTS })), getFiguresByEntityIds({ ids, limit: 30 })];
    },
    "new: whole loader (loadEntityPage)": () => loadEntityPage(kind, slug),
  };
}

function articleSteps(id: string): Steps {
  return {
    "old: metadata: getArticleById": () => getArticleById({ id }),
    "new: metadata: getArticleTitle": () => getArticleTitle({ id }),
    "page: getArticleById": () => getArticleById({ id }),
    related: () => getRelatedArticlesById({ id }),
    milestones: () => getMilestonesByArticleId({ articleId: id }),
  };
}

const timelineSteps: Steps = {
  count: () => getMilestoneCount({ filter: {} }),
  "page (100)": () => getMilestones({ filter: {}, limit: 100, offset: 0 }),
  "year counts": () => getMilestoneYearCounts({ filter: {} }),
  "old: options (computed)": () => computeTimelineOptions(),
  "new: options (kept until a write)": () => getTimelineOptions(),
  "off-topic count": () => getMilestoneCount({ filter: { offtopic: true } }),
  "planned count": () => getMilestoneCount({ filter: { status: "planned" } }),
};

const homeSteps: Steps = {
  "latest milestones (4)": () => getLatestMilestones({ limit: 4 }),
  "off-topic count (2 counts)": () => getMilestoneCount({ filter: { offtopic: true } }) - getMilestoneCount({ filter: {} }),
};

async function main() {
  const raw = db.$client;
  const org = raw
    .prepare("select e.kind, e.slug from entities e join mentions m on m.entity_id = e.id where e.kind != 'region' group by e.id order by count(*) desc limit 1")
    .get() as { kind: string; slug: string };
  const article = raw.prepare("select id from articles where duplicate_of is null order by rowid limit 1").pluck().get() as string;
  const pages: Record<string, Steps> = {
    "region 浙江": entitySteps("region", "33"),
    "region 江苏": entitySteps("region", "32"),
    "region 上海": entitySteps("region", "31"),
    "region 嘉善": entitySteps("region", "330421"),
    [`organization ${org.slug}`]: entitySteps(org.kind, org.slug),
    [`article ${article.slice(0, 8)}`]: articleSteps(article),
    "/timeline": timelineSteps,
    "/ (landing, besides the search)": homeSteps,
  };
  const load0 = os.loadavg()[0]!;
  const times: Record<string, Record<string, number[]>> = {};
  const searchTimes: number[] = [];
  for (let run = 0; run <= runs; run++) {
    for (const [page, steps] of Object.entries(pages)) {
      for (const [name, f] of Object.entries(steps)) {
        const ms = cpuMs(f);
        if (run > 0) ((times[page] ??= {})[name] ??= []).push(ms);
      }
    }
    const ms = await cpuMsAsync(() => search(parseSearchParams({})));
    if (run > 0) searchTimes.push(ms);
  }
  for (const [page, steps] of Object.entries(times)) {
    const t = new Table({ head: [page, "CPU ms (median)"], style: { head: [], border: [] } });
    let before = 0;
    let after = 0;
    for (const [name, xs] of Object.entries(steps)) {
      const m = median(xs);
      if (!name.startsWith("new:")) before += m;
      if (!name.startsWith("old:") && !name.startsWith("new: whole")) after += m;
      t.push([name, m.toFixed(1)]);
    }
    if (Object.keys(steps).some((k) => k.startsWith("new:"))) t.push(["total: old steps / new steps", `${before.toFixed(1)} / ${after.toFixed(1)}`]);
    else t.push(["total", before.toFixed(1)]);
    console.log(t.toString());
  }
  console.log(`/ landing search (no query, lib/search): ${median(searchTimes).toFixed(1)} ms CPU`);
  console.log(`${runs} runs after a warm-up; load average ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
