/**
 * The one Chinese date parser: dates in running text (`findDates`, with ranges and relative dates) and the
 * first complete date of a metadata line (`parseDate`). Both build their values with `calendarDate`, so an
 * impossible day (2023年2月30日) gives the month everywhere, never a `2023-02-30`.
 */
import { calendarDate, type DatePrecision, type IsoDate } from "../domain/dates";
import { parseChineseNumber } from "./numbers";

export interface DateMatch {
  text: string;
  start: number;
  end: number;
  /** ISO `YYYY-MM-DD` / `YYYY-MM` / `YYYY`; null when the text cannot be resolved without guessing. */
  value: string | null;
  precision: DatePrecision | null;
  /** End of a range (12月8日至9日, 2021—2035年). */
  endValue?: string | null;
  relative: boolean;
}

export interface PublishedDate {
  published: string | null;
  precision: DatePrecision | null;
}

const CN = "[零〇○一二三四五六七八九十]";
const Y = `(\\d{4}|${CN}{4})`;
const M = `(1[0-2]|0?[1-9]|${CN}{1,3})`;
const D = `(3[01]|[12]\\d|0?[1-9]|${CN}{1,3})`;

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumber(s);
}

function iso(y: number | null, m: number | null, d: number | null): { value: string | null; precision: DatePrecision | null } {
  return calendarDate(y, m, d) ?? { value: null, precision: null };
}

function pubParts(pub: PublishedDate): { y: number | null; m: number | null; d: number | null } {
  if (!pub.published) return { y: null, m: null, d: null };
  const [y, m, d] = pub.published.split("-").map(Number);
  return { y: y ?? null, m: pub.precision !== "year" ? (m ?? null) : null, d: pub.precision === "day" ? (d ?? null) : null };
}

function shiftDay(pub: PublishedDate, days: number): string | null {
  if (!pub.published || pub.precision !== "day") return null;
  const t = new Date(`${pub.published}T00:00:00Z`).getTime() + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

// Order matters: the first pattern that matches at a position wins, longest forms first.
const PATTERNS: { re: RegExp; resolve: (m: RegExpExecArray, pub: PublishedDate) => Omit<DateMatch, "text" | "start" | "end"> }[] = [
  {
    // 2024-07-29, 2024.7.29, 2024/07/29
    re: /(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/y,
    resolve: (m) => ({ ...iso(num(m[1]), num(m[2]), num(m[3])), relative: false }),
  },
  {
    // 2019年11月 / 2023年2月20日 / 二〇二四年三月, with an optional range end: 至9日, 至12月, 至2022年
    re: new RegExp(
      `${Y}年(?:${M}月(?:${D}[日号])?|(?<part>底|末|初(?!步)|年底|年初(?!步)))?(?:(?:至|到|—|~)(?:(?<ey>\\d{4})年(?:(?<eym>\\d{1,2})月)?|(?<em>\\d{1,2})月(?:(?<emd>\\d{1,2})[日号])?|(?<ed>\\d{1,2})[日号]))?`,
      "y",
    ),
    resolve: (m) => {
      const y = num(m[1]);
      const g = m.groups ?? {};
      // 2025年底 is December, 2024年初 January (like 今年底, 去年初).
      const partMonth = g.part ? (/[底末]/.test(g.part) ? 12 : 1) : null;
      const start = iso(y, num(m[2]) ?? partMonth, num(m[3]));
      let endValue: string | null | undefined;
      if (g.ey) endValue = iso(num(g.ey), num(g.eym), null).value;
      else if (g.em) endValue = iso(y, num(g.em), num(g.emd)).value;
      else if (g.ed) endValue = iso(y, num(m[2]), num(g.ed)).value;
      return { ...start, ...(endValue !== undefined ? { endValue } : {}), relative: false };
    },
  },
  {
    // 2021—2035年 / 2019-2022年
    re: /(?<!\d)(\d{4})\s*(?:—+|-|–|~|至|到)\s*(\d{4})年/y,
    resolve: (m) => ({ value: m[1] as string, precision: "year", endValue: m[2] as string, relative: false }),
  },
  {
    // 5年前的今天, 五年前的今日, 去年的今天, 去年今日: that day N years before the date governing the passage (the
    // original's on a repost, see `relativeAnchor`). 5年前 alone, 几年前, 多年前: a date mention with no value, so the
    // event stays undated rather than taking the publication's year or another date of the sentence.
    re: new RegExp(`(?:(\\d{1,3}|[两${CN.slice(1, -1)}]{1,3}|几|多|数)年前(?:的)?(今天|今日|这一天)?|(去年|前年)(?:的)?(今天|今日|这一天))`, "y"),
    resolve: (m, pub) => {
      const n = m[3] ? (m[3] === "去年" ? 1 : 2) : m[1] === "两" ? 2 : num(m[1]);
      const day = m[2] ?? m[4];
      const p = pubParts(pub);
      // 一年前, 5年前 alone is a round figure (一年前 in a September article may be 14 months back): no date.
      if (!day || n === null || n <= 0 || p.y === null) return { value: null, precision: null, relative: true };
      if (p.m === null || p.d === null) return { value: null, precision: null, relative: true };
      // 29 February N years before a non-leap year: no such day, the month rather than a guess.
      return { ...iso(p.y - n, p.m, p.d), relative: true };
    },
  },
  {
    // 今年6月, 去年底, 明年, 前年12月8日, 今年以来
    re: new RegExp(`(今年|去年|明年|前年|后年|上年|本年)(?:(底|末|初|年底|年初|上半年|下半年|第?[一二三四]季度)|${M}月(?:${D}[日号])?)?`, "y"),
    resolve: (m, pub) => {
      const { y } = pubParts(pub);
      if (y === null) return { value: null, precision: null, relative: true };
      const off = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 明年: 1, 前年: -2, 后年: 2 }[m[1] as string] ?? 0;
      const year = y + off;
      const part = m[2];
      if (part === "底" || part === "末" || part === "年底") return { value: `${year}-12`, precision: "month", relative: true };
      if (part === "初" || part === "年初") return { value: `${year}-01`, precision: "month", relative: true };
      if (part) return { value: String(year), precision: "year", relative: true };
      return { ...iso(year, num(m[3]), num(m[4])), relative: true };
    },
  },
  {
    // 次年3月, 翌年, 同年5月, 当年10月, 同月: relative to the year (month) the passage narrates, not to the publication; left
    // unresolved here and dated by `narrativeDates` (当年 only with a month: 当年的 is "back then").
    // 这一年(3月), 那一年, 当年, (a time clause): the year the page last named.
    re: new RegExp(`(?:(次年|翌年|同年|这一年|那一年)(?:${M}月(?:${D}[日号])?|(底|末|初(?!步)))?|(当年)${M}月(?:${D}[日号])?|当年(?=[，,])|同月(?:${D}[日号])?)`, "y"),
    resolve: () => ({ value: null, precision: null, relative: true }),
  },
  {
    // 上半年, 三季度, 第一季度 alone: a part of the publication year, dated to the year (as 今年上半年 is). Not after a
    // year or a word that makes it another's (2023年上半年, 去年三季度, 同期, 每季度), nor inside a longer numeral.
    re: /(?<![\d零〇○一二三四五六七八九十年今去明前后上本当同次翌该每各第])(上半年|下半年|第?[一二三四]季度)/y,
    resolve: (_m, pub) => {
      const { y } = pubParts(pub);
      return y === null ? { value: null, precision: null, relative: true } : { value: String(y), precision: "year", relative: true };
    },
  },
  {
    // 年底 / 年初 alone: the end or start of the publication year (并将在年底完工).
    // 年内将…: within the publication year.
    re: /(?<![\d零〇○一二三四五六七八九十今去明前后上本当近多每])年(底|末|初|内)(?![期步])/y,
    resolve: (m, pub) => {
      const { y } = pubParts(pub);
      if (y === null) return { value: null, precision: null, relative: true };
      if (m[1] === "内") return { value: String(y), precision: "year", relative: true };
      return { value: `${y}-${m[1] === "初" ? "01" : "12"}`, precision: "month", relative: true };
    },
  },
  {
    // 上周五, 本周三, 下星期一: that weekday of the week before, of or after the publication's (weeks run Monday to
    // Sunday); without a publication day, no date.
    re: /(上|本|这|下)(?:个)?(?:周|星期|礼拜)([一二三四五六日天])/y,
    resolve: (m, pub) => {
      const p = pubParts(pub);
      if (p.y === null || p.m === null || p.d === null) return { value: null, precision: null, relative: true };
      const week = m[1] === "上" ? -1 : m[1] === "下" ? 1 : 0;
      const weekday = "一二三四五六".indexOf(m[2] as string);
      const day = new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
      const value = shiftDay(pub, -((day + 6) % 7) + 7 * week + (weekday < 0 ? 6 : weekday));
      return { value, precision: value ? "day" : null, relative: true };
    },
  },
  {
    // 上月, 上个月, 本月底, 下月: the publication's month shifted; 上周, 本周, 下周: that week's month, when the
    // whole week (Monday to Sunday) lies in one month, else no month is given rather than a guessed one.
    // 本月8日, 上月12日: that month's day.
    re: new RegExp(`(上个?月|本月|下个?月|上周|本周|下周)(?:(底|末|初(?!步)|中旬|上旬|下旬)|(?<=月)${D}[日号])?(?![份度])`, "y"),
    resolve: (m, pub) => {
      const p = pubParts(pub);
      const off = /^上/.test(m[1] as string) ? -1 : /^下/.test(m[1] as string) ? 1 : 0;
      if (p.y === null || p.m === null) return { value: null, precision: null, relative: true };
      if (/月/.test(m[1] as string)) {
        const months = p.y * 12 + (p.m - 1) + off;
        return { ...iso(Math.floor(months / 12), (months % 12) + 1, num(m[3])), relative: true };
      }
      if (p.d === null) return { value: null, precision: null, relative: true };
      const day = new Date(Date.UTC(p.y, p.m - 1, p.d));
      const monday = new Date(day.getTime() - (((day.getUTCDay() + 6) % 7) - 7 * off) * 86400000);
      const sunday = new Date(monday.getTime() + 6 * 86400000);
      if (monday.getUTCMonth() !== sunday.getUTCMonth()) return { value: null, precision: null, relative: true };
      return { ...iso(monday.getUTCFullYear(), monday.getUTCMonth() + 1, null), relative: true };
    },
  },
  {
    re: /(今天|今日|昨天|昨日|前天|明天|明日)/y,
    resolve: (m, pub) => {
      const off = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2, 明天: 1, 明日: 1 }[m[1] as string] ?? 0;
      const value = shiftDay(pub, off);
      return { value, precision: value ? "day" : null, relative: true };
    },
  },
  {
    // 7月23日, 12月8日至9日, 3月 (no year: resolved against the publication date)
    // 5月底, 3月初, 6月中旬: the month (its part is kept in the text).
    re: new RegExp(`(?<![\\d年])${M}月(?:${D}[日号]|底|末|初(?!步)|中旬|上旬|下旬)?(?:(?:至|到|—|-)(?:${M}月)?${D}[日号])?(?!份额)`, "y"),
    resolve: (m, pub) => {
      const month = num(m[1]);
      if (month === null || month < 1 || month > 12) return { value: null, precision: null, relative: true };
      const p = pubParts(pub);
      // A bare month needs the publication year, and its month to tell whether 12月 in a January article is last year.
      if (p.y === null || p.m === null) return { value: null, precision: null, relative: true };
      // A month after the publication's is this year's (a schedule: 11月17日开港 in an August article), except
      // the end of last year read at the start of this one (12月 in a January or February article).
      const year = p.m <= 2 && month >= 11 ? p.y - 1 : p.y;
      const start = iso(year, month, num(m[2]));
      const endValue = m[4] ? iso(year, num(m[3]) ?? month, num(m[4])).value : undefined;
      return { ...start, ...(endValue !== undefined ? { endValue } : {}), relative: true };
    },
  },
  {
    // 13日 (day only, e.g. a dateline "13日电"): the publication month, never a later day.
    re: /(?<![\d月年])(3[01]|[12]\d|0?[1-9])日(?![\d])/y,
    resolve: (m, pub) => {
      const p = pubParts(pub);
      const day = Number(m[1]);
      if (p.y === null || p.m === null || p.d === null || day > p.d) return { value: null, precision: null, relative: true };
      return { ...iso(p.y, p.m, day), relative: true };
    },
  },
];

// Characters a date can start with: digits, Chinese numerals and the first character of relative words.
const DATE_START = new Set([..."0123456789零〇○一二三四五六七八九十两几多数今去明前后上本下昨年次翌同当这那第"]);

/**
 * Dates in a text: absolute (2023年2月, 2024-07-29, 二〇二四年), ranges (12月8日至9日, 2021—2035年) and
 * relative ones (今年6月, 去年底, 昨天) resolved against the publication date. A date that cannot be
 * resolved is kept with value null.
 */
export function findDates(text: string, pub: PublishedDate): DateMatch[] {
  const out: DateMatch[] = [];
  for (let i = 0; i < text.length; ) {
    let hit: DateMatch | undefined;
    // Years glued to a preceding digit or letter are codes, not dates (G602023年 is not a thing, but 12410 is not a year).
    if (DATE_START.has(text[i] as string) && !/[\dA-Za-z.]/.test(text[i - 1] ?? "")) {
      for (const p of PATTERNS) {
        p.re.lastIndex = i;
        const m = p.re.exec(text);
        if (!m || m[0].length === 0) continue;
        hit = { text: m[0], start: i, end: i + m[0].length, ...p.resolve(m, pub) };
        break;
      }
    }
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}

/** Before a year that governs what follows: the start of a clause, optionally 早在/在/于/自/从 (2018年,…; 于2018年3月成立). */
const GOVERNS_BEFORE = /(?:^|[，,。；;：:！？!?\s“”])(?:早在|在|于|自|从)?$/;
/** After it: a period up to now (2018年以来), a reporting period (2023年度) or a name (2018年长三角…年会) governs nothing. */
const GOVERNS_NOT_AFTER = /^(?:以来|至今|度|的|[)）])/;
/** Before it: a deadline or a running total (到2025年, 截至2022年底) is no year the passage narrates. */
const TARGET_BEFORE = /(?:到|至|截至|截止|力争|争取|预计|计划|目标)(?:于|在)?$/;

/**
 * The year a date makes the passage narrate from then on (2018年, 2018年5月, 于2019年3月), or undefined when
 * it narrates none (a year in a name or in brackets, a range, a period up to now), or null when it ends the
 * narration (a deadline, a running total: the months after it belong to no known year).
 */
function governingDate(text: string, d: DateMatch): string | null | undefined {
  if (!d.value) return undefined;
  const before = text.slice(Math.max(0, d.start - 3), d.start);
  if (TARGET_BEFORE.test(before)) return null;
  if (d.endValue !== undefined || GOVERNS_NOT_AFTER.test(text.slice(d.end)) || /[(（][^)）]*$/.test(text.slice(Math.max(0, d.start - 6), d.start))) return undefined;
  // 在2020年凯塔总统被推翻后,…到了6月份: a time clause "after …" says when the narration starts, not its year.
  if (/^[^，,。；;]*?(?:之后|以后|后|以来|起)(?=[，,。；;]|$)/.test(text.slice(d.end))) return null;
  const afterPrep = /(?:于|在)$/.test(before);
  if (!afterPrep && !GOVERNS_BEFORE.test(text.slice(0, d.start))) return undefined;
  // A bare year governs only as a time clause (2018年,…) or after 于/在 (于2018年成立): 2018年长三角… is a name.
  if (d.precision === "year" && !afterPrep && !/^\s*[，,]/.test(text.slice(d.end))) return undefined;
  return d.value;
}

/**
 * Dates a chronological passage gives relative to its own narration: 2018年…,次年…,同年5月… . 次年/翌年 are
 * the year after the year the paragraph narrates, 同年/当年 that year, and on a page without a publication date a
 * bare month (5月, 11月7日) is of that year too, but only when it does not come before the governing date (2018年12月,…
 * 3月 could be the next year: left undated). The governing date is the nearest earlier one of the same paragraph
 * that leads its clause (`governingDate`); a deadline or running total ends the narration; 今年/去年 always
 * mean the publication's year and are left alone. Pure: the paragraph's text and dates in, dates out.
 */
export function narrativeDates(text: string, dates: readonly DateMatch[], pub: PublishedDate, earlierYear: string | null = null): DateMatch[] {
  return lastYearsMonths(text, narratedDates(text, dates, pub, earlierYear), pub);
}

const BARE_MONTH = /^(?:\d{1,2}|[零〇○一二三四五六七八九十]+)月/;
const SCHEDULED_BEFORE = /将|计划|预计|力争|争取|拟|有望|目标/;
/** 将于3月开工, 预计…, 计划于…: a sentence telling a schedule (not 根据计划, which reports one kept). */
const SCHEDULE_IN_SENTENCE = /将(?!近)|预计|计划于|力争|拟于/;

/**
 * A review of last year read early in the next (…于9月底竣工,…于12月28日建成通车 in a January article): 12月28日 is
 * last year's, so a bare month told before it in the paragraph, after the publication's month and not after
 * December's, is last year's too, not a schedule for this year.
 */
function lastYearsMonths(text: string, dates: DateMatch[], pub: PublishedDate): DateMatch[] {
  const { y, m } = pubParts(pub);
  if (y === null || m === null) return dates;
  const lastYear = String(y - 1);
  return dates.map((d, i) => {
    // 将于3月开工,12月底完工 in a January article: the December of a schedule is this year's, not last year's.
    const sentence = text.slice(0, d.start).replace(/^.*[。！？；!?;]/s, "");
    if (d.relative && d.value?.startsWith(lastYear) && BARE_MONTH.test(d.text) && SCHEDULE_IN_SENTENCE.test(sentence)) {
      return { ...d, value: String(y) + d.value.slice(4), ...(d.endValue ? { endValue: String(y) + d.endValue.slice(4) } : {}) };
    }
    if (!d.relative || !d.value || !BARE_MONTH.test(d.text) || d.value.slice(0, 4) !== String(y) || Number(d.value.slice(5, 7)) <= m) return d;
    // 将于3月开工: a schedule told as one stays this year's.
    if (SCHEDULED_BEFORE.test(text.slice(Math.max(0, d.start - 6), d.start))) return d;
    const later = dates.slice(i + 1).find((r) => r.relative && r.value && BARE_MONTH.test(r.text) && r.value.slice(0, 4) === lastYear && r.value.slice(5) >= d.value!.slice(5));
    if (!later) return d;
    return { ...d, value: lastYear + d.value.slice(4), ...(d.endValue ? { endValue: lastYear + d.endValue.slice(4) } : {}) };
  });
}

function narratedDates(text: string, dates: readonly DateMatch[], pub: PublishedDate, earlierYear: string | null): DateMatch[] {
  let governing: string | null = null;
  // The governing date is the passage's own (an absolute date, or one this pass resolved), not the publication's.
  let narrated = false;
  // The last year the page named (here or in an earlier paragraph): what 这一年/当年, refer to.
  let lastYear = earlierYear;
  // A year stated as such (2023年,… / 这一年3月…): the bare months after it in the paragraph are of that year.
  let yearRef: number | null = null;
  // Where the sentence of a governing date told mid-clause (该桥于2019年1月开工建设。) ends: past it, on a page
  // without a publication date, a bare month is of no year the page gives (a background fact opens no narration).
  let toldInSentenceUntil: number | null = null;
  // The dates resolved so far: 年底/年初 alone after one in its sentence are of its year.
  const outs: DateMatch[] = [];
  return dates.map((d) => {
    let out = d;
    let resolvedHere = false;
    const m = /^(次年|翌年|同年|当年|同月|这一年|那一年)/.exec(d.text);
    const yearPart = /^年(底|末|初|内)$/.exec(d.text);
    // 该工程2019年3月开工,年底完成主体结构 / 计划于明年年中…,年底前开通: 年底 in the sentence of a year told before it
    // is that year's end, not the publication's; in a later sentence of a paragraph narrating another year it could
    // be either: no date.
    const toldYear = yearPart ? outs.filter((o) => o.value && !/[。！？；!?;]/.test(text.slice(o.end, d.start)) && !/(?:截至|截止)$/.test(text.slice(Math.max(0, o.start - 2), o.start))).at(-1) : undefined;
    if (yearPart && d.value !== null && (toldYear || (governing && narrated))) {
      const year = Number((toldYear?.value ?? governing ?? "").slice(0, 4));
      const own = yearPart[1] === "内" ? { value: String(year), precision: "year" as const } : { value: `${year}-${yearPart[1] === "初" ? "01" : "12"}`, precision: "month" as const };
      if (toldYear) out = { ...d, ...own };
      else if (String(year) !== d.value.slice(0, 4)) out = { ...d, value: null, precision: null };
    } else if (m && /这一年|那一年|当年/.test(m[1] as string) && !(m[1] === "当年" && d.text.length > 2)) {
      // 这一年3月, 当年,: the year the page last named, else no date.
      const rest = d.text.slice(m[0].length);
      const part = /^(底|末|初)$/.exec(rest);
      const year = lastYear ? Number(lastYear) : null;
      const resolved = year === null ? { value: null, precision: null } : part ? { value: `${year}-${part[1] === "初" ? "01" : "12"}`, precision: "month" as const } : rest ? onYear(rest, year) : { value: String(year), precision: "year" as const };
      out = { ...d, ...resolved };
      resolvedHere = year !== null;
      yearRef = year;
      if (resolved.value) {
        governing = resolved.value;
        narrated = true;
      }
    } else if (m?.[1] === "同月") {
      // 同月(12日): the month the passage narrates, when the governing date has one.
      const month = governing && narrated && governing.length >= 7 ? governing.slice(0, 7) : null;
      const day = /^同月(\d{1,2})[日号]/.exec(d.text);
      out = month ? { ...d, ...(day ? onYear(`${Number(month.slice(5))}月${day[1]}日`, Number(month.slice(0, 4))) : { value: month, precision: "month" as const }) } : d;
      resolvedHere = !!month;
    } else if (m && governing && narrated) {
      const year = Number(governing.slice(0, 4)) + (/次年|翌年/.test(m[1] as string) ? 1 : 0);
      const rest = d.text.slice(m[0].length);
      const part = /^(底|末|初)$/.exec(rest);
      const resolved = part ? { value: `${year}-${part[1] === "初" ? "01" : "12"}`, precision: "month" as const } : rest ? onYear(rest, year) : { value: String(year), precision: "year" as const };
      out = { ...d, ...resolved };
      resolvedHere = true;
    } else if (!m && d.relative && governing && narrated && /^\d|^[零〇○一二三四五六七八九十]/.test(d.text) && /月/.test(d.text)) {
      const resolved = onYear(d.text, Number(governing.slice(0, 4)));
      // 2018年12月,…3月…: a month before the governing one may be the next year's.
      const follows = !!resolved.value && resolved.value.slice(0, 7) >= governing.slice(0, Math.min(7, resolved.value.length, governing.length));
      if (yearRef !== null && follows) {
        out = { ...d, ...resolved };
        resolvedHere = true;
      } else if (d.value === null && !pub.published) {
        if (follows && (toldInSentenceUntil === null || d.start < toldInSentenceUntil)) {
          out = { ...d, ...resolved };
          resolvedHere = true;
        }
      } else if (d.value !== null && !follows && d.value.slice(0, 7) > governing.slice(0, 7) && Number(d.value.slice(0, 4)) === Number(governing.slice(0, 4)) + 1) {
        // 去年12月…。3月28日,…: a month before the governing one is the next year's, and the publication says so too.
      } else if (d.value !== null && (!follows || d.value.slice(0, 4) !== resolved.value?.slice(0, 4))) {
        // The publication's year and the year the paragraph narrates disagree (2016年12月14日,…。12月16日,… in a
        // 2020 article): either could be meant, so the month gets no year rather than a guessed one.
        const { endValue: _e, ...rest } = d;
        out = { ...rest, value: null, precision: null, ...(d.endValue !== undefined ? { endValue: null } : {}) };
      }
    }
    const g = yearPart ? undefined : governingDate(text, out);
    if (g !== undefined) {
      governing = g;
      narrated = g !== null && (!out.relative || resolvedHere);
      const sentenceEnd = /[。！？；!?;]/.exec(text.slice(out.end));
      toldInSentenceUntil = GOVERNS_BEFORE.test(text.slice(0, out.start)) ? null : sentenceEnd ? out.end + sentenceEnd.index : text.length;
      // A year stated alone (2023年,) sets the paragraph's year; a finer absolute date or a deadline ends it.
      if (g === null || (!out.relative && g.length > 4)) yearRef = null;
      else if (!out.relative && g.length === 4) yearRef = Number(g);
    }
    if (!out.relative && out.value) lastYear = out.value.slice(0, 4);
    // 今年…,预计9月: a year told relative to the publication ends the narration of an earlier year.
    if (/^(今年|去年|明年|前年|后年|本年|上年)/.test(d.text) && out.value) {
      governing = out.value;
      narrated = true;
      yearRef = Number(out.value.slice(0, 4));
    }
    outs.push(out);
    return out;
  });
}

/** A month(-day) text (5月, 11月7日, 5月底, 3月12日至14日) in a given year. */
function onYear(monthText: string, year: number): Pick<DateMatch, "value" | "precision" | "endValue"> {
  const hit = findDates(monthText, { published: `${year}-12-31`, precision: "day" })[0];
  if (!hit || hit.start !== 0) return { value: null, precision: null };
  return { value: hit.value, precision: hit.precision, ...(hit.endValue !== undefined ? { endValue: hit.endValue } : {}) };
}

const DAY_PATTERNS = [
  /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/g,
  // A date split over lines and joined: 2023 12-09, 2025 12/16.
  /((?:19|20)\d{2})\s+(\d{1,2})[-/](\d{1,2})(?!\d)/g,
];
const MONTH_PATTERN = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})(?![\d\-/.])月?/g;

/**
 * The first complete date of a metadata text (发布日期:2019-10-31, 2024年7月29日 10:00): the earliest
 * date known to the day, else the first known to the month. Never a bare year or month-day.
 */
export function parseDate(text: string): IsoDate | null {
  let best: { at: number; date: IsoDate } | null = null;
  let month: { at: number; date: IsoDate } | null = null;
  const consider = (at: number, date: IsoDate | null) => {
    if (date?.precision === "day" && (!best || at < best.at)) best = { at, date };
    if (date?.precision === "month" && (!month || at < month.at)) month = { at, date };
  };
  for (const re of DAY_PATTERNS) for (const m of text.matchAll(re)) consider(m.index, calendarDate(Number(m[1]), Number(m[2]), Number(m[3])));
  if (best) return (best as { date: IsoDate }).date;
  for (const m of text.matchAll(MONTH_PATTERN)) consider(m.index, calendarDate(Number(m[1]), Number(m[2])));
  return month ? (month as { date: IsoDate }).date : null;
}

/** A credit naming the original a page reprints together with its date (本文转自…,原文发布于2024年8月16日): group 1 is the date. */
export const REPOST = /(?:转自|转载自|原标题|原文链接|来源|原载|首发于|原文发布于)[：:\s]?[^。\n]{0,60}?((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;
const DATELINE = /(?:社|报|网|台|新闻|客户端)[\p{Script=Han}]{0,6}?(\d{1,2})月(\d{1,2})日电/u;
const MAX_DATELINE_LAG_DAYS = 31;

/** A credit mark opening a line or after a bracket: `(?:本文)?<word>[：:]?` and some text. */
const creditMark = (words: string) => new RegExp(`(?:^|[(（【\\s])(?:本文)?(?:${words})[：:\\s]?\\S`);
const REPRINT_WORDS = "转自|转载自|转载于|原载于?";
/** A credit saying the text comes from another outlet (本文转自…, 转载自…, 原载…), not only a retitled copy (原标题:…). */
export const REPRINT_CREDIT = creditMark(REPRINT_WORDS);
/** A line saying the page reprints another outlet's text: 原标题:…, (本文转自…), 转载自…. */
export const REPOST_MARK = creditMark(`${REPRINT_WORDS}|原标题|原文标题`);

/**
 * The date an article's relative dates (今年6月, 11月19日, 昨天, 5年前的今天) resolve against. A repost that names
 * its original with a date (转自…, 原标题…, 来源: … 2021-03-05 in the body, or the page's 来源 line kept as
 * metadata: 人民日报 2024年12月1日 第01版, or the header line the cleaner keeps as `reprint`: 原标题:… 发布时间:2018-11-05)
 * is dated by the original. A body that credits another text (本文转自…, 原标题:…) without the original's date, or
 * whose own dateline (中评社北京10月19日电) cannot be the week of its publication date, is a repost of unknown date:
 * its relative dates get no date rather than the repost's.
 * Otherwise the publication date.
 */
export function relativeAnchor(texts: readonly string[], pub: PublishedDate, meta: { source?: string | null; reprint?: string | null } = {}): PublishedDate {
  const credits = [...(meta.source ? [`来源:${meta.source}`] : []), ...(meta.reprint ? [meta.reprint] : [])];
  for (const t of [...credits, ...texts]) {
    const m = REPOST.exec(t);
    const original = m ? parseDate(m[1] as string) : null;
    if (original && (!pub.published || original.value <= pub.published)) return { published: original.value, precision: original.precision };
  }
  // A credit in the body that the page reprints another text (本文转自…) and no original date: unknown. The cleaner's
  // header line alone (网易's (原标题:…) over a same-day copy) is not: measured, blanking those dates lost 6 true events.
  // The same credit the cleaner kept as the page's `reprint` (a line it drops from the body: 本文转自“某某发布”。).
  if (texts.some((t) => REPOST_MARK.test(t)) || (meta.reprint && REPRINT_CREDIT.test(meta.reprint))) return { published: null, precision: null };
  if (pub.published && pub.precision === "day") {
    for (const t of texts.slice(0, 3)) {
      const m = DATELINE.exec(t);
      if (!m) continue;
      const line = findDates(`${m[1]}月${m[2]}日`, pub)[0]?.value;
      const lag = line ? (new Date(`${pub.published}T00:00:00Z`).getTime() - new Date(`${line}T00:00:00Z`).getTime()) / 86400000 : Infinity;
      if (!line || lag < 0 || lag > MAX_DATELINE_LAG_DAYS) return { published: null, precision: null };
      // 新华社南京12月26日电 今天…: the report's relative days are the dateline's, not the page's.
      return { published: line, precision: "day" };
    }
  }
  return pub;
}
