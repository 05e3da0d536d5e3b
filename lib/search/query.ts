import type { Db } from "@/db/client";
import { getDataVersion } from "@/db/memo";
import { getSearchEntities, type EntityNode } from "@/db/queries/search";
import { buildEntityGraph, vocabulary, type EntityGraph } from "./documents";
import { COMMON_IDF, isHighlightWord, isShortQuery, normalizeForSearch, placeQueryShortForms, Segmenter, wordIdf } from "./segment";
import { synonymGroups } from "./settings";
import { resolveRegion } from "../domain/regions";
import { isNamedKind } from "../domain/kinds";
import { topicConcepts } from "../extract/topics";

/** What a query needs from the knowledge base: the segmenter's dictionary, synonyms, entity labels. */
export interface QueryContext {
  seg: Segmenter;
  groups: string[][];
  graph: EntityGraph;
  /** Normalized name or alias (two characters or more) → the plans, projects, organizations and places it names. */
  forms: Map<string, string[]>;
}

/** Every normalized name and alias of the named entities and places, for linking a query to them. */
export function entityForms(nodes: EntityNode[]): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const n of nodes) {
    if (!isNamedKind(n.kind) && n.kind !== "region") continue;
    for (const f of new Set([n.name, ...(n.aliases ?? [])].map(normalizeForSearch))) {
      if ([...f].length < 2) continue;
      const ids = forms.get(f) ?? [];
      if (!ids.includes(n.id)) forms.set(f, [...ids, n.id]);
    }
  }
  return forms;
}

const contexts = new WeakMap<Db, { version: number; ctx: QueryContext }>();
let lastSegmenter: Segmenter | undefined;

/**
 * Built once and kept until the entities or their learned aliases change (getDataVersion `search_context`: a counter raised
 * by triggers, read once per query), instead of rebuilt every few seconds (≈0.8 s at 10k articles). The segmenter
 * (≈100 ms to build) is also kept while the vocabulary is unchanged.
 */
export function getQueryContext(db: Db): QueryContext {
  const version = getDataVersion({ db, name: "search_context" });
  const hit = contexts.get(db);
  if (hit && hit.version === version) return hit.ctx;
  const nodes = getSearchEntities({ db });
  const words = vocabulary(nodes);
  const same = (s: Segmenter | undefined) => s && s.userWords.length === words.length && s.userWords.every((w, i) => w === words[i]);
  const seg = same(hit?.ctx.seg) ? hit!.ctx.seg : same(lastSegmenter) ? lastSegmenter! : new Segmenter(words);
  lastSegmenter = seg;
  const ctx = { seg, groups: synonymGroups(nodes), graph: buildEntityGraph(nodes), forms: entityForms(nodes) };
  contexts.set(db, { version, ctx });
  return ctx;
}

/** A query piece made only of digits and operators (1+8, 2+2, 1:1): one token, matched literally as a phrase. */
const NUMBER_PIECE = /^\d+(?:[+\-*/×:]\d+)+$/u;

/** The space-separated pieces of a normalized query made only of digits and operators (上海大都市圈 1+8 → 1+8). */
export function numberPieces(normalized: string): string[] {
  return [...new Set(normalized.split(" ").filter((p) => NUMBER_PIECE.test(p)))];
}

/**
 * Meilisearch's every-match query (AnalyzedQuery.every): the query without its number pieces, whose tiers (the
 * `literal` query, the pieces as phrases) put the articles holding them first, as the fallback ranks them; a query
 * of number pieces only, the pieces quoted, so the engine matches them as phrases, not their digits apart.
 */
export function everyMatchQuery(normalized: string): string {
  const pieces = normalized.split(" ");
  const text = pieces.filter((p) => !NUMBER_PIECE.test(p));
  return text.length ? text.join(" ") : pieces.map((p) => `"${p}"`).join(" ");
}

export interface AnalyzedQuery {
  normalized: string;
  /**
   * Number pieces of the query (numberPieces: 1+8), matched as written: the fallback ranks the articles holding them
   * first (its FTS tokens split 1+8 into 1 and 8); Meilisearch's tiers hold them as phrases (`literal`).
   */
  numbers: string[];
  /** Meilisearch's every-match query (everyMatchQuery): the query without its number pieces, or them quoted. */
  every: string;
  /**
   * A query with number pieces and other words: `literal` of the other words, whose tiers follow those of the whole
   * query (every article holding all its words before those holding some: Meilisearch drops the last words first).
   */
  literalWithoutNumbers: string | null;
  /** Terms to highlight in snippets (query words and their synonyms). */
  terms: string[];
  /** FTS5 MATCH expression (every user token quoted), null for an empty query. */
  match: string | null;
  /** FTS5 expression matching any of the query's words (a lower tier), null for one word or an empty query. */
  anyMatch: string | null;
  /**
   * FTS5 expression matching every word of the query but one (mostMatchOf), a tier before `anyMatch`; null below three
   * words.
   */
  mostMatch: string | null;
  /** FTS5 expression of the head relaxation (`relaxed`): the head required, the modifiers raising bm25; or null. */
  relaxedMatch: string | null;
  /**
   * The taxonomy concept the query is a member of (conceptOf: 防汛 → 防洪, 排涝 … of 生态环境), or null. After every
   * literal hit come the articles about another phrasing of it (in their title or central entities), then those
   * tagged with its topic that write one, before the articles only tagged with the topic.
   */
  concept: QueryConcept | null;
  /** FTS5 expression matching any other phrasing of `concept`, or null. */
  conceptMatch: string | null;
  /** Substrings for the LIKE path when FTS finds nothing. */
  like: string[];
  /** At most two Han characters: whole words first, substrings only when nothing else matches. */
  short: boolean;
  /**
   * The words a short query matches as whole words (Meilisearch's word codes): the query itself, or, when the plain
   * dictionary does not hold it as one word (中新 → 中 | 新, an abbreviation inside 中新嘉善现代产业园) and it is no
   * synonym, its words, all required, as the fallback's FTS match reads them (`match`). Empty when not short.
   */
  shortWords: string[];
  /** Entities the query names (the whole query, or else the longest names inside it), for the entity card. */
  entities: string[];
  /**
   * A place query written with its level (盛泽镇): the short forms naming the same place on their own (盛泽,
   * placeQueryShortForms), matched as whole words in the same tiers as the query (an article writing 盛泽站 is about the
   * town), never as substrings (金山 of 金山区 is no match inside 旧金山). Empty for any other query.
   */
  placeForms: string[];
  /** Meilisearch's first-tier query (literalQuery): names as words, with their synonyms; other parts as phrases. */
  literal: string;
  /**
   * A one-word query that is a compound of the plain dictionary (电子游戏, 智能手机): its head, which a matching article
   * must hold (游戏), then the modifiers, which rank it higher (电子). Articles that name the head without the whole
   * compound follow every match of the query itself, as articles expressing it differently. Null otherwise.
   */
  relaxed: { head: string; words: string[] } | null;
}

/**
 * The head relaxation of a query (AnalyzedQuery.relaxed): a single word, not a name, alias or synonym of the knowledge base,
 * that splits into parts with a head specific enough to search on its own (IDF ≥ COMMON_IDF: 游戏, 手机, not 中心).
 */
export function relaxQuery(normalized: string, ctx: Pick<QueryContext, "seg" | "forms" | "groups">): AnalyzedQuery["relaxed"] {
  const toks = ctx.seg.queryTokens(normalized);
  if (toks.length !== 1 || toks[0] !== normalized) return null;
  // A name (国家发展和改革委员会) is not a kind of its head (委员会).
  if (ctx.seg.isName(normalized) || ctx.forms.has(normalized) || ctx.groups.some((g) => g.includes(normalized))) return null;
  const parts = ctx.seg.compoundParts(normalized);
  const head = parts.at(-1);
  if (!head || wordIdf(head) < COMMON_IDF) return null;
  return { head, words: [head, ...parts.slice(0, -1)] };
}

/** AnalyzedQuery.shortWords of a short query: its own words when it splits and is no synonym, else the query. */
function shortQueryWords(normalized: string, words: string[], ctx: Pick<QueryContext, "groups">): string[] {
  if (words.length < 2 || ctx.groups.some((g) => g.includes(normalized))) return [normalized];
  return words;
}

/** A query's concept (conceptOf): the other phrasings, and the topics whose concepts they are. */
export interface QueryConcept {
  terms: string[];
  topics: string[];
}

let conceptIndex: Map<string, QueryConcept> | undefined;

/**
 * The concept of the topic taxonomy (lib/extract/data/topics.json `concepts`) that the whole query is a member of: its
 * other phrasings in the taxonomy's order (most specific first: 防汛 → 防洪, 排涝, 防洪排涝 …) and its topics; null
 * when the query is no member.
 */
export function conceptOf(normalized: string): QueryConcept | null {
  if (!conceptIndex) {
    conceptIndex = new Map();
    for (const { topic, terms } of topicConcepts()) {
      const members = [...new Set(terms.map(normalizeForSearch))];
      for (const m of members) {
        const had = conceptIndex.get(m);
        const others = members.filter((o) => o !== m);
        conceptIndex.set(m, { terms: [...new Set([...(had?.terms ?? []), ...others])], topics: [...new Set([...(had?.topics ?? []), topic])] });
      }
    }
  }
  return conceptIndex.get(normalized) ?? null;
}

/**
 * The entities a query names: the whole query as a name or alias (华为研发中心, 嘉善, 浙江嘉善县), else the
 * longest known names inside it that do not overlap (嘉善 公交 → 嘉善).
 */
export function linkEntities(normalized: string, ctx: Pick<QueryContext, "forms">): string[] {
  if (!normalized) return [];
  const whole = ctx.forms.get(normalized) ?? [];
  const region = resolveRegion(normalized);
  if (whole.length || region) return [...new Set([...whole, ...(region ? [region] : [])])];
  const found: string[] = [];
  let rest = normalized;
  // The query's substrings looked up in the forms (a query is short, the forms grow with the corpus), longest first.
  const chars = [...normalized];
  const inside: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 2; j <= chars.length; j++) {
      const f = chars.slice(i, j).join("");
      if (ctx.forms.has(f) && !inside.includes(f)) inside.push(f);
    }
  }
  inside.sort((a, b) => b.length - a.length);
  for (const f of inside) {
    if (!rest.includes(f)) continue;
    rest = rest.split(f).join(" ");
    for (const id of ctx.forms.get(f) ?? []) if (!found.includes(id)) found.push(id);
  }
  return found;
}

/** The fallback's FTS columns of an article's own words and entities (not `subwords`, the words inside longer ones). */
const PLACE_FORM_COLUMNS = "title names body entities related topics";

/**
 * An FTS5 expression matching every word but one, for each word ("a" AND "b") OR ("a" AND "c") OR ("b" AND "c"), for a
 * query of three words or more: an article holding all the query's words but one is closer to it than one holding a
 * single word, whatever the article's topic (12306 用户 数据 泄露 → the page writing 12306, 用户, 数据 and 泄漏 before
 * pages that only write 数据). Null below three words.
 */
export function mostMatchOf(words: string[]): string | null {
  if (words.length < 3) return null;
  return words.map((_, i) => `(${words.filter((_, j) => j !== i).map(ftsQuote).join(" AND ")})`).join(" OR ");
}

/** Quote one token for FTS5: user text never reaches the query parser unescaped. */
export function ftsQuote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

export function analyzeQuery(q: string, ctx: QueryContext): AnalyzedQuery {
  const normalized = normalizeForSearch(q);
  if (!normalized) return { normalized, numbers: [], every: "", literalWithoutNumbers: null, terms: [], match: null, anyMatch: null, mostMatch: null, relaxedMatch: null, concept: null, conceptMatch: null, like: [], short: false, shortWords: [], entities: [], placeForms: [], literal: "", relaxed: null };
  const members = ctx.groups.flatMap((g) => g.map((m) => ({ m, g }))).sort((a, b) => b.m.length - a.m.length);
  const clauses: string[] = [];
  const terms = new Set<string>();
  const like = new Set<string>([normalized]);
  const tokensClause = (text: string) => {
    const toks = ctx.seg.queryTokens(text);
    // Highlighted: the query's own words, never a single character or a common word split off it (年, 发展).
    for (const t of toks) if (isHighlightWord(t)) terms.add(t);
    // A dictionary name also matches when an article writes it with words in between (华为练秋湖研发中心).
    return toks
      .map((t) => {
        const parts = ctx.seg.parts(t);
        for (const p of parts) if (isHighlightWord(p)) terms.add(p);
        return parts.length ? `(${ftsQuote(t)} OR (${parts.map(ftsQuote).join(" AND ")}))` : ftsQuote(t);
      })
      .join(" AND ");
  };
  // Number pieces (1+8) are matched as written (`numbers`), never as their digits apart.
  const numbers = numberPieces(normalized);
  const pieces = normalized
    .split(" ")
    .filter((p) => !numbers.includes(p))
    .join(" ");
  // A sentence or question is searched by its content words (questionContent: 怎么, 哪些, 了 say what is asked).
  const content = ctx.seg.questionContent(pieces);
  const text = content ?? pieces;
  // What the engine's queries search: the content words with the number pieces, or the query as written.
  const asked = content ? [content, ...numbers].join(" ") : normalized;
  for (const n of numbers) terms.add(n);
  // Synonym members inside the query become (A OR B OR …); the rest is segmented and ANDed.
  let rest = text;
  for (const { m, g } of members) {
    if (!rest.includes(m)) continue;
    rest = rest.split(m).join(" ");
    const alts = g.map((alt) => tokensClause(alt)).filter(Boolean);
    for (const alt of g) {
      terms.add(alt);
      like.add(normalized.split(m).join(alt));
    }
    if (alts.length) clauses.push(`(${alts.map((a) => `(${a})`).join(" OR ")})`);
  }
  const restClause = tokensClause(rest);
  if (restClause) clauses.push(restClause);
  terms.add(normalized);
  // A place written with its level also matches its short form, as a word of the article's own fields (not `subwords`).
  const placeForms = isShortQuery(normalized) ? [] : placeQueryShortForms(normalized);
  for (const f of placeForms) if (isHighlightWord(f)) terms.add(f);
  const ownMatch = clauses.length ? clauses.join(" AND ") : null;
  const match = ownMatch && placeForms.length ? `(${ownMatch}) OR ({${PLACE_FORM_COLUMNS}} : (${placeForms.map(ftsQuote).join(" OR ")}))` : ownMatch;
  const relaxed = relaxQuery(normalized, ctx);
  if (relaxed && isHighlightWord(relaxed.head)) terms.add(relaxed.head);
  const words = [...new Set(ctx.seg.queryTokens(text))];
  // Another phrasing of the query's concept is highlighted too: it is why the article matched.
  const concept = conceptOf(normalized);
  const conceptClauses = (concept?.terms ?? []).map(tokensClause).filter(Boolean);
  return {
    normalized,
    numbers,
    every: everyMatchQuery(asked),
    literalWithoutNumbers: numbers.length && text ? literalQuery(text, ctx) : null,
    terms: [...terms],
    match,
    anyMatch: words.length > 1 ? words.map(ftsQuote).join(" OR ") : null,
    mostMatch: mostMatchOf(words),
    relaxedMatch: relaxed ? `${ftsQuote(relaxed.head)} AND (${relaxed.words.map(ftsQuote).join(" OR ")})` : null,
    concept,
    conceptMatch: conceptClauses.length ? conceptClauses.map((c) => `(${c})`).join(" OR ") : null,
    like: [...like],
    short: isShortQuery(normalized),
    shortWords: isShortQuery(normalized) ? shortQueryWords(normalized, words, ctx) : [],
    entities: linkEntities(normalized, ctx),
    placeForms,
    literal: literalQuery(asked, ctx),
    relaxed,
  };
}

/**
 * The query of Meilisearch's first tier (lib/search/meili-search.ts): every space-separated part as a phrase, so
 * the engine's own segmentation, which splits a word it does not know (文旅 → 文 | 旅, 水环境 → 水 | 环境), cannot
 * match its pieces apart anywhere in the article; a part that is a known name or synonym stays words, so its
 * synonyms still apply (长三角一体化发展规划纲要 also finds 长江三角洲区域一体化发展规划纲要).
 */
export function literalQuery(normalized: string, ctx: Pick<QueryContext, "forms" | "groups">): string {
  const named = (p: string) => ctx.forms.has(p) || ctx.groups.some((g) => g.includes(p));
  const members = ctx.groups.flat().filter((m) => [...m].length >= 2).sort((a, b) => b.length - a.length);
  // A part holding a synonym (国家 + 发展和改革委员会) keeps the synonym as words, so the articles writing another
  // form of it (国家发改委) still match; the text around it stays phrases.
  const literal = (p: string): string[] => {
    if (named(p)) return [p];
    const m = members.find((x) => p.includes(x));
    if (!m) return [`"${p}"`];
    const at = p.indexOf(m);
    return [...(at > 0 ? literal(p.slice(0, at)) : []), m, ...(at + m.length < p.length ? literal(p.slice(at + m.length)) : [])];
  };
  return normalized
    .split(" ")
    .map((p) => p.replace(/"/g, ""))
    .filter(Boolean)
    .flatMap(literal)
    .join(" ");
}
