import planData from "./data/plans.json";
import type { EntityMention } from "./types";
import { Dictionary, insideAny, slugHash, type Span } from "./text";

interface PlanFile {
  plans: { name: string; aliases: string[] }[];
  articleAliases: string[];
  barePrefixes: string[];
  bareTypes: string[];
  types: string[];
}
const data = planData as PlanFile;
const TYPES = [...data.types].sort((a, b) => b.length - a.length);

export interface PlanInfo {
  id: string;
  name: string;
  type: string;
  period: string | null;
  aliases: string[];
}

export interface ParagraphText {
  /** -1 for the title. */
  index: number;
  text: string;
}

/** Canonical form of a document title: ASCII parens, 〈〉 as 《》, year ranges with "—", tidy spaces. */
export function normalizeTitle(raw: string): string {
  return raw
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/〈/g, "《")
    .replace(/〉/g, "》")
    .replace(/(\d{4})\s*(?:[-－–~～至到]|—+)\s*(\d{4})/g, "$1—$2")
    .replace(/\s+/g, " ")
    .trim();
}

function withoutNested(name: string): string {
  let out = "";
  let depth = 0;
  for (const ch of name) {
    if (ch === "《") depth++;
    else if (ch === "》") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** Document type from the end of the title (规划, 方案, 报告 …), ignoring trailing (…) groups; null when it is not a policy document. */
export function planType(name: string): string | null {
  let core = withoutNested(name).trim();
  while (/\([^()]*\)$/.test(core)) core = core.replace(/\([^()]*\)$/, "").trim();
  for (const t of TYPES) if (core.endsWith(t)) return t;
  return null;
}

/** Period or edition of a plan: "2021—2035年", "2024年度", "2024年"; null when none. */
export function planPeriod(name: string): string | null {
  const own = withoutNested(name);
  const range = /(\d{4})—(\d{4})年?/.exec(own);
  if (range) return `${range[1]}—${range[2]}年`;
  const year = /\((\d{4})(年度|年)?\)/.exec(own);
  if (year) return `${year[1]}${year[2] ?? "年"}`;
  return null;
}

function stripPeriod(name: string): string {
  return name.replace(/\((\d{4})(—\d{4})?年?度?\)$/, "").trim();
}

const known = new Map<string, string>();
const knownAliases = new Map<string, string[]>();
for (const p of data.plans) {
  const name = normalizeTitle(p.name);
  knownAliases.set(name, p.aliases);
  known.set(name, name);
  known.set(stripPeriod(name), name);
  for (const a of p.aliases) known.set(a, name);
}

function canonical(name: string): string {
  return known.get(name) ?? known.get(stripPeriod(name)) ?? name;
}

export function planId(name: string): string {
  return `plan:${slugHash(name)}`;
}

/** Top-level 《…》 spans of a text with nested 《〈…〉》 spans, offsets of the inner text. */
export function bookTitles(text: string): { start: number; end: number; depth: number }[] {
  const out: { start: number; end: number; depth: number }[] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "《" || ch === "〈") stack.push(i);
    else if ((ch === "》" || ch === "〉") && stack.length > 0) {
      const open = stack.pop() as number;
      out.push({ start: open + 1, end: i, depth: stack.length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const ABBREV = /^\s*\(\s*(?:以下简称|以下称|下称|简称)\s*[“"《]?([^”"》)]{2,20})[”"》]?\s*\)/;
const EDITION_BEFORE = /(第[一二三四五六七八九十\d]+轮|前[两二三]轮|上一轮|首轮|首份|(\d{4})年度?)[“"]?$/;

function bareRegex(): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const prefixes = [...data.barePrefixes].sort((a, b) => b.length - a.length).map(esc).join("|");
  const types = [...data.bareTypes].sort((a, b) => b.length - a.length).map(esc).join("|");
  return new RegExp(`(?:${prefixes})[\\p{Script=Han}A-Za-z0-9“”]{0,20}?(?:${types})(?:\\(\\d{4}(?:[-—]\\d{4})?年\\))?`, "gu");
}
const BARE = bareRegex();
const BARE_BAD_FOLLOW = /^(体系|编制|工作|体制|领域|建设|实施情况)/;

interface Raw {
  bare?: boolean;
  titled?: boolean;
  name: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Plan mentions of one article: every 《…》 title with a document type (nested titles too),
 * named plans written without 《》 (示范区高质量发展条例), 以下简称 abbreviations, known short forms
 * (示范区总规) and generic short forms (三年行动计划) that resolve to a plan the article names.
 * A short form preceded by another edition marker (第一轮, 2023年度) is not a mention.
 */
export function findPlans(paragraphs: ParagraphText[]): { mentions: EntityMention[]; spans: Map<number, Span[]> } {
  const raws: Raw[] = [];
  const spans = new Map<number, Span[]>();
  const articleAliases = new Map<string, string>();
  const addSpan = (p: number, s: Span) => spans.set(p, [...(spans.get(p) ?? []), s]);

  for (const { index, text } of paragraphs) {
    for (const t of bookTitles(text)) {
      const name = canonical(normalizeTitle(text.slice(t.start, t.end)));
      if (t.depth === 0) addSpan(index, { start: t.start - 1, end: t.end + 1 });
      if (!planType(name)) continue;
      raws.push({ name, paragraph: index, start: t.start, end: t.end, text: text.slice(t.start, t.end), titled: true });
      if (t.depth === 0) {
        const abbr = ABBREV.exec(text.slice(t.end + 1));
        if (abbr?.[1]) {
          articleAliases.set(abbr[1], name);
          addSpan(index, { start: t.end + 1, end: t.end + 1 + abbr[0].length });
        }
      }
    }
    BARE.lastIndex = 0;
    for (let m = BARE.exec(text); m; m = BARE.exec(text)) {
      const s = { start: m.index, end: m.index + m[0].length };
      if (insideAny(s, spans.get(index) ?? [])) continue;
      if (BARE_BAD_FOLLOW.test(text.slice(s.end))) continue;
      if (/[和与及的了]|出台|制定|推动|落实|完善|加快|编制|印发|发布|提出|开展|推进|实施[^方]/.test(m[0])) continue;
      const name = canonical(normalizeTitle(m[0]));
      raws.push({ name, paragraph: index, ...s, text: m[0], bare: true });
      addSpan(index, s);
    }
  }

  // 《技术指南》 after (以下简称…) is the abbreviation, not another document; so is a later 《规定》 whose
  // name is the end of a longer title of the article: the only one, or else the nearest one written before it
  // (这个《办法》 right after 《…管理办法》).
  for (const r of raws) r.name = articleAliases.get(r.name) ?? r.name;
  const longNames = [...new Set(raws.filter((r) => r.titled).map((r) => r.name))];
  const before = (a: Raw, b: Raw) => a.paragraph < b.paragraph || (a.paragraph === b.paragraph && a.start < b.start);
  for (const r of raws.filter((r) => r.titled && r.name.length <= 6)) {
    const owners = longNames.filter((n) => n !== r.name && stripPeriod(withoutNested(n)).endsWith(r.name));
    const nearest = raws.filter((o) => o.titled && owners.includes(o.name) && before(o, r)).sort((a, b) => (before(a, b) ? 1 : -1))[0];
    if (owners.length === 1) r.name = owners[0] as string;
    else if (nearest) r.name = nearest.name;
  }
  // "长三角新一轮行动计划" / "长三角三年行动计划" name the family of the one such plan the article titles.
  const titled = [...new Set(raws.filter((r) => r.titled).map((r) => r.name))];
  for (const r of raws.filter((r) => r.bare && !known.has(stripPeriod(r.name)))) {
    for (const a of data.articleAliases) {
      if (!stripPeriod(r.name).endsWith(a)) continue;
      const owners = titled.filter((n) => stripPeriod(withoutNested(n)).endsWith(a) && n.slice(0, 2) === r.name.slice(0, 2));
      if (owners.length === 1) r.name = owners[0] as string;
      break;
    }
  }
  const names = [...new Set(raws.map((r) => r.name))];
  const aliasEntries: [string, string][] = [...articleAliases];
  for (const [name, aliases] of knownAliases) for (const a of aliases) aliasEntries.push([a, name]);
  for (const a of data.articleAliases) {
    const owners = names.filter((n) => stripPeriod(withoutNested(n)).endsWith(a));
    if (owners.length === 1) aliasEntries.push([a, owners[0] as string]);
  }
  const dict = new Dictionary(aliasEntries);
  for (const { index, text } of paragraphs) {
    const taken = spans.get(index) ?? [];
    for (const m of dict.scan(text, (m) => !insideAny(m, taken))) {
      const ed = EDITION_BEFORE.exec(text.slice(Math.max(0, m.start - 8), m.start));
      if (ed) {
        const year = ed[2];
        const period = planPeriod(m.value) ?? "";
        if (!year || !period.includes(year)) continue;
      }
      raws.push({ name: m.value, paragraph: index, start: m.start, end: m.end, text: m.form });
      addSpan(index, { start: m.start, end: m.end });
    }
  }

  const aliasesOf = new Map<string, Set<string>>();
  for (const [a, n] of aliasEntries) if (names.includes(n) || raws.some((r) => r.name === n)) aliasesOf.set(n, (aliasesOf.get(n) ?? new Set()).add(a));
  const mentions: EntityMention[] = raws
    .sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)
    .map((r) => ({
      kind: "plan",
      text: r.text,
      name: r.name,
      id: planId(r.name),
      paragraph: r.paragraph,
      start: r.start,
      end: r.end,
      type: planType(r.name) ?? undefined,
      period: planPeriod(r.name),
      aliases: [...(aliasesOf.get(r.name) ?? [])],
    }));
  return { mentions, spans };
}

/** Known plan names and short forms (for a jieba user dictionary / synonyms). */
export function planTerms(): string[] {
  const out = new Set<string>();
  for (const p of data.plans) {
    out.add(stripPeriod(normalizeTitle(p.name)));
    for (const a of p.aliases) out.add(a);
  }
  return [...out];
}

/** Short forms that name the same plan as `name` (known aliases), for search synonyms. */
export function planAliasesFor(name: string): string[] {
  return knownAliases.get(canonical(normalizeTitle(name))) ?? [];
}
