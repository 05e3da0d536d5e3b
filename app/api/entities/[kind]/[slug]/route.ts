import { getArticlesByEntityIds, getFiguresByEntityIds, getMentionsByEntityIds, type MentionRow } from "@/db/queries/entities";
import { AtlasError, errorResponse } from "@/lib/errors";
import { csvResponse, toCsv, type CsvColumn } from "@/lib/format";
import { parseFormat } from "@/lib/url-state";
import { loadEntityPage } from "@/app/entities/[kind]/[slug]/load";

export const dynamic = "force-dynamic";

const columns: CsvColumn<MentionRow>[] = [
  { header: "article_id", value: (m) => m.articleId },
  { header: "article_title", value: (m) => m.articleTitle },
  { header: "published", value: (m) => m.published },
  { header: "entity_id", value: (m) => m.entityId },
  { header: "entity_name", value: (m) => m.entityName },
  { header: "text", value: (m) => m.text },
  { header: "paragraph", value: (m) => m.paragraph },
  { header: "start", value: (m) => m.start },
  { header: "end", value: (m) => m.end },
  { header: "context", value: (m) => m.context },
];

/** An entity and every mention of it (for a region: of it and every region below it). */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string; slug: string }> }) {
  try {
    const { kind, slug } = await params;
    const format = parseFormat(new URL(request.url).searchParams);
    const data = loadEntityPage(kind, slug);
    if (!data) throw new AtlasError("not-found", `没有这个实体：${kind}/${slug}`);
    const mentions = getMentionsByEntityIds({ ids: data.ids });
    if (format === "csv") return csvResponse(toCsv(mentions, columns), `delta-atlas-${data.entity.kind}-${data.entity.slug}-mentions.csv`);
    const { entity, milestones, milestoneCount, ancestors, children } = data;
    // milestones: the newest ENTITY_MILESTONES; milestoneCount: all of them (the rest via /api/timeline?region= or plan=).
    // articles: the 200 most mentioning (the page shows them a page at a time); figures: every one (the page, its first).
    const articles = getArticlesByEntityIds({ ids: data.ids });
    const figures = getFiguresByEntityIds({ ids: data.ids });
    return Response.json({ entity, ancestors, children, articles, milestones, milestoneCount, figures, mentions });
  } catch (e) {
    return errorResponse(e);
  }
}
