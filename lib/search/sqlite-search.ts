import type { Db } from "@/db/client";
import { searchFallback } from "@/db/queries/search";
import type { SearchDoc } from "./documents";
import { emptyCounts, shapeFacets } from "./facets";
import { toHit } from "./meili-search";
import type { AnalyzedQuery, QueryContext } from "./query";
import { FACET_REGISTRY, type FacetRegistry } from "../domain/facets";
import type { SearchParams, SearchResponse } from "./types";

export const FALLBACK_NOTICE = "搜索引擎暂时不可用，结果来自本地全文检索（SQLite），排序和片段可能略有不同。";

/** The same search answered from SQLite FTS5 over the same segmented text. */
export function searchSqlite(
  db: Db,
  params: SearchParams,
  aq: AnalyzedQuery,
  ctx: QueryContext,
  opts: { notice?: string | null; registry?: FacetRegistry; substringPath?: "index" | "scan"; ordering?: "index" | "documents" } = {},
): SearchResponse {
  const started = Date.now();
  const registry = opts.registry ?? FACET_REGISTRY;
  const notice = opts.notice === undefined ? FALLBACK_NOTICE : opts.notice;
  const given = params.filters as Record<string, string[] | undefined>;
  const filters = Object.fromEntries(registry.map((f) => [f.name, given[f.name] ?? []]));
  // A short query (都市) ranks whole words first, its substrings inside longer words last.
  const page = searchFallback({
    db,
    match: aq.match,
    anyMatch: aq.anyMatch,
    mostMatch: aq.mostMatch,
    relaxedMatch: aq.relaxedMatch,
    conceptMatch: aq.conceptMatch,
    conceptTopics: aq.concept?.topics,
    like: aq.like,
    numbers: aq.numbers,
    wholeWords: aq.short,
    substringPath: opts.substringPath,
    ordering: opts.ordering,
    filters,
    sort: params.sort,
    limit: params.pageSize,
    offset: (params.page - 1) * params.pageSize,
    facets: registry.map((f) => f.name),
  });
  const counts = emptyCounts(registry);
  for (const [name, values] of page.facetCounts) for (const { value, count } of values) counts[name]?.set(value, count);
  return {
    query: params.q,
    engine: "sqlite",
    notice,
    total: page.total,
    tookMs: Date.now() - started,
    page: params.page,
    pageSize: params.pageSize,
    hits: page.rows.map((r) => toHit(JSON.parse(r.doc) as SearchDoc, aq.terms)),
    facets: shapeFacets(counts, params, ctx.graph, registry),
    linked: aq.entities,
  };
}
