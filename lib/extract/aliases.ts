// Aliases the corpus states: an entity mention followed by 以下简称 / 简称 / 又称 / 也称 / 原名 / 即 and another name,
// by 被誉为 / 被称为 / 号称 and a quoted name,
// or by a parenthesized short form whose characters are the name's in order (长三角生态绿色一体化发展示范区(示范区)).
// Pure: paragraphs and the article's entity mentions in, alias statements out. Whether a reviewer confirmed or
// rejected a pair comes from data/aliases-reviewed.json (applied on every ingest; `kb aliases` edits it).
import reviewedData from "./data/aliases-reviewed.json";
import { planType, type ParagraphText } from "./plans";
import { wordIdf } from "./text";
import type { EntityMention } from "./types";

export type AliasPattern = "以下简称" | "简称" | "又称" | "原名" | "即" | "括注简称" | "被誉为";
import type { AliasStatus } from "../domain/aliases";
export type { AliasStatus };

export interface LearnedAlias {
  entityId: string;
  alias: string;
  pattern: AliasPattern;
  paragraph: number;
  /** The statement as written (the entity's name through the alias), the alias's source. */
  text: string;
}

export interface ReviewedAlias {
  entity: string;
  alias: string;
  note?: string;
}

export interface ReviewedAliases {
  confirmed: ReviewedAlias[];
  rejected: ReviewedAlias[];
}

const QUOTE_OPEN = "“\"《「『‘'";
const QUOTE_CLOSE = "”\"》」』’'";
const ALIAS_BODY = `[^)）${QUOTE_CLOSE}，,。；;、:：\\s]{2,20}`;
const q = (body: string) => `[${QUOTE_OPEN}]?(${body})[${QUOTE_CLOSE}]?`;
const MARKERS: [AliasPattern, string][] = [
  ["以下简称", "(?:以下简称|如下简称|以下称|下称)"],
  ["简称", "(?:简称|统称)"],
  ["又称", "(?:又称|也称|亦称|又名|俗称)"],
  ["原名", "(?:原名|原称|曾用名)"],
  ["即", "即"],
];
/** After the mention (its closing quote skipped): "(以下简称“示范区”)" or "，简称示范区". */
const STATED = MARKERS.map(([pattern, marker]) => ({
  pattern,
  inParens: new RegExp(`^[(（]\\s*${marker}\\s*[为作是:：]?\\s*${q(ALIAS_BODY)}\\s*[)）]`, "u"),
  inClause: pattern === "即" ? null : new RegExp(`^[，,]\\s*${marker}\\s*[为作是:：]?\\s*${q(ALIAS_BODY)}`, "u"),
}));
/**
 * Right after the mention, with no comma: "淀山湖又称薛淀湖", and a name it is known by, in quotes, which bound it
 * (淀山湖被誉为“东方日内瓦湖”, 号称“八国联盟”). Unquoted, 被称为 / 被誉为 start a description (被称为全国首条跨省…), and
 * a quoted list (被誉为“上海之根、沪上之巅…”) is no name: the quoted body stops at a comma or 、 and must be closed.
 */
const DIRECT: { pattern: AliasPattern; re: RegExp }[] = [
  { pattern: "又称", re: new RegExp(`^(?:又称|也称|亦称|又名|俗称)\\s*${q(ALIAS_BODY)}`, "u") },
  { pattern: "被誉为", re: new RegExp(`^(?:被誉为|被称为|被称作|被叫作|号称|素有)\\s*[${QUOTE_OPEN}](${ALIAS_BODY})[${QUOTE_CLOSE}]`, "u") },
];
const BARE_PARENS = new RegExp(`^[(（]${q("[\\p{Script=Han}A-Za-z0-9]{2,12}")}[)）]`, "u");

/** Every character of `short`, in order, inside `long` (示范区 in 长三角生态绿色一体化发展示范区): an abbreviation. */
export function isAbbreviationOf(short: string, long: string): boolean {
  if (short.length >= long.length) return false;
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

/**
 * An alias worth keeping: two characters or more, not a common word, and for a document not a bare type (《方案》)
 * nor the tail of its own title (《举措规划》, 《技术指南》): those are one article's back-references, not names.
 */
export function isUsableAlias(alias: string, name: string, kind: string): boolean {
  const a = alias.trim();
  if ([...a].length < 2 || a === name || /^\d+$/.test(a)) return false;
  if (kind === "plan" && (planType(a) === a || withoutPeriod(name).endsWith(a))) return false;
  // The tail of a name (联盟 of …产业联盟) is a name only when it is specific (示范区, 执委会), not a common noun.
  if (name.endsWith(a)) return wordIdf(a) >= SPECIFIC_TAIL_IDF;
  return wordIdf(a) >= USABLE_IDF;
}

/** A name's tail used as its short form must be at least this specific: 示范区 9.6, 管委会 9.5 pass; 联盟 6.9 does not. */
const SPECIFIC_TAIL_IDF = 8;

const withoutPeriod = (name: string) => name.replace(/[(（][^()（）]*[)）]$/u, "").replace(/[《》]/g, "");

/** Words less specific than this (jieba IDF) are ordinary vocabulary, never a name: 方案 5.9, 会议 … */
const USABLE_IDF = 6;

/** Past the mention's closing quotes and a period or edition written after it (…报告(2024年度)》). */
const PERIOD_AFTER = /^[(（][^()（）\d]{0,6}\d[^()（）]{0,12}[)）]/u;
/** At most this many closing quotes in a row (a title nested in a title); longer runs are junk, read no further. */
const MAX_CLOSERS = 4;
const skipClosers = (text: string, at: number) => {
  let i = at;
  for (let round = 0; round < 2; round++) {
    for (let n = 0; n < MAX_CLOSERS && i < text.length && QUOTE_CLOSE.includes(text[i]!); n++) i++;
    // Bounded slices only: a pathological paragraph (300,000 characters) must not cost a copy per mention.
    const period = PERIOD_AFTER.exec(text.slice(i, i + 24));
    if (!period) break;
    i += period[0].length;
  }
  return i;
};

/** Alias statements in an article: each names a plan, project, organization or place it mentions. */
export function findAliasStatements(texts: readonly ParagraphText[], mentions: readonly EntityMention[]): LearnedAlias[] {
  const out = new Map<string, LearnedAlias>();
  const byParagraph = new Map(texts.map((t) => [t.index, t.text]));
  for (const m of mentions) {
    if (m.kind === "date") continue;
    const text = byParagraph.get(m.paragraph);
    if (!text) continue;
    const from = skipClosers(text, m.end);
    const after = text.slice(from, from + 40);
    const add = (alias: string, pattern: AliasPattern, length: number) => {
      const a = alias.trim();
      if (!isUsableAlias(a, m.name, m.kind) || (m.aliases ?? []).includes(a)) return;
      const key = `${m.id}\u0000${a}`;
      if (!out.has(key)) out.set(key, { entityId: m.id, alias: a, pattern, paragraph: m.paragraph, text: text.slice(m.start, from + length) });
    };
    let found = false;
    for (const s of STATED) {
      const hit = s.inParens.exec(after) ?? s.inClause?.exec(after);
      if (hit?.[1]) {
        add(hit[1], s.pattern, hit[0].length);
        found = true;
        break;
      }
    }
    for (const d of found ? [] : DIRECT) {
      const hit = d.re.exec(after);
      if (hit?.[1]) {
        add(hit[1], d.pattern, hit[0].length);
        found = true;
        break;
      }
    }
    if (found) continue;
    const bare = BARE_PARENS.exec(after);
    if (bare?.[1] && isAbbreviationOf(bare[1], m.name)) add(bare[1], "括注简称", bare[0].length);
  }
  return [...out.values()];
}

const reviewed = reviewedData as ReviewedAliases;

/** The reviewer's verdict on a pair (lib/extract/data/aliases-reviewed.json), `proposed` when there is none. */
export function reviewStatus(entityId: string, alias: string, data: ReviewedAliases = reviewed): AliasStatus {
  const is = (r: ReviewedAlias) => r.entity === entityId && r.alias === alias;
  if (data.rejected.some(is)) return "rejected";
  if (data.confirmed.some(is)) return "confirmed";
  return "proposed";
}

/** The reviewed data with one pair moved to `confirmed` or `rejected` (out of the other list), sorted for stable diffs. */
export function withVerdict(data: ReviewedAliases, entity: string, alias: string, verdict: "confirmed" | "rejected", note?: string): ReviewedAliases {
  const other = (r: ReviewedAlias) => !(r.entity === entity && r.alias === alias);
  const sort = (list: ReviewedAlias[]) => [...list].sort((a, b) => a.entity.localeCompare(b.entity) || a.alias.localeCompare(b.alias, "zh-CN"));
  const entry: ReviewedAlias = note ? { entity, alias, note } : { entity, alias };
  return {
    ...data,
    confirmed: sort([...data.confirmed.filter(other), ...(verdict === "confirmed" ? [entry] : [])]),
    rejected: sort([...data.rejected.filter(other), ...(verdict === "rejected" ? [entry] : [])]),
  };
}
