import "server-only";
import {
  getArticlesByEntityIds,
  getEntitiesByIds,
  getEntitiesByRegionIds,
  getEntityByKindAndSlug,
  getFiguresByEntityIds,
} from "@/db/queries/entities";
import { isPageKind } from "@/lib/domain/kinds";
import { expandRegion, regionAncestry, regionChildIds, regionSlug } from "@/lib/domain/regions";
import { countMilestonesByEntityIds, getMilestonesByEntityIds } from "@/db/queries/timeline";
import { targetOutcomes } from "@/lib/domain/milestones";
import { getLearnedAliases } from "@/db/queries/aliases";
import { ENTITY_TARGETS_PAGE_SIZE, type EntityPageState } from "@/lib/url-state";

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
  const fulfilling = getMilestonesByEntityIds({ ...scope, status: "done", subjectIds });
  return {
    milestones: getMilestonesByEntityIds({ ...scope, order: "desc", limit: ENTITY_MILESTONES }),
    milestoneCount: countMilestonesByEntityIds(scope),
    targets: targetOutcomes([...planned, ...fulfilling]),
    targetCount,
    targetsPage,
    targetPages,
  };
}

/** Everything an entity page and its export show. Regions include everything located below them. */
export function loadEntityPage(kind: string, rawSlug: string, state: EntityPageState = {}, targetsPageSize = ENTITY_TARGETS_PAGE_SIZE) {
  const targetsPage = state.targetsPage ?? 1;
  const resolved = resolveEntity(kind, rawSlug);
  if (!resolved) return null;
  const { entity } = resolved;
  // Aliases the corpus states for it (not rejected by the reviewer), each with its sources.
  const learned = getLearnedAliases({ entityId: entity.id }).filter((a) => a.status !== "rejected");
  if (entity.kind === "region") {
    const subtree = resolved.ids;
    return {
      entity,
      learned,
      ids: subtree,
      ancestors: regionAncestry(entity.id),
      children: getEntitiesByIds({ ids: regionChildIds(entity.id) }).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
      located: getEntitiesByRegionIds({ regionIds: subtree }),
      articles: getArticlesByEntityIds({ ids: subtree }),
      ...entityMilestones([], subtree, targetsPage, targetsPageSize),
      figures: getFiguresByEntityIds({ ids: subtree }),
    };
  }
  const ids = resolved.ids;
  return {
    entity,
    learned,
    ids,
    ancestors: [],
    children: [],
    located: [],
    articles: getArticlesByEntityIds({ ids }),
    ...entityMilestones(ids, [], targetsPage, targetsPageSize),
    figures: getFiguresByEntityIds({ ids }),
  };
}
