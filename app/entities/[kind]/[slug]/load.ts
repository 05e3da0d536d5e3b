import "server-only";
import {
  getArticlesByEntityIds,
  getEntitiesByRegionIds,
  getEntityByKindAndSlug,
  getFiguresByEntityIds,
  getRegions,
  PAGE_KINDS,
  regionAncestorsOf,
  regionChildrenOf,
  regionSubtreeIds,
  type PageKind,
} from "@/db/queries/entities";
import { getMilestonesByEntityIds } from "@/db/queries/timeline";

/** Route params arrive percent-encoded or not depending on the caller: decode at most once. */
export function decodeParam(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function isPageKind(kind: string): kind is PageKind {
  return (PAGE_KINDS as readonly string[]).includes(kind);
}

/** Everything an entity page and its export show. Regions include everything located below them. */
export function loadEntityPage(kind: string, rawSlug: string) {
  if (!isPageKind(kind)) return null;
  const slug = decodeParam(rawSlug);
  const entity = getEntityByKindAndSlug({ kind, slug });
  if (!entity) return null;
  if (entity.kind === "region") {
    const regions = getRegions();
    const node = regions.find((r) => r.id === entity.id)!;
    const subtree = regionSubtreeIds(regions, entity.id);
    return {
      entity,
      ids: subtree,
      ancestors: regionAncestorsOf(regions, node),
      children: regionChildrenOf(regions, node),
      located: getEntitiesByRegionIds({ regionIds: subtree }),
      articles: getArticlesByEntityIds({ ids: subtree }),
      milestones: getMilestonesByEntityIds({ ids: [], regionIds: subtree }),
      figures: getFiguresByEntityIds({ ids: subtree }),
    };
  }
  const ids = [entity.id];
  return {
    entity,
    ids,
    ancestors: [],
    children: [],
    located: [],
    articles: getArticlesByEntityIds({ ids }),
    milestones: getMilestonesByEntityIds({ ids }),
    figures: getFiguresByEntityIds({ ids }),
  };
}
