import { FACETS, type FacetName, type SearchParams, type SortOrder } from "@/lib/search/types";

/** Search state that links change; pageSize/facetQuery are kept as they are. */
type Patch = Partial<Pick<SearchParams, "q" | "sort" | "page" | "filters">>;

const DEFAULT_PAGE_SIZE = 20;

/** `/?…` for the current search with some parts changed. Any change but `page` goes back to page 1. */
export function searchHref(p: SearchParams, patch: Patch = {}, base = "/"): string {
  const next: SearchParams = { ...p, ...patch, page: patch.page ?? 1 };
  const sp = new URLSearchParams();
  if (next.q) sp.set("q", next.q);
  for (const f of FACETS) for (const v of next.filters[f] ?? []) sp.append(f, v);
  if (next.sort !== "relevance") sp.set("sort", next.sort);
  if (next.page > 1) sp.set("page", String(next.page));
  if (next.pageSize !== DEFAULT_PAGE_SIZE) sp.set("pageSize", String(next.pageSize));
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
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
  const href = searchHref({ ...p, pageSize: 100 }, {}, "/api/search");
  if (format === "json") return href;
  return `${href}${href.includes("?") ? "&" : "?"}format=csv`;
}
