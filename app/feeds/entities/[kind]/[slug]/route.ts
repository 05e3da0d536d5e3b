import { resolveEntity } from "@/app/entities/[kind]/[slug]/load";
import { getNewestArticlesByEntityIds } from "@/db/queries/feeds";
import { AtlasError, errorResponse } from "@/lib/errors";
import { atomResponse } from "@/lib/feeds/atom";
import { articleEntry, FEED_SIZE } from "@/lib/feeds/entries";
import { kindLabel } from "@/lib/domain/kinds";

export const dynamic = "force-dynamic";

/** GET /feeds/entities/<kind>/<slug>: the newest articles about an entity (a region: also everything below it), as Atom. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string; slug: string }> }) {
  try {
    const { kind, slug } = await params;
    const resolved = resolveEntity(kind, slug);
    if (!resolved) throw new AtlasError("not-found", `没有这个条目：${kind}/${slug}`);
    const { entity, ids } = resolved;
    const url = new URL(request.url);
    const path = `/entities/${entity.kind}/${encodeURIComponent(entity.slug)}`;
    return atomResponse({
      key: `entity:${entity.id}`,
      title: `Delta Atlas ${kindLabel(entity.kind)}：${entity.name}`,
      subtitle: `提到${entity.name}的最新文章`,
      self: `${url.origin}/feeds${path}`,
      alternate: `${url.origin}${path}`,
      entries: getNewestArticlesByEntityIds({ ids, limit: FEED_SIZE }).map(articleEntry(url.origin)),
    });
  } catch (e) {
    return errorResponse(e);
  }
}
