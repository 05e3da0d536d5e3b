import type { Meilisearch, SearchParams as MeiliParams } from "meilisearch";
import type { SearchDoc } from "./documents";
import { emptyCounts, shapeFacets } from "./facets";
import type { AnalyzedQuery, QueryContext } from "./query";
import { buildSnippet, markersToHtml, markTerms, POST_TAG, PRE_TAG, stripMarkers } from "./snippet";
import { FACET_REGISTRY, type FacetRegistry } from "../domain/facets";
import type { SearchHit, SearchParams, SearchResponse } from "./types";

/** `"value"` with quotes and backslashes escaped, for a Meilisearch filter expression. */
export function filterValue(v: string): string {
  return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** OR within a facet, AND across facets; `except` leaves one facet out (for its own counts). */
export function buildFilter(filters: SearchParams["filters"], except?: string, registry: FacetRegistry = FACET_REGISTRY): string[] {
  const byFacet = filters as Record<string, string[] | undefined>;
  return registry
    .map((f) => f.name)
    .filter((f) => f !== except && (byFacet[f]?.length ?? 0) > 0)
    .map((f) => `(${(byFacet[f] ?? []).map((v) => `${f} = ${filterValue(v)}`).join(" OR ")})`);
}

const SORT: Record<SearchParams["sort"], string[] | undefined> = {
  relevance: undefined,
  newest: ["published_desc:desc"],
  oldest: ["published_asc:asc"],
};

type Formatted = Partial<Record<"title" | "body", string>>;

/**
 * Meilisearch picks the crop window; the highlights inside it are redone from the analyzed query terms,
 * because its CJK highlights mark stray single characters (区 of 示范区 inside 区域).
 */
export function toHit(doc: SearchDoc & { _formatted?: Formatted }, terms: string[]): SearchHit {
  const f = doc._formatted ?? {};
  const crop = f.body ? stripMarkers(f.body) : "";
  const lowerCrop = crop.toLowerCase();
  const body = crop && terms.some((t) => t && lowerCrop.includes(t.toLowerCase())) ? markersToHtml(markTerms(crop, terms)) : buildSnippet(doc.body, terms);
  const title = markersToHtml(markTerms(doc.title, terms));
  return {
    id: doc.id,
    title: doc.title,
    titleHtml: title,
    published: doc.published,
    publishedPrecision: doc.published_precision,
    site: doc.site[0] ?? null,
    snippet: body,
    regions: doc.regions_display,
    topics: doc.topic,
    url: doc.url,
  };
}

export async function searchMeili(
  client: Meilisearch,
  indexName: string,
  params: SearchParams,
  aq: AnalyzedQuery,
  ctx: QueryContext,
  registry: FacetRegistry = FACET_REGISTRY,
): Promise<SearchResponse> {
  const started = Date.now();
  // A short query (都市) searches every field; words found only inside longer words (inner_seg) rank below whole
  // words through the attribute order (lib/search/settings.ts).
  const r = await searchMeiliOn(client, indexName, params, aq, ctx, registry, undefined);
  return { ...r, tookMs: Date.now() - started };
}

async function searchMeiliOn(
  client: Meilisearch,
  indexName: string,
  params: SearchParams,
  aq: AnalyzedQuery,
  ctx: QueryContext,
  registry: FacetRegistry,
  attributesToSearchOn: string[] | undefined,
): Promise<SearchResponse> {
  const started = Date.now();
  const facets = registry.map((f) => f.name);
  const filters = params.filters as Record<string, string[] | undefined>;
  const filter = buildFilter(params.filters, undefined, registry);
  const main: MeiliParams & { indexUid: string } = {
    indexUid: indexName,
    q: aq.normalized,
    filter,
    facets,
    sort: SORT[params.sort],
    hitsPerPage: params.pageSize,
    page: params.page,
    attributesToHighlight: ["title", "body"],
    attributesToCrop: ["body"],
    cropLength: 40,
    cropMarker: "…",
    highlightPreTag: PRE_TAG,
    highlightPostTag: POST_TAG,
    locales: ["cmn"],
    attributesToSearchOn,
  };
  // Disjunctive facets: a facet with a selection is counted without its own filter.
  const selectedFacets = facets.filter((f) => (filters[f]?.length ?? 0) > 0);
  const extra = selectedFacets.map((f) => ({ indexUid: indexName, q: aq.normalized, filter: buildFilter(params.filters, f, registry), facets: [f], limit: 0, locales: ["cmn" as const], attributesToSearchOn }));
  const { results } = await client.multiSearch({ queries: [main, ...extra] });
  const [first, ...rest] = results;
  if (!first) throw new Error("Meilisearch returned no result");
  const counts = emptyCounts(registry);
  const dist = { ...(first.facetDistribution ?? {}) };
  rest.forEach((r, i) => {
    const f = selectedFacets[i];
    if (f) dist[f] = r.facetDistribution?.[f] ?? {};
  });
  for (const f of facets) for (const [v, n] of Object.entries(dist[f] ?? {})) counts[f]?.set(v, n);
  const total = "totalHits" in first && typeof first.totalHits === "number" ? first.totalHits : (first.estimatedTotalHits ?? 0);
  return {
    query: params.q,
    engine: "meilisearch",
    notice: null,
    total,
    tookMs: Date.now() - started,
    page: params.page,
    pageSize: params.pageSize,
    hits: (first.hits as unknown as (SearchDoc & { _formatted?: Formatted })[]).map((h) => toHit(h, aq.terms)),
    facets: shapeFacets(counts, params, ctx.graph, registry),
    linked: aq.entities,
  };
}
