import type { Settings } from "meilisearch";
import type { EntityNode } from "@/db/queries/search";
import { FACET_REGISTRY, type FacetRegistry } from "../domain/facets";
import { isNamedKind } from "../domain/kinds";
import { normalizeForSearch, wordCode } from "./segment";

/**
 * The whole-word code fields (lib/search/documents.ts, segment.ts wordCode), one per tier of a short query: the
 * title's words; those the article is about; all its own words and entities; its topics' terms. Last among the
 * searchable attributes: no query but a coded one matches them.
 */
export const WORD_CODE_ATTRIBUTES = {
  title: ["title_words"],
  central: ["title_words", "central_words"],
  own: ["title_words", "central_words", "text_words"],
  all: ["title_words", "central_words", "text_words", "topic_words"],
};

/**
 * Raw text first, its segmentation right after: title > plan/project/org names > what it is about > body >
 * entities central to the article (title, lede, often named; with their aliases and, for a place, the regions it
 * lies in) > entities it only mentions > words found only inside longer words > its topics' keywords. The `attribute`
 * ranking rule follows this order, so a literal hit ranks above an entity link, and both above a topic match.
 */
export const SEARCHABLE_ATTRIBUTES = [
  "title",
  "title_seg",
  "names",
  "names_seg",
  "keywords",
  "body",
  "body_seg",
  "entities_lead",
  "entities_other",
  "inner_seg",
  "topic_terms",
  ...WORD_CODE_ATTRIBUTES.all,
];
/**
 * The first tier of a relevance-ranked search (lib/search/meili-search.ts): the article's own words as the index
 * segments them (not the raw body, which the engine segments its own way: 华东 | 政法 inside 华东政法大学), its
 * title and the entities it names. Words found only inside longer words, the raw text's other splits and topic keywords come
 * after every first-tier match, as in the SQLite fallback's tiers.
 */
export const FIRST_TIER_ATTRIBUTES = ["title", "title_seg", "names_seg", "keywords", "body_seg", "entities_lead", "entities_other"];
/**
 * Inside the first tier, the articles *about* the query come first: it is in their title, among the words they are
 * most about (TF-IDF keywords) or among their central entities (named in the title or lede, or often, with the
 * regions they lie in). The engine ignores how often a word occurs, and `on_topic` would otherwise put an on-topic
 * article that names the query once in a list (广州 among four cities) above an article about it.
 */
export const CENTRAL_ATTRIBUTES = ["title", "title_seg", "keywords", "entities_lead"];
/**
 * Before the central tier, the articles titled with the query: the title says what a page is about, and `on_topic`
 * would otherwise put an on-topic page naming the query once in its lede (无锡, where a forum was held) above an
 * off-topic page titled with it (a 无锡 highway closure).
 */
export const TITLE_ATTRIBUTES = ["title", "title_seg"];
/**
 * What a short query (two Han characters, coded: wordCode) searches while any article has it as a word: the word
 * codes, never the engine's own split (农业 inside 中国农业银行, in any field, even one the index segmented).
 */
export const SHORT_QUERY_ATTRIBUTES: string[] = [...WORD_CODE_ATTRIBUTES.all];
/** The tiers of a relevance-ranked search, best first; the rest of the matches follows them in the engine's order. */
export const TIER_ATTRIBUTES = [TITLE_ATTRIBUTES, CENTRAL_ATTRIBUTES, FIRST_TIER_ATTRIBUTES] as const;
export const SEGMENTED_ATTRIBUTES = ["title_seg", "names_seg", "body_seg", "inner_seg", "topic_terms", ...WORD_CODE_ATTRIBUTES.all];
/**
 * The fields an article's search document derives from its text (segmentations, word codes, keywords, linked
 * entities): the SQLite fallback keeps them as token columns, not in the stored document its substring path reads.
 */
export const DERIVED_ATTRIBUTES: readonly string[] = [...SEGMENTED_ATTRIBUTES, "keywords", "entities_lead", "entities_other"];

/** How far Meilisearch pages; exports of larger result sets read the SQLite fallback. */
export const MAX_TOTAL_HITS = 5000;
export const SORTABLE_ATTRIBUTES = ["published_desc", "published_asc"];
/** Shown fields: the base ones plus every facet field of the registry. */
const DISPLAYED_BASE = ["id", "title", "body", "published", "published_precision", "url", "regions_display"];
/**
 * `sort` right after `words`: an explicit date order wins over finer relevance, but never over matching. Then
 * `on_topic:desc`: among equal matches, articles about 长三角一体化 before off-topic or word-spun ones
 * (lib/extract/relevance.ts), which search still finds.
 */
export const RANKING_RULES = ["words", "sort", "on_topic:desc", "typo", "proximity", "attribute", "exactness"];

/** Abbreviations used throughout the corpus; plan aliases from extraction are added at index time. */
export const BASE_SYNONYM_GROUPS: string[][] = [
  ["长三角", "长江三角洲"],
  ["示范区", "一体化示范区", "长三角生态绿色一体化发展示范区", "长三角一体化示范区"],
  ["示范区总规", "示范区国土空间总体规划", "长三角生态绿色一体化发展示范区国土空间总体规划"],
  ["浙大", "浙江大学"],
  ["社保卡", "社会保障卡"],
  ["复旦", "复旦大学"],
  ["交大", "上海交通大学"],
  ["执委会", "示范区执委会"],
  ["发改委", "发展改革委", "发展和改革委员会"],
  ["进博会", "中国国际进口博览会"],
];

/**
 * Merge groups that share a member, normalized like every query. A plan, project or organization brings all its
 * aliases; a place (region) only those learned from the corpus and not rejected (东方日内瓦湖 of a lake): its
 * gazetteer short forms (苏州 of 苏州市) are matched through the entity fields, not as synonyms of the raw text.
 */
export function synonymGroups(nodes: EntityNode[]): string[][] {
  const groups: string[][] = BASE_SYNONYM_GROUPS.map((g) => g.map(normalizeForSearch));
  for (const n of nodes) {
    const own = isNamedKind(n.kind) ? n.aliases : n.kind === "region" ? n.learned : null;
    const aliases = (own ?? []).map(normalizeForSearch).filter((a) => a.length >= 2);
    if (aliases.length) groups.push([normalizeForSearch(n.name), ...aliases]);
  }
  const merged: Set<string>[] = [];
  for (const g of groups) {
    const hits = merged.filter((m) => g.some((w) => m.has(w)));
    const into = new Set(g);
    for (const h of hits) {
      for (const w of h) into.add(w);
      merged.splice(merged.indexOf(h), 1);
    }
    merged.push(into);
  }
  return merged.map((s) => [...s].sort()).filter((g) => g.length > 1);
}

/**
 * Meilisearch synonyms are one-way lists: make every member point at all the others. Each group also in word codes
 * (wordCode), for the short queries that search the coded fields (浙大 also finds 浙江大学 there).
 */
export function toMeiliSynonyms(groups: string[][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of [...groups, ...groups.map((g) => g.map(wordCode))]) for (const w of g) out[w] = [...new Set([...(out[w] ?? []), ...g.filter((o) => o !== w)])].sort();
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export function articleIndexSettings(groups: string[][], registry: FacetRegistry = FACET_REGISTRY): Settings {
  const facets = registry.map((f) => f.name);
  return {
    searchableAttributes: SEARCHABLE_ATTRIBUTES,
    // The facets, and the id: a page's hits are formatted in one request that names them (meili-search.ts).
    filterableAttributes: [...facets, "id"],
    sortableAttributes: SORTABLE_ATTRIBUTES,
    displayedAttributes: [...DISPLAYED_BASE, ...facets],
    rankingRules: RANKING_RULES,
    // Chinese for every text field, so short texts are not detected as Japanese.
    localizedAttributes: [{ attributePatterns: SEARCHABLE_ATTRIBUTES.filter((a) => !WORD_CODE_ATTRIBUTES.all.some((c) => c === a)), locales: ["cmn"] }],
    // No typos on the token fields: a one-character edit in Chinese is another word (景点 ≠ 经典).
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: [...SEGMENTED_ATTRIBUTES].sort(), disableOnNumbers: true },
    synonyms: toMeiliSynonyms(groups),
    faceting: { maxValuesPerFacet: 1000 },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}
