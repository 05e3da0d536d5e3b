import type { DatePrecision } from "../domain/dates";
import type { FacetName } from "../domain/facets";
import type { SearchState } from "../url-state";

/** The one shape search answers in, whichever engine served it. */
export type EngineName = "meilisearch" | "sqlite";

export { FACETS, type FacetName } from "../domain/facets";
export { SORTS, type SortOrder } from "../url-state";
/** The search state every entry point parses from a URL (lib/url-state.ts). */
export type SearchParams = SearchState;

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** Region facet: depth in the tree (0 = province) and parent value. */
  depth?: number;
  parent?: string | null;
}

export interface SearchHit {
  id: string;
  title: string;
  /** Title with <mark> highlights, HTML-escaped otherwise. */
  titleHtml: string;
  published: string | null;
  publishedPrecision: DatePrecision | null;
  site: string | null;
  /** Cropped body text around the match, HTML-escaped, with <mark> highlights. */
  snippet: string;
  regions: { id: string; name: string }[];
  topics: string[];
  url: string | null;
}

export interface SearchResponse {
  query: string;
  engine: EngineName;
  /** Shown to the user when search runs on the fallback engine. */
  notice: string | null;
  total: number;
  tookMs: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: Record<FacetName, FacetValue[]>;
  /** Entity ids the query names (plans, projects, organizations, places), best first: the entity card. */
  linked: string[];
}
