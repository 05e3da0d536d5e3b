import { getMilestones, type MilestoneItem } from "@/db/queries/timeline";
import { csvResponse, toCsv, type CsvColumn } from "@/lib/format";
import { timelineParamsSchema, toFilter } from "@/app/timeline/params";

export const dynamic = "force-dynamic";

const columns: CsvColumn<MilestoneItem>[] = [
  { header: "id", value: (m) => m.id },
  { header: "date", value: (m) => m.date },
  { header: "precision", value: (m) => m.precision },
  { header: "action", value: (m) => m.action },
  { header: "event", value: (m) => m.event },
  { header: "entities", value: (m) => m.entities.map((e) => e.name) },
  { header: "entity_ids", value: (m) => m.entities.map((e) => e.id) },
  { header: "regions", value: (m) => m.regions.map((r) => r.name) },
  { header: "source_count", value: (m) => m.sources.length },
  { header: "source_article_ids", value: (m) => m.sources.map((s) => s.articleId) },
  { header: "source_titles", value: (m) => m.sources.map((s) => s.title) },
];

export function GET(request: Request) {
  const sp = new URL(request.url).searchParams;
  const parsed = timelineParamsSchema.safeParse(Object.fromEntries(sp));
  if (!parsed.success) {
    return Response.json({ error: "invalid_params", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }, { status: 400 });
  }
  const filter = toFilter(parsed.data);
  const items = getMilestones({ filter });
  if (parsed.data.format === "csv") return csvResponse(toCsv(items, columns), "delta-atlas-timeline.csv");
  return Response.json({ filter, total: items.length, items });
}
