import type { Meilisearch, SearchParams as MeiliParams } from "meilisearch";
import type { SearchDoc } from "./documents";
import { emptyCounts, shapeFacets } from "./facets";
import { literalQuery, type AnalyzedQuery, type QueryContext } from "./query";
import { buildSnippet, markersToHtml, markTerms, POST_TAG, PRE_TAG, stripMarkers } from "./snippet";
import { FACET_REGISTRY, type FacetRegistry } from "../domain/facets";
import { MAX_TOTAL_HITS, SHORT_QUERY_ATTRIBUTES, TIER_ATTRIBUTES, WORD_CODE_ATTRIBUTES } from "./settings";
import { wordCode } from "./segment";
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
type Query = MeiliParams & { indexUid: string };

/** What a tier reads of each hit when the page's hits are formatted afterwards: only which article it is. */
const ID_ONLY = { attributesToRetrieve: ["id"] };

/**
 * Up to this many characters, a query's page is formatted after its tiers (formatShown): measured on the 50 bench
 * searches at 10k, the engine's CPU fell 10–50 % for queries of 2–6 characters (formatting 20 hits of each tier
 * costs more than evaluating the query again for the few shown), and rose 15–70 % for most of 10 and more (many
 * words: evaluating each tier's query again costs more than formatting its hits).
 */
const FORMAT_AFTER_MAX_CHARS = 8;

/**
 * The page's hits, whole and formatted (crop window, highlights), in the given order: one multi-search with, for each
 * query that found some of them, that query again restricted to their ids. The engine formats these few hits instead of
 * every hit of every tier up to the page's end; a hit's snippet is cropped around the words of the query that found it,
 * as when the tiers formatted their own. A hit gone from the index in between (a sync) is left out.
 */
async function formatShown<H extends { id: string | number }>(client: Meilisearch, shown: { id: string; query: Query }[], format: Partial<MeiliParams>): Promise<H[]> {
  const byQuery = new Map<Query, string[]>();
  for (const { id, query } of shown) byQuery.set(query, [...(byQuery.get(query) ?? []), id]);
  if (byQuery.size === 0) return [];
  const queries = [...byQuery].map(([q, ids]) => {
    const filter = [...((q.filter as string[] | undefined) ?? []), `id IN [${ids.map(filterValue).join(", ")}]`];
    return { ...q, filter, offset: 0, limit: ids.length, attributesToRetrieve: undefined, ...format };
  });
  const { results } = await client.multiSearch({ queries });
  const found = new Map(results.flatMap((r) => (r.hits as unknown as H[]).map((h) => [String(h.id), h] as const)));
  return shown.flatMap(({ id }) => found.get(id) ?? []);
}

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
  let r = await searchMeiliTiered(client, indexName, params, aq, ctx, registry);
  // A short query matches words only unless no article has it as a word: then its matches inside longer words.
  if (aq.short && r.total === 0) r = await searchMeiliTiered(client, indexName, params, { ...aq, short: false }, ctx, registry);
  return { ...r, tookMs: Date.now() - started };
}

/**
 * Tiers, as the SQLite fallback ranks (TIER_ATTRIBUTES): articles titled with the query, articles about it (title,
 * keywords, central entities), then those matching in their own words or through an entity they name, then those matching only inside
 * longer words or through their topics. Within a tier the engine's ranking rules decide (on-topic first, then
 * attribute order…), so an on-topic article tagged with the query's topic, or naming it once in a list, no longer
 * outranks an article that is literally about the query. A date sort is one list. One request reads each tier up to
 * the page's end (page × pageSize hits, the page's own hits formatted); only when the tiers do not fill the page, a
 * second one reads the rest in the engine's order and drops the tiers' articles.
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
  // A short query (新区, 农业) matches words, not the inside of longer ones (高新区, 中国农业银行): while any article has it
  // as a word, its searches (total, facet counts, tiers, the rest after them) read the whole-word codes (wordCode),
  // which the engine cannot split again, as the fallback reads its word tokens.
  // A short query the dictionary splits (中新 → 中 | 新) reads its words' codes, all required, as the fallback's match.
  const code = aq.short && aq.normalized ? aq.shortWords.map(wordCode).join(" ") : null;
  const allWords = code && aq.shortWords.length > 1 ? { matchingStrategy: "all" as const } : {};
  const base = { indexUid: indexName, q: code ?? aq.every, filter, sort: SORT[params.sort], locales: ["cmn" as const], ...allWords };
  const tiered = params.sort === "relevance" && !!aq.normalized;
  const end = Math.min(params.page * params.pageSize, MAX_TOTAL_HITS);
  // Every match: its facet counts and total; its hits when the list is not tiered.
  const words = code ? { attributesToSearchOn: SHORT_QUERY_ATTRIBUTES } : {};
  const all: Query = { ...base, ...words, facets, hitsPerPage: params.pageSize, page: params.page, ...(tiered ? { attributesToRetrieve: ["id"], hitsPerPage: 0 } : shown) };
  const literal = { ...base, q: code ?? aq.literal };
  // The central tier holds only articles matching all the query's words: the engine's default strategy (`last`)
  // would append partial matches to it, ahead of the next tier's full ones. For a compound query (电子游戏), every
  // other match of the whole query comes next, then its head relaxation (游戏, modifiers after it so the engine drops
  // them first) with the same two tiers, before the matches of its modifiers alone (电子).
  const [rawTitled, rawCentral, rawOwn] = TIER_ATTRIBUTES;
  const [titled, central, own] = code ? [WORD_CODE_ATTRIBUTES.title, WORD_CODE_ATTRIBUTES.central, WORD_CODE_ATTRIBUTES.own] : [rawTitled, rawCentral, rawOwn];
  // A query of a few characters: the tiers read ids only and the page's hits are formatted afterwards, each with its
  // own tier's query (formatShown). A longer one formats in the tiers: the format request evaluates its queries again.
  const deferFormat = [...aq.normalized].length <= FORMAT_AFTER_MAX_CHARS;
  const tierHits = deferFormat ? ID_ONLY : shown;
  const tier = (q: string, attributesToSearchOn: string[] | undefined, all: boolean) => ({ ...base, q, offset: 0, limit: end, ...(attributesToSearchOn ? { attributesToSearchOn } : {}), ...(all ? { matchingStrategy: "all" as const } : {}), ...tierHits });
  const relaxed = aq.relaxed ? [tier(aq.normalized, undefined, true), tier(aq.relaxed.head, central, true), tier(aq.relaxed.words.join(" "), own, false)] : [];
  // A query with a number piece (上海大都市圈 1+8): the articles holding it and all the other words first, then those
  // holding all the other words (the engine's `last` strategy would drop them word by word before the number).
  const rest = aq.literalWithoutNumbers ? [tier(aq.literalWithoutNumbers, titled, true), tier(aq.literalWithoutNumbers, central, true), tier(aq.literalWithoutNumbers, own, true)] : [];
  // Another phrasing of the query's concept (防洪 for 防汛, lib/extract/data/topics.json), after every literal match
  // and before the articles only tagged with the query's topic (the rest, below): first the articles about one (in
  // their title, keywords or central entities), then those tagged with the concept's topic that write one, member
  // after member in the taxonomy's order. In the index's words: a two-character phrasing does not match inside a
  // longer word of the raw title. An article that names a phrasing in passing, untagged, is not about the concept.
  const conceptTier = (c: string, attributes: readonly string[], topicFilter: string[]) => ({ ...tier(literalQuery(c, ctx), attributes.filter((x) => x !== "title"), true), filter: [...filter, ...topicFilter] });
  const tagged = aq.concept ? [`(${aq.concept.topics.map((t) => `topic = ${filterValue(t)}`).join(" OR ")})`] : [];
  const conceptTerms = aq.concept?.terms ?? [];
  const concepts = [...conceptTerms.map((c) => conceptTier(c, rawCentral, [])), ...conceptTerms.map((c) => conceptTier(c, rawOwn, tagged))];
  // A place written with its level (盛泽镇): its short forms (盛泽) as whole-word codes, which the engine cannot split,
  // each right after the query's own tier of the same fields, as the fallback matches them in the same tiers.
  const place = aq.placeForms.length && !code ? aq.placeForms.map(wordCode).join(" ") : null;
  const withPlace = (t: Query, codes: string[]) => (place ? [t, tier(place, codes, false)] : [t]);
  const ownTiers = [...withPlace(tier(literal.q, titled, true), WORD_CODE_ATTRIBUTES.title), ...withPlace(tier(literal.q, central, true), WORD_CODE_ATTRIBUTES.central), ...withPlace(tier(literal.q, own, !!aq.literalWithoutNumbers), WORD_CODE_ATTRIBUTES.own)];
  const tiers: Query[] = tiered ? [...ownTiers, ...rest, ...concepts, ...relaxed] : [];
  // Disjunctive facets: a facet with a selection is counted without its own filter.
  const selectedFacets = facets.filter((f) => (filters[f]?.length ?? 0) > 0);
  const extra = selectedFacets.map((f) => ({ indexUid: indexName, q: base.q, ...words, ...allWords, filter: buildFilter(params.filters, f, registry), facets: [f], limit: 0, locales: ["cmn" as const] }));
  const { results } = await client.multiSearch({ queries: [all, ...tiers, ...extra] });
  const [every, ...more] = results;
  if (!every) throw new Error("Meilisearch returned no result");
  const tierResults = more.splice(0, tiers.length);
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
  if (tiered) {
    const seen = new Set<string>();
    const merged: { id: string; query: Query; hit: Hit }[] = [];
    const add = (list: Hit[], query: Query) => {
      for (const h of list) if (!seen.has(String(h.id)) && seen.add(String(h.id))) merged.push({ id: String(h.id), query, hit: h });
    };
    tierResults.forEach((r, i) => add(r.hits as unknown as Hit[], tiers[i]!));
    // A tier read in full (fewer hits than asked) holds every one of its articles, so the rest can drop them.
    const complete = tierResults.every((r) => r.hits.length < end);
    total = Math.max(total, merged.length);
    if (merged.length < end && complete && total > merged.length) {
      const restQuery = { ...base, ...words, offset: 0, limit: end, ...tierHits };
      const { results: rest } = await client.multiSearch({ queries: [restQuery] });
      add((rest[0]?.hits ?? []) as unknown as Hit[], restQuery);
      total = Math.max(total, merged.length);
    }
    const page = merged.slice((params.page - 1) * params.pageSize, end);
    hits = deferFormat ? await formatShown<Hit>(client, page, shown) : page.map((m) => m.hit);
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
