import { getArticleById, type ArticleMention } from "@/db/queries/articles";
import { getMilestonesByArticleId } from "@/db/queries/timeline";
import { AtlasError, errorResponse } from "@/lib/errors";
import { csvResponse, toCsv, type CsvColumn } from "@/lib/format";
import { parseFormat } from "@/lib/url-state";

export const dynamic = "force-dynamic";

const columns: CsvColumn<ArticleMention>[] = [
  { header: "entity_id", value: (m) => m.entityId },
  { header: "kind", value: (m) => m.kind },
  { header: "name", value: (m) => m.name },
  { header: "text", value: (m) => m.text },
  { header: "paragraph", value: (m) => m.paragraph },
  { header: "start", value: (m) => m.start },
  { header: "end", value: (m) => m.end },
  { header: "value", value: (m) => m.value },
  { header: "precision", value: (m) => m.precision },
];

/** One article with its provenance rows; `?format=csv` gives its entity mentions as CSV. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new AtlasError("bad-request", "文章编号格式不正确");
    const format = parseFormat(new URL(request.url).searchParams);
    const detail = getArticleById({ id });
    if (!detail) throw new AtlasError("not-found", `没有编号为 ${id} 的文章`);
    if (format === "csv") return csvResponse(toCsv(detail.mentions, columns), `delta-atlas-article-${id}-mentions.csv`);
    const { article, ...rest } = detail;
    return Response.json({ ...rest, article, milestones: getMilestonesByArticleId({ articleId: id }) });
  } catch (e) {
    return errorResponse(e);
  }
}
