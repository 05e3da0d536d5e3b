import type { Meilisearch, SearchParams as MeiliParams } from "meilisearch";
import type { SearchDoc } from "./documents";
import { emptyCounts, shapeFacets } from "./facets";
import type { AnalyzedQuery, QueryContext } from "./query";
import { buildSnippet, markersToHtml, markTerms, POST_TAG, PRE_TAG, stripMarkers } from "./snippet";
import { FACET_REGISTRY, type FacetRegistry } from "../domain/facets";
import { FIRST_TIER_ATTRIBUTES, MAX_TOTAL_HITS } from "./settings";
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
  const r = await searchMeiliTiered(client, indexName, params, aq, ctx, registry);
  return { ...r, tookMs: Date.now() - started };
}

/**
 * Two tiers, as the SQLite fallback ranks: articles matching in their own words or through an entity they name
 * (FIRST_TIER_ATTRIBUTES) first, then those matching only inside longer words or through their topics. Within a
 * tier the engine's ranking rules decide (on-topic first, then attribute order…), so an on-topic article tagged
 * with the query's topic no longer outranks an article that is literally about the query. A date sort is one list.
 * The common case is one request: the first tier fills the page. Past it, a second request reads the rest in the
 * engine's order up to the page's end (at most page × pageSize hits) and drops the first tier's articles.
 */
async function searchMeiliTiered(
  client: Meilisearch,
  indexName: string,
  params: SearchParams,
  aq: AnalyzedQuery,
  ctx: QueryContext,
  registry: FacetRegistry,
): Promise<Omit<SearchResponse, "tookMs">> {
  const facets = registry.map((f) => f.name);
  const filters = params.filters as Record<string, string[] | undefined>;
  const filter = buildFilter(params.filters, undefined, registry);
  const shown = {
    attributesToHighlight: ["title", "body"],
    attributesToCrop: ["body"],
    cropLength: 40,
    cropMarker: "…",
    highlightPreTag: PRE_TAG,
    highlightPostTag: POST_TAG,
  };
  const base = { indexUid: indexName, q: aq.normalized, filter, sort: SORT[params.sort], locales: ["cmn" as const] };
  const tiered = params.sort === "relevance" && !!aq.normalized;
  // Every match: its facet counts and total; its hits when the list is not tiered.
  const all: MeiliParams & { indexUid: string } = { ...base, facets, hitsPerPage: params.pageSize, page: params.page, ...(tiered ? { attributesToRetrieve: ["id"], hitsPerPage: 0 } : shown) };
  const literal = { ...base, q: aq.literal };
  const first: MeiliParams & { indexUid: string } = { ...literal, hitsPerPage: params.pageSize, page: params.page, attributesToSearchOn: FIRST_TIER_ATTRIBUTES, ...shown };
  // Disjunctive facets: a facet with a selection is counted without its own filter.
  const selectedFacets = facets.filter((f) => (filters[f]?.length ?? 0) > 0);
  const extra = selectedFacets.map((f) => ({ indexUid: indexName, q: aq.normalized, filter: buildFilter(params.filters, f, registry), facets: [f], limit: 0, locales: ["cmn" as const] }));
  const { results } = await client.multiSearch({ queries: [all, ...(tiered ? [first] : []), ...extra] });
  const [every, ...more] = results;
  if (!every) throw new Error("Meilisearch returned no result");
  const tierOne = tiered ? more.shift() : undefined;
  const counts = emptyCounts(registry);
  const dist = { ...(every.facetDistribution ?? {}) };
  more.forEach((r, i) => {
    const f = selectedFacets[i];
    if (f) dist[f] = r.facetDistribution?.[f] ?? {};
  });
  for (const f of facets) for (const [v, n] of Object.entries(dist[f] ?? {})) counts[f]?.set(v, n);
  const totalOf = (r: typeof every) => ("totalHits" in r && typeof r.totalHits === "number" ? r.totalHits : (r.estimatedTotalHits ?? 0));
  type Hit = SearchDoc & { _formatted?: Formatted };
  let hits = every.hits as unknown as Hit[];
  let total = totalOf(every);
  if (tierOne) {
    hits = tierOne.hits as unknown as Hit[];
    const inFirst = totalOf(tierOne);
    total = Math.max(total, inFirst);
    const end = params.page * params.pageSize;
    if (end > inFirst) {
      // The page reaches past the first tier: the rest in the engine's order, without the first tier's articles.
      const { results: rest } = await client.multiSearch({
        queries: [
          { ...literal, offset: 0, limit: inFirst, attributesToSearchOn: FIRST_TIER_ATTRIBUTES, attributesToRetrieve: ["id"] },
          { ...base, offset: 0, limit: Math.min(end, MAX_TOTAL_HITS), ...shown },
        ],
      });
      const firstIds = new Set((rest[0]?.hits ?? []).map((h) => String(h.id)));
      const others = (rest[1]?.hits ?? []).filter((h) => !firstIds.has(String(h.id))) as unknown as Hit[];
      const from = Math.max(0, (params.page - 1) * params.pageSize - inFirst);
      hits = [...hits, ...others.slice(from, from + params.pageSize - hits.length)];
      total = Math.max(total, inFirst + others.length);
    }
  }
  return {
    query: params.q,
    engine: "meilisearch",
    notice: null,
    total,
    page: params.page,
    pageSize: params.pageSize,
    hits: hits.map((h) => toHit(h, aq.terms)),
    facets: shapeFacets(counts, params, ctx.graph, registry),
    linked: aq.entities,
  };
}
