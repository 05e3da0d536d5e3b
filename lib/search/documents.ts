import crypto from "node:crypto";
import type { EntityNode, IndexEntity, IndexSource } from "@/db/queries/search";
import { orgProjectTerms } from "../extract/orgs-projects";
import { planTerms } from "../extract/plans";
import type { DatePrecision } from "../domain/dates";
import { dateNumber } from "../domain/dates";
import { FACET_REGISTRY, facetValues, type FacetLabels, type FacetName, type FacetRegistry } from "../domain/facets";
import { isNamedKind } from "../domain/kinds";
import { REGION_LEVELS, regionContainers, regionOf } from "../domain/regions";
import { regionTerms } from "../extract/regions";
import { isShownRelevance } from "../extract/relevance";
import { topicSearchTerms } from "../extract/topics";
import { normalizeForSearch, segmentedLayers, segmentedWords, wordCodes, type Segmenter } from "./segment";

/** What every search document holds besides its facet fields. */
export interface SearchDocBase {
  id: string;
  title: string;
  title_seg: string;
  /** Plan / project / organization names and aliases mentioned by the article. */
  names: string[];
  names_seg: string;
  /**
   * Names and aliases of the entities central to the article (named in its title or lede, or at least
   * CENTRAL_MENTIONS times): plans, projects, organizations and places, each place with the regions it lies in.
   */
  entities_lead: string[];
  /** The same for the entities it only mentions. */
  entities_other: string[];
  /** The words the article is most about (TF-IDF over title and body). */
  keywords: string;
  body: string;
  body_seg: string;
  /** Dictionary words found only inside longer words of the title and body (ranked below whole words). */
  inner_seg: string;
  /** Names and keywords of the article's topics (lib/extract/topics.ts): a topic query matches below literal hits. */
  topic_terms: string;
  /**
   * The same words as whole-word codes Meilisearch cannot split again (lib/search/segment wordCode), for a short query
   * (农业), which matches words, not the inside of longer ones (中国农业银行), as the fallback's tokens: the title's words,
   * those the article is about (keywords, central entities), all its own words and entities, its topics' terms.
   */
  title_words: string;
  central_words: string;
  text_words: string;
  topic_words: string;
  published: string | null;
  published_precision: DatePrecision | null;
  /** yyyymmdd as a number (0 when unknown): newest first. */
  published_desc: number;
  /** yyyymmdd, 99999999 when unknown: oldest first with undated last. */
  published_asc: number;
  url: string | null;
  /** Regions the article names directly, in display order (see regionsForDisplay). */
  regions_display: { id: string; name: string }[];
  /** lib/extract/relevance.ts: the article's score, and 1 when it is on-topic and not word-spun (ranked first). */
  relevance: number | null;
  on_topic: 0 | 1;
}

/**
 * One article as both engines index it: the base fields plus one field per facet in the registry
 * (values are ids; labels come from SQLite at query time).
 */
export type SearchDoc = SearchDocBase & Record<FacetName, string[]>;

/** Entity names by id, for facet labels. */
export interface EntityGraph extends FacetLabels {
  byId: Map<string, EntityNode>;
}

export function buildEntityGraph(nodes: EntityNode[]): EntityGraph {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return { byId, nameOf: (id) => byId.get(id)?.name };
}

/**
 * The regions an article names, in the order its result card shows them (the card has room for the
 * first few): how often the article names each region, weighted by how specific it is (lib/domain/regions
 * REGION_LEVELS), then the more specific, then the first mentioned. So an article about 嘉善 shows 嘉善
 * (41 mentions) before the towns it names once, and before 江苏 › 苏州 in id order.
 */
export function regionsForDisplay(regions: IndexEntity[]): { id: string; name: string }[] {
  const level = (r: IndexEntity) => (REGION_LEVELS as Record<string, { specificity: number } | undefined>)[r.type ?? ""]?.specificity ?? 0;
  const weight = (r: IndexEntity) => r.mentions * (1 + level(r));
  return [...regions]
    .sort((a, b) => weight(b) - weight(a) || level(b) - level(a) || a.firstMention - b.firstMention || a.id.localeCompare(b.id))
    .map((r) => ({ id: r.id, name: r.name }));
}

/** Mentions that make an entity central to an article when it is not in the title or lede. */
export const CENTRAL_MENTIONS = 3;
/** firstMention below this is the title (paragraph −1) or the lede (paragraphs 0 and 1). */
const LEDE_END = 2 * 1_000_000;

/** Central: named in the title or lede (not only as an item of a list there), or often. */
export function isCentral(e: Pick<IndexEntity, "mentions" | "firstMention" | "listedInLede">): boolean {
  return (e.firstMention < LEDE_END && !e.listedInLede) || e.mentions >= CENTRAL_MENTIONS;
}

/**
 * The forms a query may name an entity by: its name and aliases; a place also by the cities and districts it lies in
 * (黎里镇 by 吴江 and 苏州). Provinces and zones are left out (`level` "city"): nearly every article lies in 长三角 and
 * one of its four provinces, so those would make every article central to them; `level` "province" adds the
 * province, for the entities an article only mentions (武汉 by 湖北, ranked below the articles naming 湖北 itself).
 */
export function entitySearchNames(e: Pick<IndexEntity, "id" | "kind" | "name" | "aliases">, level: "city" | "province" = "city"): string[] {
  const own = [e.name, ...(e.aliases ?? [])];
  if (e.kind !== "region") return own;
  const around = regionContainers(e.id).flatMap((id) => {
    const r = regionOf(id);
    return r && REGION_LEVELS[r.kind].specificity >= REGION_LEVELS[level].specificity ? [r.name, r.full, ...r.aliases] : [];
  });
  return [...own, ...around];
}

function searchNames(list: IndexEntity[], level: "city" | "province" = "city"): string[] {
  return [...new Set(list.flatMap((e) => entitySearchNames(e, level)).filter((n): n is string => !!n && [...n].length >= 2))];
}

export function buildSearchDoc(a: IndexSource, seg: Segmenter, registry: FacetRegistry = FACET_REGISTRY): SearchDoc {
  const title = normalizeForSearch(a.title);
  const body = a.body.normalize("NFKC");
  const named = a.entities.filter((e) => isNamedKind(e.kind));
  const names = [...new Set(named.flatMap((e) => [e.name, ...(e.aliases ?? [])]))];
  const regions = a.entities.filter((e) => e.kind === "region");
  const linkable = a.entities.filter((e) => isNamedKind(e.kind) || e.kind === "region");
  const lead = searchNames(linkable.filter(isCentral));
  const leadSet = new Set(lead);
  // The provinces of every place go with the entities only mentioned: a province links its places, never centrally.
  const other = searchNames(linkable.filter((e) => !isCentral(e)), "province").filter((n) => !leadSet.has(n));
  for (const n of searchNames(linkable.filter((e) => isCentral(e) && e.kind === "region"), "province")) if (!leadSet.has(n) && !other.includes(n)) other.push(n);
  const titleLayers = segmentedLayers(seg, title);
  const bodyLayers = segmentedLayers(seg, body);
  const nameLayers = segmentedLayers(seg, names.join(" "));
  const date = dateNumber(a.published);
  // The words it is most about, among the words of its text: a piece inside a name (农业 of 中国农业银行) is not one.
  const ownWords = new Set(`${titleLayers.words} ${bodyLayers.words}`.split(" "));
  const keywords = seg.keywords(`${title}\n${body}`).filter((k) => ownWords.has(k));
  const topicTerms = a.topics.flatMap((t) => [t, ...topicSearchTerms(t)]).join(" ");
  const base: SearchDocBase = {
    id: a.id,
    title: a.title,
    title_seg: titleLayers.words,
    names,
    names_seg: nameLayers.words,
    entities_lead: lead,
    entities_other: other,
    keywords: keywords.join(" "),
    body,
    body_seg: bodyLayers.words,
    inner_seg: [titleLayers.inner, bodyLayers.inner, nameLayers.inner].filter(Boolean).join(" "),
    topic_terms: topicTerms,
    title_words: wordCodes(titleLayers.words),
    central_words: wordCodes(segmentedWords(seg, `${keywords.join(" ")} ${lead.join(" ")}`)),
    text_words: wordCodes(`${titleLayers.words} ${bodyLayers.words} ${nameLayers.words} ${segmentedWords(seg, [...lead, ...other].join(" "))}`),
    topic_words: wordCodes(segmentedWords(seg, topicTerms)),
    published: a.published,
    published_precision: a.publishedPrecision,
    published_desc: date ?? 0,
    published_asc: date ?? 99999999,
    url: a.url,
    regions_display: regionsForDisplay(regions),
    relevance: a.relevance,
    on_topic: isShownRelevance(a.relevance, a.lowQuality) ? 1 : 0,
  };
  return { ...base, ...facetValues(a, registry) } as SearchDoc;
}

export function docHash(doc: SearchDoc): string {
  return crypto.createHash("sha256").update(JSON.stringify(doc)).digest("hex").slice(0, 32);
}

let knownTerms: string[] | undefined;

/**
 * Words jieba must keep whole: names and aliases of the plans, projects, organizations and regions
 * in the knowledge base, plus every name the extraction dictionaries know (gazetteer, plans, orgs/projects).
 */
export function vocabulary(nodes: EntityNode[]): string[] {
  knownTerms ??= [...regionTerms(), ...planTerms(), ...orgProjectTerms()];
  return [...new Set([...knownTerms, ...nodes.flatMap((n) => [n.name, ...(n.aliases ?? [])])].map((w) => normalizeForSearch(w)))]
    .filter((w) => w.length >= 2 && w.length <= 40 && !/\s/.test(w))
    .sort();
}
