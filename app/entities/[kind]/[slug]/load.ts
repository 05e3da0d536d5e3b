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
import { getMilestonesByEntityIds } from "@/db/queries/timeline";
import { getLearnedAliases } from "@/db/queries/aliases";

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

/** Everything an entity page and its export show. Regions include everything located below them. */
export function loadEntityPage(kind: string, rawSlug: string) {
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
      milestones: getMilestonesByEntityIds({ ids: [], regionIds: subtree }),
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
    milestones: getMilestonesByEntityIds({ ids }),
    figures: getFiguresByEntityIds({ ids }),
  };
}
