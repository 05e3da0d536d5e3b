/** The one shape search answers in, whichever engine served it. */
export type EngineName = "meilisearch" | "sqlite";

export const FACETS = ["region", "topic", "site", "year", "plan", "kind"] as const;
export type FacetName = (typeof FACETS)[number];

export const SORTS = ["relevance", "newest", "oldest"] as const;
export type SortOrder = (typeof SORTS)[number];

export interface SearchParams {
  q: string;
  /** Multi-select: OR within one facet, AND across facets. */
  filters: Partial<Record<FacetName, string[]>>;
  sort: SortOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Restrict a facet's returned values to those matching this text (search within a facet). */
  facetQuery?: Partial<Record<FacetName, string>>;
}

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
  publishedPrecision: "day" | "month" | "year" | null;
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
}
