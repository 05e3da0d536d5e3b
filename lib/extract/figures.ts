import type { Figure } from "./types";
import { parseArabic, parseChineseNumber } from "./numbers";
import { insideAny, type Span } from "./text";

const UNITS = [
  "个百分点", "个月", "平方公里", "平方米", "千瓦时", "公里", "千米", "公顷", "万吨", "千瓦", "人次", "户次", "小时", "分钟",
  "美元", "欧元", "港元", "英镑", "日元", "元", "%", "‰", "亩", "个", "项", "家", "人", "名", "位", "条", "辆", "座", "所",
  "套", "户", "吨", "倍", "场", "批", "件", "台", "处", "栋", "间", "类", "份", "张", "艘", "架", "只", "头", "株", "棵", "米",
  "次", "天", "页", "篇", "部", "款", "列", "趟", "班", "组", "支", "岁", "层", "章", "年",
].sort((a, b) => b.length - a.length);
// Units that alone do not make a figure out of a small Chinese numeral (两个关键, 三年, 五方面 are rhetoric).
const PEOPLE_NOUNS = /^的?(居民|人口|常住人口|参保人员|参保人|人员|乘客|游客|市民|群众|职工|学生|员工|人才|农民)/;
const MONEY_SUBJECT = /(投资|产值|收入|总量|生产总值|GDP|营收|营业收入|销售额|规模|资金|基金|贸易额|交易额|产值|税收|利润)$/;

const NUM = "(\\d+(?:,\\d{3})*(?:\\.\\d+)?|[零〇两一二三四五六七八九十百千]+)";
const MULT = "(万亿|亿|万|千|百)?";
// Spaces sometimes survive between the number, 亿/万 and the unit ("总规模 100 亿元").
const FIGURE_RE = new RegExp(`${NUM}(?: ?${MULT.slice(0, -1)})?(余|多)? ?(${UNITS.join("|")})?`, "gu");

const BOUND_WORDS: [string, NonNullable<Figure["bound"]>][] = [
  ["超过", ">="], ["超", ">="], ["逾", ">"], ["突破", ">="], ["高于", ">"], ["多于", ">"], ["不低于", ">="], ["不少于", ">="],
  ["不足", "<"], ["不到", "<"], ["低于", "<"], ["少于", "<"], ["不超过", "<="], ["将近", "~"], ["接近", "~"], ["近", "~"],
  ["约", "~"], ["大约", "~"],
];
const BOUND_BEFORE = [...BOUND_WORDS].sort((a, b) => b[0].length - a[0].length);

const LEADING_FILLER = /^(其中|截至目前|目前|如今|此外|同时|全年|累计|共计|共|总共|已|已经|四年来|一年来|今年以来|近年来)+/;
const TRAILING_VERB =
  /(超过|超|逾|突破|不足|不到|低于|约|近|将近|接近|达到|达|为|是|共计|共|累计|已|增长|增加|实现|完成|形成|计划|拥有|签约|惠及|集聚|覆盖|发送|安排|引进|设立|接待|减少|下降|提高|提升|上升|有|从|由|在|占|年均|梳理出|推出|新增|培育|带动|吸引|初步|出|均|都|分别|也|还|亦|仅仅|仅|只|就|各)$/;
// The subject starts after the last of these verbs. Tried at each position from the right (sticky), which finds what
// `/.*(?:…)/` found, in linear time: that pattern retried every start of a long verb-less clause (100–175 s).
const SPLIT_VERB = /(?:已|集聚|实现|形成|拥有|签约|惠及|覆盖|发送|安排|引进|设立|接待|推进|完成|创造|吸引|集中|投放|恢复|减少|的是|来自|列入|被|以|占)(?![率量额度数比])/y;
/** A subject is at most 14 characters: a clause is read this far back from its number, no further. */
const MAX_CLAUSE = 200;

function afterLastSplitVerb(s: string): string {
  for (let i = s.length - 1; i >= 0; i--) {
    SPLIT_VERB.lastIndex = i;
    const m = SPLIT_VERB.exec(s);
    if (m) return s.slice(i + m[0].length);
  }
  return s;
}
// Measure words: "136项制度创新成果" counts what follows the number.
const CLASSIFIERS = new Set([..."个项家条辆座所名位件台套户栋处类批场只艘架部款列趟班组支篇张份间"]);
const AFTER_STARTS_WITH_VERB = /^(?:已|将|在|被|均|都|分别|共|实现|为|就|也|还|建成|完成|达到|超过|以上|左右)/;
const AFTER_CUT = /(落地|开工|建成|投用|竣工|签约|实现|完成|进入|参与|入驻|获批|全面|累计|陆续|正式|已|将|改革|发送|得到).*$/;

interface Tok {
  start: number;
  end: number;
  value: number;
  unit: string;
  bound?: Figure["bound"];
  text: string;
}

function clauseBefore(text: string, pos: number): string {
  let i = pos;
  const stop = Math.max(0, pos - MAX_CLAUSE);
  while (i > stop && !"，。；：、！？,;:()“”《》\n".includes(text[i - 1] as string)) i--;
  return text.slice(i, pos);
}

function subjectBefore(text: string, pos: number): string | null {
  let s = clauseBefore(text, pos).trim();
  // "…等6个重点产业项目": the list before 等 is the members, the subject follows the number.
  if (/等$/.test(s)) return null;
  for (let prev = ""; prev !== s; ) {
    prev = s;
    s = s.replace(TRAILING_VERB, "");
  }
  s = afterLastSplitVerb(s).replace(LEADING_FILLER, "").replace(/^\d{4}年(?:\d{1,2}月)?/, "");
  if (s.length > 14) s = s.slice(-14);
  return s.length >= 2 && !/^\d/.test(s) ? s : null;
}

function subjectAfter(text: string, pos: number): string | null {
  const rest = text.slice(pos);
  if (AFTER_STARTS_WITH_VERB.test(rest)) return null;
  const m = /^的?([\p{Script=Han}A-Za-z0-9Ⅲ“”]{2,24}?)(?=[，。；：、！？,;:()]|和|与|及|等|$)/u.exec(rest);
  let s = m?.[1]?.replace(/[“”]/g, "").replace(AFTER_CUT, "") ?? "";
  // "与上海互通的分时租赁新能源汽车": the head noun follows the last 的.
  // "4个专变的供电": a short noun before 的 is the thing counted; a longer stretch is a relative clause.
  if (s.includes("的")) s = s.indexOf("的") <= 3 ? s.slice(0, s.indexOf("的")) : s.slice(s.lastIndexOf("的") + 1);
  if (s.length > 14) s = s.slice(0, 14);
  return s.length >= 2 ? s : null;
}

function subjectOf(text: string, start: number, end: number, unit: string): string | null {
  if (CLASSIFIERS.has(unit) || (unit === "%" && text.startsWith("的", end))) return subjectAfter(text, end) ?? subjectBefore(text, start);
  return subjectBefore(text, start) ?? subjectAfter(text, end);
}

function readTokens(text: string, skip: readonly Span[]): Tok[] {
  const out: Tok[] = [];
  FIGURE_RE.lastIndex = 0;
  for (let m = FIGURE_RE.exec(text); m; m = FIGURE_RE.exec(text)) {
    const [whole, digits = "", mult, approx, unitRaw] = m;
    const start = m.index;
    const end = start + whole.length;
    const prev = text[start - 1] ?? "";
    const next = text[end] ?? "";
    const isCn = !/^\d/.test(digits);
    if (/[A-Za-z+\-/.·\d]/.test(prev) || /[A-Za-z+]/.test(next)) continue;
    if (prev === "第" || /^[年月日号]/.test(text.slice(end)) || /^[级期届轮]/.test(next)) continue;
    // A duration in years (6年, 十年间), not a decade (80年代), a grade (3年级) or a point in time (3年前).
    if (unitRaw === "年" && (/^[代级度前后初底末]/.test(next) || (!isCn && digits.length >= 4))) continue;
    if (insideAny({ start, end }, skip)) continue;
    let unit = unitRaw ?? "";
    const base = isCn ? parseChineseNumber(digits + (mult ?? "")) : parseArabic(digits) * multiplier(mult);
    if (base === null || Number.isNaN(base)) continue;
    if (isCn && (!unit || (base < 10 && !mult))) continue;
    // 七八百个, 三五家: two digits in a row are an approximate range, not a number.
    if (isCn && /[一二两三四五六七八九][一二两三四五六七八九]/.test(digits)) continue;
    // 唯一一个 is not 11: Chinese numerals without 十/百/千 are single digits in prose.
    if (isCn && digits.length > 1 && !/[十百千万亿]/.test(digits + (mult ?? ""))) continue;
    // 前100名 is a rank.
    if (prev === "前" && /^[名位]/.test(unit)) continue;
    if (!unit && !mult) continue;
    if (!unit && PEOPLE_NOUNS.test(text.slice(end)) ) unit = "人";
    if (!unit && PEOPLE_NOUNS.test(clauseBefore(text, start).replace(/(超过|超|达到|达|约|近)$/, "").slice(-4))) unit = "人";
    const before = text.slice(Math.max(0, start - 3), start);
    let bound: Figure["bound"] | undefined;
    for (const [w, b] of BOUND_BEFORE) {
      if (!before.endsWith(w)) continue;
      // 签约8个 / 预约 are not "about".
      if (w === "约" && /[签合预节制公条契]$/.test(before.slice(0, -1))) break;
      bound = b;
      break;
    }
    if (approx) bound = ">";
    const tail = text.slice(end, end + 2);
    if (tail.startsWith("以上")) bound = ">=";
    else if (tail.startsWith("以下")) bound = "<=";
    else if (tail.startsWith("左右")) bound = "~";
    if (!unit && mult && MONEY_SUBJECT.test(subjectBefore(text, start) ?? "")) unit = "元";
    let value = base;
    // 2万多名研发人员: people counted in 万 are people.
    if (unit === "名" && mult) unit = "人";
    if (unit === "万吨") {
      value = base * 1e4;
      unit = "吨";
    }
    out.push({ start, end, value, unit, ...(bound ? { bound } : {}), text: whole });
  }
  return out;
}

function multiplier(mult: string | undefined): number {
  return { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3, 百: 1e2 }[mult ?? ""] ?? 1;
}

const CHANGE_BETWEEN = /^(?:[^，。；\d]{0,6}?)(?:上升|提高|提升|增长|增加|扩大|下降|降低|减少|缩小|缩减|跃升|攀升)?(?:到|至|为)$|^(?:增至|降至|升至|增加到|减少到|跃升至)$/;

/**
 * Figures of one paragraph: value in base units (167亿元 → 16700000000 元), unit, subject, bounds
 * (超/近/不足), and before/after for changes (从75%上升到96.2%). Spans in `skip` (dates, names) are ignored.
 */
export function findFigures(text: string, paragraph: number, skip: readonly Span[] = []): Figure[] {
  const toks = readTokens(text, skip);
  const out: Figure[] = [];
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i] as Tok;
    const b = toks[i + 1];
    const from = /(从|由)$/.test(text.slice(Math.max(0, a.start - 1), a.start));
    if (b && from && CHANGE_BETWEEN.test(text.slice(a.end, b.start)) && (a.unit === b.unit || !a.unit || !b.unit)) {
      const unit = b.unit || a.unit;
      out.push({
        text: text.slice(a.start - 1, b.end),
        value: b.value,
        unit,
        subject: subjectOf(text, a.start - 1, b.end, unit),
        before: a.value,
        after: b.value,
        ...(b.bound ? { bound: b.bound } : {}),
        paragraph,
      });
      i++;
      continue;
    }
    out.push({
      text: a.text,
      value: a.value,
      unit: a.unit,
      subject: subjectOf(text, a.start, a.end, a.unit),
      ...(a.bound ? { bound: a.bound } : {}),
      paragraph,
    });
  }
  return out;
}
