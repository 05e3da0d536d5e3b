import { getEntityExists } from "@/db/queries/entities";
import { getMilestoneCount, getMilestones, milestoneBatches, type MilestoneItem } from "@/db/queries/timeline";
import { errorResponse } from "@/lib/errors";
import { csvResponse, csvStream, type CsvColumn } from "@/lib/format";
import { parseFormat, parseTimelineParams, timelineHref, TIMELINE_PAGE_SIZE } from "@/lib/url-state";

export const dynamic = "force-dynamic";

const columns: CsvColumn<MilestoneItem>[] = [
  { header: "id", value: (m) => m.id },
  { header: "date", value: (m) => m.date },
  { header: "precision", value: (m) => m.precision },
  { header: "date_end", value: (m) => m.dateEnd },
  { header: "action", value: (m) => m.action },
  { header: "status", value: (m) => m.status },
  { header: "subject", value: (m) => m.subject },
  { header: "subject_id", value: (m) => m.subjectId },
  { header: "event", value: (m) => m.event },
  { header: "entities", value: (m) => m.entities.map((e) => e.name) },
  { header: "entity_ids", value: (m) => m.entities.map((e) => e.id) },
  { header: "regions", value: (m) => m.regions.map((r) => r.name) },
  { header: "source_count", value: (m) => m.sources.length },
  { header: "source_article_ids", value: (m) => m.sources.map((s) => s.articleId) },
  { header: "source_titles", value: (m) => m.sources.map((s) => s.title) },
];

/**
 * GET /api/timeline?region=&topic=&plan=&from=&to=&status=[&page=&limit=][&format=csv]
 * JSON: one page (`limit` milestones, default 100, at most 500; `page` 1-based) with the total and the next page's URL.
 * CSV: every matching milestone, whatever `page` says (an export loses nothing), streamed in batches of 500.
 */
export function GET(request: Request) {
  try {
    const sp = new URL(request.url).searchParams;
    const format = parseFormat(sp);
    const state = parseTimelineParams(sp, { extraKeys: ["format"], entityExists: (id) => getEntityExists({ id }) });
    const { page = 1, limit = TIMELINE_PAGE_SIZE, ...filter } = state;
    if (format === "csv") return csvResponse(csvStream(milestoneBatches({ filter }), columns), "delta-atlas-timeline.csv");
    const total = getMilestoneCount({ filter });
    const items = getMilestones({ filter, limit, offset: (page - 1) * limit });
    const pages = Math.max(1, Math.ceil(total / limit));
    const next = page < pages ? timelineHref(state, { page: page + 1 }, "/api/timeline") : null;
    const prev = page > 1 ? timelineHref(state, { page: Math.min(page - 1, pages) }, "/api/timeline") : null;
    return Response.json({ filter, total, page, limit, pages, next, prev, items });
  } catch (e) {
    return errorResponse(e);
  }
}
