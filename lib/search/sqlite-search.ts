import type { Db } from "@/db/client";
import { getFallbackFacetCountsByFacet, searchFallbackByQuery } from "@/db/queries/search";
import type { SearchDoc } from "./documents";
import { emptyCounts, shapeFacets } from "./facets";
import { toHit } from "./meili-search";
import type { AnalyzedQuery, QueryContext } from "./query";
import { FACETS, type SearchParams, type SearchResponse } from "./types";

export const FALLBACK_NOTICE = "搜索引擎暂时不可用，结果来自本地全文检索（SQLite），排序和片段可能略有不同。";

/** The same search answered from SQLite FTS5 over the same segmented text. */
export function searchSqlite(db: Db, params: SearchParams, aq: AnalyzedQuery, ctx: QueryContext, notice: string | null = FALLBACK_NOTICE): SearchResponse {
  const started = Date.now();
  const filters = Object.fromEntries(FACETS.map((f) => [f, params.filters[f] ?? []]));
  const text = { match: aq.match, like: aq.like };
  const page = searchFallbackByQuery({ db, ...text, filters, sort: params.sort, limit: params.pageSize, offset: (params.page - 1) * params.pageSize });
  const counts = emptyCounts();
  for (const facet of FACETS) {
    for (const { value, count } of getFallbackFacetCountsByFacet({ db, ...text, filters, facet })) counts[facet].set(value, count);
  }
  return {
    query: params.q,
    engine: "sqlite",
    notice,
    total: page.total,
    tookMs: Date.now() - started,
    page: params.page,
    pageSize: params.pageSize,
    hits: page.rows.map((r) => toHit(JSON.parse(r.doc) as SearchDoc, aq.terms)),
    facets: shapeFacets(counts, params, ctx.graph),
  };
}
