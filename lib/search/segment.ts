import { Jieba, TfIdf } from "@node-rs/jieba";
import { dict, idf } from "@node-rs/jieba/dict";

export { wordIdf };
import { plainJieba, wordIdf } from "../extract/text";
import { normalizeText } from "../ingest/normalize";
import { foldVariants } from "./variants";
import { regionOf, regionSlug, resolveRegion } from "../domain/regions";
import { formNamesRegion } from "../extract/regions";

/**
 * Queries go through the documents' normalization (traditional → simplified, widths, pinyin), variant characters
 * folded (lib/search/variants.ts), then lower case.
 */
export function normalizeForSearch(text: string): string {
  return foldVariants(normalizeText(text.normalize("NFKC"))).toLowerCase().replace(/\s+/g, " ").trim();
}

const HAN = /\p{Script=Han}/u;
/** jieba's tags for names of organizations (nt) and people (nr, nrt, nrfg). */
const NAME_TAGS = new Set(["nt", "nr", "nrt", "nrfg"]);
/** A word jieba's dictionary tags as an abbreviation (j: 人大, 常委会). */
function isAbbreviation(word: string): boolean {
  const tags = plainJieba().tag(word, true);
  return tags.length === 1 && tags[0]!.tag === "j";
}
const WORDISH = /[\p{L}\p{N}]/u;

let tfidf: TfIdf | undefined;
/** Below this IDF a word is too common to be highlighted on its own (研发 6.8 and 规划 6.0 stay; 中心 4.8 goes). */
export const COMMON_IDF = 5.5;

/** A word worth highlighting: two characters or more (or a non-Han token such as 5G) and not a common word. */
export function isHighlightWord(word: string): boolean {
  if (!WORDISH.test(word)) return false;
  if (HAN.test(word) && [...word].length < 2) return false;
  return wordIdf(word) >= COMMON_IDF;
}

/** A query of at most two Han characters (都市, 城际): it matches whole words first. */
export function isShortQuery(normalized: string): boolean {
  return [...normalized].length <= 2 && [...normalized].every((c) => HAN.test(c));
}

/** Hexadecimal digits spelled as letters (0–9 → g–p): a code is one run of letters, never split at a digit. */
const CODE_DIGITS = "ghijklmnopabcdef";

/**
 * One whole word as a token Meilisearch cannot split (农业 → "qlhjmcodlbmaq"): its code points in hexadecimal, in
 * letters only, between two q's. The engine segments Chinese again by its own dictionary, so a word field holding 中国农业银行
 * still matches 农业 there, and it matches the start of a longer word as a prefix; a code matches only the same whole
 * word (农业's code is no prefix of 农业银行's: the closing q). Documents and queries are coded alike
 * (lib/search/documents.ts WORD_CODE_ATTRIBUTES).
 */
export function wordCode(word: string): string {
  const hex = [...normalizeForSearch(word)].map((c) => c.codePointAt(0)!.toString(16).padStart(4, "0")).join("");
  return `q${hex.replace(/[0-9a-f]/g, (d) => CODE_DIGITS[parseInt(d, 16)]!)}q`;
}

/** The codes of space-separated words, space-joined (wordCode). */
export function wordCodes(words: string): string {
  return [...new Set(words.split(" ").filter(Boolean))].map(wordCode).join(" ");
}

export class Segmenter {
  private readonly jieba: Jieba;
  readonly userWords: readonly string[];

  /** `userWords`: gazetteer and plan/project/organization names, so they are kept whole. */
  constructor(userWords: Iterable<string> = []) {
    this.jieba = Jieba.withDict(dict);
    const words = [...new Set([...userWords].map((w) => normalizeForSearch(w)).filter((w) => w.length >= 2 && !/\s/.test(w)))].sort();
    this.userWords = words;
    if (words.length > 0) this.jieba.loadDict(Buffer.from(words.map((w) => `${w} 200000 n`).join("\n") + "\n"));
  }

  /**
   * Index-side tokens: search-mode cut plus every dictionary word inside the text (full mode),
   * so 都市 is found inside 大都市区 even where jieba's best path splits it as 大都|市区.
   */
  indexTokens(text: string): string[] {
    const { words, inner } = this.indexTokenLayers(text);
    return [...words, ...inner];
  }

  /**
   * The same tokens in two layers: `words`, the text's own words (search-mode cut), and `inner`, the dictionary
   * words found only inside longer words (都市 inside 大都市意境, 练秋湖 inside 华为练秋湖研发中心). The index keeps
   * them in separate fields, so a hit on a whole word ranks above a hit inside a longer one.
   *
   * A name of the knowledge base (a user word: place, station, plan, project, organization) is split where the plain
   * dictionary splits it (松江南站 → 松江 | 南站, 华东政法大学 → 华东政法 | 大学): those parts are words of the text, while
   * the search-mode pieces that straddle a split or sit inside one part (江南 in 松江南站, 华东 in 华东政法大学) are
   * only inside the name, so they go to `inner`: a query for 江南 or 华东 ranks such pages below whole-word hits.
   */
  indexTokenLayers(text: string): { words: string[]; inner: string[] } {
    const norm = normalizeForSearch(text);
    const words = new Set<string>();
    const inner = new Set<string>();
    // cutForSearch emits, for each word of the precise cut, its dictionary pieces and then the word itself.
    const precise = this.jieba.cut(norm, true).filter((t) => WORDISH.test(t));
    // Words jieba's tagger reads as names of organizations or people (中国农业银行 nt, 高新区 nr): their pieces (农业,
    // 新区) are parts of a name, not words of the text, as for the knowledge base's own names below.
    const tags = this.jieba.tag(norm, true);
    const tagged = new Set(tags.flatMap((t) => (NAME_TAGS.has(t.tag) ? [t.word] : [])));
    // Words jieba's dictionary tags as place names (ns) that are no place of the gazetteer (旧金山, 西昆仑): a place name
    // inside one after a modifier (金山 of 旧金山) is not that place (otherPlaceInside).
    const otherPlaces = new Set(tags.flatMap((t) => (t.tag === "ns" && t.word.length > 2 && !this.isName(t.word) && !resolveRegion(t.word) ? [t.word] : [])));
    let at = 0;
    let pieces: string[] = [];
    for (const t of this.jieba.cutForSearch(norm, true)) {
      if (!WORDISH.test(t)) continue;
      if (t !== precise[at]) {
        pieces.push(t);
        continue;
      }
      at++;
      if (pieces.length && otherPlaces.has(t)) {
        words.add(t);
        for (const p of pieces) (otherPlaceInside(t, p) ? inner : words).add(p);
      } else if (!pieces.length || !(this.isName(t) || (tagged.has(t) && t.length > 2))) for (const p of [...pieces, t]) words.add(p);
      else {
        const parts = plainJieba().cut(t, true).filter((p) => WORDISH.test(p));
        const aligned = new Set(parts.length > 1 ? parts : []);
        // Inside a name the tagger found, an abbreviation is still a name of its own (人大 of 人大常委会).
        // A name of the knowledge base is what its last piece names (科创新城 is a 新城): the head is a word of it.
        const kept = this.isName(t) ? (p: string) => t.endsWith(p) : isAbbreviation;
        for (const p of pieces) if (kept(p)) aligned.add(p);
        // A place written with its level (安徽省, 金山区), the name or one of its parts, is also a word in its short form
        // (安徽, 金山): the same place.
        for (const p of [t, ...aligned]) for (const f of placeShortForms(p)) if (pieces.includes(f)) aligned.add(f);
        words.add(t);
        for (const p of aligned) words.add(p);
        for (const p of pieces) if (!aligned.has(p)) inner.add(p);
      }
      pieces = [];
    }
    for (const p of pieces) words.add(p);
    for (const t of this.jieba.cutAll(norm)) if (t.length >= 2 && HAN.test(t) && !words.has(t)) inner.add(t);
    // A long user word (华为练秋湖研发中心) hides the words inside it (练秋湖): add them from the plain dictionary.
    for (const w of [...words, ...inner]) {
      if (w.length >= 4 && HAN.test(w)) for (const t of plainJieba().cutForSearch(w, true)) if (t.length >= 2 && !words.has(t)) inner.add(t);
    }
    for (const w of words) inner.delete(w);
    return { words: [...words], inner: [...inner] };
  }

  private userWordSet: Set<string> | undefined;
  /** A name of the knowledge base (longer than two characters): its pieces are not all words of the text. */
  isName(word: string): boolean {
    this.userWordSet ??= new Set(this.userWords);
    return word.length > 2 && HAN.test(word) && this.userWordSet.has(word);
  }

  /** The words an article is most about (TF-IDF), so Meilisearch, which ignores term frequency, can rank by aboutness. */
  keywords(text: string, k = 12): string[] {
    tfidf ??= TfIdf.withDict(idf);
    return tfidf
      .extractKeywords(this.jieba, normalizeForSearch(text), k)
      .map((kw) => kw.keyword)
      .filter((w) => w.length >= 2 && WORDISH.test(w));
  }

  /** A long query word split by the plain dictionary (华为研发中心 → 华为, 研发, 中心), or [] when it does not split. */
  parts(word: string): string[] {
    if (word.length < 4 || !HAN.test(word)) return [];
    const cut = plainJieba().cut(word, true).filter((t) => WORDISH.test(t));
    return cut.length > 1 ? cut : [];
  }

  /**
   * A compound word of the plain dictionary split into its parts, head last (电子游戏 → 电子, 游戏; 智能手机 → 智能,
   * 手机; 联合国贸易和发展会议 → 联合国, 贸易, 发展, 会议), or [] when the word is shorter than four Han characters or
   * has no part ending it. A Chinese compound is head-final: 电子游戏 is a kind of 游戏, so an article about a 游戏
   * that never writes the compound is about the query, one about 电子 alone is not.
   */
  compoundParts(word: string): string[] {
    if ([...word].length < 4 || ![...word].every((c) => HAN.test(c))) return [];
    const pieces = plainJieba()
      .cutForSearch(word, true)
      .filter((p) => p.length >= 2 && p !== word);
    const head = pieces.filter((p) => word.endsWith(p)).sort((a, b) => b.length - a.length)[0];
    if (!head) return [];
    // The modifiers: the longest pieces tiling the rest from the left (电子 of 电子游戏, not the straddling 子游).
    const parts: string[] = [];
    let rest = word.slice(0, word.length - head.length);
    while (rest) {
      const next = pieces.filter((p) => rest.startsWith(p)).sort((a, b) => b.length - a.length)[0];
      if (next) parts.push(next);
      rest = rest.slice(next ? next.length : 1);
    }
    return [...parts, head];
  }

  /** Query-side tokens: the precise (coarse) cut, deduplicated, punctuation dropped. */
  queryTokens(text: string): string[] {
    const norm = normalizeForSearch(text);
    return [...new Set(this.jieba.cut(norm, true).map((t) => t.trim()).filter((t) => WORDISH.test(t)))];
  }

  /**
   * A query written as a sentence or question (安徽怎么融入长三角一体化, 线路开通了哪些) without its function words,
   * space-separated (安徽 融入 长三角 一体化): the words jieba's dictionary tags as pronouns and interrogatives (r: 怎么,
   * 哪些, 如何, 什么), particles (y, u*: 吗, 呢, 了, 的) and conjunctions (c: 和, 与), and the A-not-A questions (是不是,
   * 有没有, 能不能: isAnotA). They say what is asked, never what an article is about, and, kept, they fail the
   * fallback's every-word match and make Meilisearch drop the query's content words first (it drops the last words).
   * A query of fewer than three words, or one left with no content word, is returned as it was (null); names of the
   * knowledge base are user words tagged as nouns, so a name is never cut.
   */
  questionContent(text: string): string | null {
    const norm = normalizeForSearch(text);
    const tags = this.jieba.tag(norm, true).filter((t) => WORDISH.test(t.word));
    if (tags.length < 3) return null;
    const kept = tags.filter((t) => !isFunctionTag(t.tag) && !isAnotA(t.word));
    if (kept.length === tags.length || kept.length === 0) return null;
    return kept.map((t) => t.word).join(" ");
  }
}

/** jieba's tags of function words: pronouns and interrogatives (r), modal particles (y), auxiliaries (u…), conjunctions (c). */
function isFunctionTag(tag: string): boolean {
  return tag === "r" || tag === "y" || tag === "c" || /^u[a-z]*$/.test(tag);
}

/** An A-not-A question form (是不是, 有没有, 能不能, 会不会): a character other than 不 or 没, 不 or 没, the same character. */
export function isAnotA(word: string): boolean {
  return /^(?![不没])(\p{Script=Han})[不没]\1$/u.test(word);
}

/**
 * The gazetteer's shorter forms of a place name that begin it (安徽 of 安徽省, 嘉善 of 嘉善县), [] for a word that is
 * no form of a place. 旧金山 is no place of the gazetteer: 金山 stays inside it.
 */
export function placeShortForms(word: string): string[] {
  const id = resolveRegion(word);
  const r = id ? regionOf(id) : undefined;
  if (!r) return [];
  const forms = [r.name, r.full, ...r.aliases];
  if (!forms.includes(word)) return [];
  return [...new Set(forms.filter((f) => f && f !== word && [...f].length >= 2 && word.startsWith(f)))];
}

/**
 * A place query written with its level (盛泽镇, 金山区, 德清县): the shorter forms that name the same place on their own
 * (盛泽, 金山, 德清), which articles write as words (盛泽站, 在金山); the query-side mirror of placeShortForms. [] for any
 * other query, and for a short form the gazetteer does not read alone: an everyday word (宝山 of 宝山区, 江山 of 江山市),
 * marked noShort (西湖 of 西湖区) or shared by many townships.
 */
export function placeQueryShortForms(normalized: string): string[] {
  const id = resolveRegion(normalized);
  if (!id) return [];
  return placeShortForms(normalized).filter(namesPlace);
}

/** A word that names a place on its own, as the gazetteer reads it (金山, 苏州; not 西湖, 宝山). */
function namesPlace(word: string): boolean {
  const id = resolveRegion(word);
  return !!id && formNamesRegion(word, regionSlug(id));
}

/**
 * A place name (金山) after a modifier that is no place itself, inside a longer word jieba's dictionary holds as another
 * place (旧金山, 旧金山湾, 西昆仑): the name of that other place, not a mention of this one. A word beginning with the
 * place (太湖流域, 苏州河: named after it) or a chain of places (中国宁波) keeps it as a word.
 */
function otherPlaceInside(word: string, piece: string): boolean {
  const at = word.indexOf(piece);
  if (at <= 0 || !namesPlace(piece)) return false;
  const modifier = word.slice(0, at);
  return !resolveRegion(modifier) && !plainJieba().tag(modifier, true).some((t) => t.tag === "ns");
}

/** Space-joined whole words only (names of entities: a piece inside a name is not the name's word). */
export function segmentedWords(seg: Segmenter, text: string): string {
  return seg.indexTokenLayers(text).words.join(" ");
}

/** Space-joined tokens in two layers (whole words, words found only inside longer words). */
export function segmentedLayers(seg: Segmenter, text: string): { words: string; inner: string } {
  const { words, inner } = seg.indexTokenLayers(text);
  return { words: words.join(" "), inner: inner.join(" ") };
}
