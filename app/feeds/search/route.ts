import { getEntityExists } from "@/db/queries/entities";
import { getFeedArticlesByIds } from "@/db/queries/feeds";
import { errorResponse } from "@/lib/errors";
import { atomResponse } from "@/lib/feeds/atom";
import { articleEntry, FEED_SIZE } from "@/lib/feeds/entries";
import { search } from "@/lib/search";
import { parseSearchParams, searchParamsToQuery } from "@/lib/url-state";

export const dynamic = "force-dynamic";

/** GET /feeds/search?q=&region=&topic=…: the search page's parameters, as an Atom feed of the newest matching articles. */
export async function GET(request: Request) {
  try {
    const url = new URL(request.url);
    const params = parseSearchParams(url.searchParams, { entityExists: (id) => getEntityExists({ id }) });
    // One feed per query and filters: sort and paging do not make another feed.
    const query = searchParamsToQuery({ ...params, sort: "relevance", page: 1, pageSize: 20 });
    const result = await search({ ...params, sort: "newest", page: 1, pageSize: FEED_SIZE });
    const filters = Object.values(params.filters).flat().filter(Boolean);
    return atomResponse({
      key: `search?${query}`,
      title: `Delta Atlas 检索：${[params.q || "全部文章", ...filters].join(" · ")}`,
      subtitle: "最新的匹配文章（长三角一体化政策知识库）",
      self: `${url.origin}/feeds/search${query ? `?${query}` : ""}`,
      alternate: `${url.origin}/${query ? `?${query}` : ""}`,
      entries: getFeedArticlesByIds({ ids: result.hits.map((h) => h.id) }).map(articleEntry(url.origin)),
    });
  } catch (e) {
    return errorResponse(e);
  }
}
