import { getEntitiesByIds, getEntityExists } from "@/db/queries/entities";
import { getMilestones } from "@/db/queries/timeline";
import { errorResponse } from "@/lib/errors";
import { atomResponse } from "@/lib/feeds/atom";
import { FEED_SIZE, milestoneEntry } from "@/lib/feeds/entries";
import { parseTimelineParams, timelineHref } from "@/lib/url-state";

export const dynamic = "force-dynamic";

/** GET /feeds/timeline?region=&topic=&plan=&from=&to=: the timeline's parameters, newest milestones first, as Atom. */
export function GET(request: Request) {
  try {
    const url = new URL(request.url);
    // A feed is always the newest entries: `page`/`limit` from a copied timeline URL are accepted and dropped.
    const { page: _page, limit: _limit, ...filter } = parseTimelineParams(url.searchParams, { entityExists: (id) => getEntityExists({ id }) });
    // What's new is what happened: targets (dated by their deadline) only when the filter asks for them.
    // Newest first and FEED_SIZE rows in SQL (the timeline only holds dated milestones).
    const newest = getMilestones({ filter: { status: "done", ...filter }, order: "desc", limit: FEED_SIZE }).filter(
      (m): m is typeof m & { date: string } => m.date !== null,
    );
    const page = timelineHref(filter);
    const names = new Map(getEntitiesByIds({ ids: [filter.region, filter.plan].filter((x): x is string => !!x) }).map((e) => [e.id, e.name]));
    const described = [filter.region, filter.topic, filter.plan].filter((x): x is string => !!x).map((v) => names.get(v) ?? v);
    if (filter.from || filter.to) described.push(`${filter.from ?? "…"}—${filter.to ?? "…"}`);
    return atomResponse({
      key: timelineHref(filter, {}, "timeline"),
      title: `Delta Atlas 里程碑时间线${described.length ? `：${described.join(" · ")}` : ""}`,
      subtitle: "最新的里程碑（规划批复、项目开工与投用、报告发布）",
      self: `${url.origin}${timelineHref(filter, {}, "/feeds/timeline")}`,
      alternate: `${url.origin}${page}`,
      entries: newest.map(milestoneEntry(url.origin)),
    });
  } catch (e) {
    return errorResponse(e);
  }
}
