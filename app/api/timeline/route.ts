import { getEntityExists } from "@/db/queries/entities";
import { getMilestones, type MilestoneItem } from "@/db/queries/timeline";
import { errorResponse } from "@/lib/errors";
import { csvResponse, toCsv, type CsvColumn } from "@/lib/format";
import { parseFormat, parseTimelineParams } from "@/lib/url-state";

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

/** GET /api/timeline?region=&topic=&plan=&from=&to=&status=[&format=csv]: every matching milestone. */
export function GET(request: Request) {
  try {
    const sp = new URL(request.url).searchParams;
    const format = parseFormat(sp);
    const filter = parseTimelineParams(sp, { extraKeys: ["format"], entityExists: (id) => getEntityExists({ id }) });
    const items = getMilestones({ filter });
    if (format === "csv") return csvResponse(toCsv(items, columns), "delta-atlas-timeline.csv");
    return Response.json({ filter, total: items.length, items });
  } catch (e) {
    return errorResponse(e);
  }
}
