import { DEFAULT_PAGE_SIZE, searchParamsToQuery } from "@/lib/url-state";
import { FACETS, type FacetName, type SearchParams, type SortOrder } from "@/lib/search/types";

/** Search state that links change; pageSize is kept as it is. */
type Patch = Partial<Pick<SearchParams, "q" | "sort" | "page" | "filters" | "facetQuery">>;

/**
 * The URL parameters of a search, in order. The search layer owns the format (the inverse of its
 * parseSearchParams); the text typed to narrow a facet's values (`regionQuery=嘉`) is added here
 * so that links keep it too.
 */
export function searchQueryPairs(p: SearchParams): [string, string][] {
  const pairs = [...new URLSearchParams(searchParamsToQuery(p))];
  for (const f of FACETS) {
    const fq = p.facetQuery?.[f];
    if (fq) pairs.push([`${f}Query`, fq]);
  }
  return pairs;
}

/** `/?…` for the current search with some parts changed. Any change but `page` goes back to page 1. */
export function searchHref(p: SearchParams, patch: Patch = {}, base = "/"): string {
  const s = new URLSearchParams(searchQueryPairs({ ...p, ...patch, page: patch.page ?? 1 })).toString();
  return s ? `${base}?${s}` : base;
}

/** The current search with one facet's value filter (`<facet>Query`) set, or removed when empty; the page is kept. */
export function facetQueryHref(p: SearchParams, facet: FacetName, text: string): string {
  const facetQuery = { ...p.facetQuery };
  if (text.trim()) facetQuery[facet] = text.trim();
  else delete facetQuery[facet];
  return searchHref(p, { facetQuery, page: p.page });
}

/** Select or unselect one facet value (multi-select within a facet). */
export function toggleFilterHref(p: SearchParams, facet: FacetName, value: string): string {
  const current = p.filters[facet] ?? [];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...p.filters, [facet]: values };
  if (values.length === 0) delete filters[facet];
  return searchHref(p, { filters });
}

export function sortHref(p: SearchParams, sort: SortOrder): string {
  return searchHref(p, { sort });
}

/** The same search as a download: `/api/search?…&format=csv` (every page up to the API maximum). */
export function exportHref(p: SearchParams, format: "json" | "csv"): string {
  const { facetQuery: _narrowing, ...search } = p; // narrows facet lists only, not the results
  const href = searchHref({ ...search, pageSize: 100 }, {}, "/api/search");
  if (format === "json") return href;
  return `${href}${href.includes("?") ? "&" : "?"}format=csv`;
}

/** The Atom feed of this search (/feeds/search): the same query and filters; sort and page do not make another feed. */
export function feedHref(p: SearchParams): string {
  const s = searchParamsToQuery({ ...p, sort: "relevance", page: 1, pageSize: DEFAULT_PAGE_SIZE, facetQuery: undefined });
  return s ? `/feeds/search?${s}` : "/feeds/search";
}
