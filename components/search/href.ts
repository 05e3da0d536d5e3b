import { searchParamsToQuery } from "@/lib/search/params";
import type { FacetName, SearchParams, SortOrder } from "@/lib/search/types";

/** Search state that links change; pageSize is kept as it is. */
type Patch = Partial<Pick<SearchParams, "q" | "sort" | "page" | "filters">>;

/** `/?…` for the current search with some parts changed. Any change but `page` goes back to page 1. */
export function searchHref(p: SearchParams, patch: Patch = {}, base = "/"): string {
  // The search layer owns the URL format (the inverse of its parseSearchParams).
  const s = searchParamsToQuery({ ...p, ...patch, page: patch.page ?? 1 });
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
