import "server-only";
import { countArticlesByEntityIds, getEntitiesByIds } from "@/db/queries/entities";
import { countMilestonesByEntityIds } from "@/db/queries/timeline";
import { entityHref, kindLabel } from "@/lib/domain/kinds";
import { expandRegion, regionAncestry, regionLevelLabel, regionOf } from "@/lib/domain/regions";
import { timelineHref } from "@/lib/url-state";

/** What the search page shows above the results when the query names an entity. */
export interface EntityCardData {
  id: string;
  kind: string;
  kindLabel: string;
  name: string;
  aliases: string[];
  /** Where it is: a project's or organization's region, a place's parents (浙江 › 嘉兴). */
  where: string | null;
  articles: number;
  milestones: number;
  href: string | null;
  timelineHref: string | null;
}

/** The cards of the first few linked entities (a region counts everything located below it, as its page does). */
export function loadEntityCards(ids: string[], limit = 2): EntityCardData[] {
  const byId = new Map(getEntitiesByIds({ ids: ids.slice(0, limit) }).map((e) => [e.id, e]));
  return ids.slice(0, limit).flatMap((id) => {
    const e = byId.get(id);
    if (!e) return [];
    const region = e.kind === "region";
    const scope = region ? expandRegion(e.id) : [e.id];
    const milestones = region ? countMilestonesByEntityIds({ ids: [], regionIds: scope }) : countMilestonesByEntityIds({ ids: scope });
    const where = region
      ? regionAncestry(e.id).map((r) => r.name).join(" › ") || null
      : e.regionId
        ? (regionOf(e.regionId)?.name ?? null)
        : null;
    const href = entityHref(e);
    return [
      {
        id: e.id,
        kind: e.kind,
        kindLabel: region && e.type ? regionLevelLabel(e.type) : kindLabel(e.kind),
        name: e.name,
        aliases: e.aliases.filter((a) => a !== e.name).slice(0, 6),
        where,
        articles: countArticlesByEntityIds({ ids: scope }),
        milestones,
        href,
        timelineHref: region ? timelineHref({ region: e.id }) : e.kind === "plan" ? timelineHref({ plan: e.id }) : href ? `${href}#ms-h` : null,
      },
    ];
  });
}
