import "server-only";
import {
  getArticlePageByEntityIds,
  getEntitiesByIds,
  getEntitiesByRegionIds,
  getEntityByKindAndSlug,
  getFigureSeriesCounts,
  getFiguresByEntityIds,
} from "@/db/queries/entities";
import { isPageKind } from "@/lib/domain/kinds";
import { expandRegion, regionAncestry, regionChildIds, regionSlug } from "@/lib/domain/regions";
import { countMilestonesByEntityIds, getMilestoneRowsByEntityIds, getMilestonesByEntityIds } from "@/db/queries/timeline";
import { targetOutcomes } from "@/lib/domain/milestones";
import { getLearnedAliases } from "@/db/queries/aliases";
import { chartsFromLatest, chooseChartSeries, MAX_CHART_POINTS } from "@/lib/domain/indicators";
import { ENTITY_ARTICLES_PAGE_SIZE, ENTITY_TARGETS_PAGE_SIZE, type EntityPageState } from "@/lib/url-state";

/** Route params arrive percent-encoded or not depending on the caller: decode at most once. */
export function decodeParam(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The entity a page address names, and the ids its page covers (a region: itself and everything below it). */
export function resolveEntity(kind: string, rawSlug: string) {
  if (!isPageKind(kind)) return null;
  // Region pages before the official codes used slug ids (zj-jiaxing-jiashan): they resolve to the code.
  const slug = kind === "region" ? regionSlug(decodeParam(rawSlug)) : decodeParam(rawSlug);
  const entity = getEntityByKindAndSlug({ kind, slug });
  if (!entity) return null;
  return { entity, ids: entity.kind === "region" ? expandRegion(entity.id) : [entity.id] };
}

/** Milestones an entity page lists: the newest ones; the rest are on its filtered timeline. */
export const ENTITY_MILESTONES = 50;

/**
 * An entity's milestones, bounded: the newest ENTITY_MILESTONES (newest first), the total (a count), and one page
 * of its targets (oldest deadline first, ENTITY_TARGETS_PAGE_SIZE a page, the total a count) with the done events
 * that meet them: those about the page's targets' subjects only. A target's outcome depends on the done events about
 * its own subject alone, so a page shows what the whole list showed for the same targets (a province has hundreds).
 */
function entityMilestones(ids: string[], regionIds: string[], askedTargetsPage: number, pageSize: number) {
  const scope = { ids, regionIds };
  const targetCount = countMilestonesByEntityIds({ ...scope, status: "planned" });
  const targetPages = Math.max(1, Math.ceil(targetCount / pageSize));
  const targetsPage = Math.min(askedTargetsPage, targetPages);
  const planned = getMilestonesByEntityIds({ ...scope, status: "planned", limit: pageSize, offset: (targetsPage - 1) * pageSize });
  const subjectIds = [...new Set(planned.map((m) => m.subjectId).filter((x): x is string => !!x))];
  // Only the date and action of the event that meets a target are shown: the rows, without their sources.
  const fulfilling = getMilestoneRowsByEntityIds({ ...scope, status: "done", subjectIds });
  return {
    milestones: getMilestonesByEntityIds({ ...scope, order: "desc", limit: ENTITY_MILESTONES }),
    milestoneCount: countMilestonesByEntityIds(scope),
    targets: targetOutcomes([...planned, ...fulfilling]),
    targetCount,
    targetsPage,
    targetPages,
  };
}

/** Figures an entity page lists (the first in report order; the count says how many there are, the JSON has all). */
export const ENTITY_FIGURES = 30;

/**
 * An entity's figures as its page shows them: how many, the first ENTITY_FIGURES, and the charts (chartIndicators
 * of every figure) chosen from counts per (subject, unit) and drawn from the chosen indicators' latest figures only:
 * a province has 6,000 figures in a hundred indicators.
 */
function entityFigures(ids: string[]) {
  const counts = getFigureSeriesCounts({ ids });
  const { chosen, hidden } = chooseChartSeries(counts);
  const latest = getFiguresByEntityIds({ ids, series: chosen.flatMap((c) => c.pairs), perSeries: MAX_CHART_POINTS });
  return {
    figureCount: counts.reduce((n, c) => n + c.figures, 0),
    figures: getFiguresByEntityIds({ ids, limit: ENTITY_FIGURES }),
    charts: chartsFromLatest(chosen, latest),
    hiddenCharts: hidden,
  };
}

/** One page of the articles naming the entities (most mentions first), the total, and the page shown (a page past the end: the last). */
function entityArticles(ids: string[], askedPage: number, pageSize: number) {
  let articlesPage = askedPage;
  let page = getArticlePageByEntityIds({ ids, limit: pageSize, offset: (articlesPage - 1) * pageSize });
  if (page.items.length === 0 && articlesPage > 1) {
    const total = getArticlePageByEntityIds({ ids, limit: 1 }).total;
    articlesPage = Math.max(1, Math.ceil(total / pageSize));
    page = getArticlePageByEntityIds({ ids, limit: pageSize, offset: (articlesPage - 1) * pageSize });
  }
  return { articles: page.items, articleCount: page.total, articlesPage, articlePages: Math.max(1, Math.ceil(page.total / pageSize)) };
}

/**
 * Everything an entity page shows. Regions include everything located below them. Its long lists come a page at a
 * time (`state`); the sizes are parameters for tests.
 */
export function loadEntityPage(
  kind: string,
  rawSlug: string,
  state: EntityPageState = {},
  targetsPageSize = ENTITY_TARGETS_PAGE_SIZE,
  articlesPageSize = ENTITY_ARTICLES_PAGE_SIZE,
) {
  const targetsPage = state.targetsPage ?? 1;
  const resolved = resolveEntity(kind, rawSlug);
  if (!resolved) return null;
  const { entity, ids } = resolved;
  // Aliases the corpus states for it (not rejected by the reviewer), each with its sources.
  const learned = getLearnedAliases({ entityId: entity.id }).filter((a) => a.status !== "rejected");
  const region = entity.kind === "region";
  return {
    entity,
    learned,
    ids,
    ancestors: region ? regionAncestry(entity.id) : [],
    children: region ? getEntitiesByIds({ ids: regionChildIds(entity.id) }).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")) : [],
    located: region ? getEntitiesByRegionIds({ regionIds: ids }) : [],
    ...entityArticles(ids, state.articlesPage ?? 1, articlesPageSize),
    ...(region ? entityMilestones([], ids, targetsPage, targetsPageSize) : entityMilestones(ids, [], targetsPage, targetsPageSize)),
    ...entityFigures(ids),
  };
}
