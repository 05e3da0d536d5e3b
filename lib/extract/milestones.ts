/**
 * The milestone event model: one event the page reports, as
 * `{date, dateEnd, precision, action, status, subject, objects, sentence, paragraph}`.
 *
 * - `action` is an id of the taxonomy in lib/domain/milestones.ts (synonyms mapped; the more specific verb
 *   names an event told with two: 开工仪式举行 → 开工, 宣布…正式启动 → 启动).
 * - `status` is `planned` for targets and schedules (将, 计划, 拟, 力争, 预计, 目标, 到YYYY年, a date after the
 *   publication with 起); cumulative states (截至…已…, 目前已…) are figures, not events.
 * - `subject` is the plan, project, organization, zone or meeting the event is about; short references
 *   (该项目, 工程, 这一规划) resolve to the last one named in the passage; an event without a subject is a
 *   fragment and is dropped.
 * - `date` is the nearest time anchor of the clause: a resolved date, or null when the anchor cannot be
 *   resolved without guessing (11月7日 on a page without a year, 近日, 去年 without a publication date): such
 *   an event stays on the article, never on the timeline.
 */
import { precisionOf, type DatePrecision } from "../domain/dates";
import { ACTION_VERBS, actionOf, actionRank, type MilestoneStatus } from "../domain/milestones";
import type { DateMatch } from "./dates";
import { isAbbreviationOf } from "./aliases";
import { sentences } from "./text";
import type { EntityMention, Milestone } from "./types";

/** What the milestones of one paragraph need from the article so far. */
export interface MilestoneContext {
  /** Publication date the relative dates were resolved against (null: none, or a repost of unknown date). */
  published: string | null;
  publishedPrecision: DatePrecision | null;
  /** The paragraph ends without its closing punctuation: the page cut it off (an excerpt, a capped scrape). */
  cut?: boolean;
  /** The last plan / project / organization named in the article before this paragraph (for 该项目, 这一规划). */
  last: Partial<Record<"plan" | "project" | "organization", EntityMention>>;
  /**
   * The last done event dated to the day, and the last meeting held, with their paragraph: what 同一天/当天 and
   * 会上/论坛期间 in a sentence without a date of its own refer to (in the same or the next paragraph).
   */
  lastDay?: { value: string; paragraph: number };
  /** The month of the last event told as done to the month or the day (当月 refers to it). */
  lastMonth?: { value: string; paragraph: number };
  lastMeeting?: { value: string; precision: DatePrecision; paragraph: number; name?: string };
  /** The latest date of any meeting told so far: a later-told older meeting is a flashback. */
  newestMeeting?: string;
  /**
   * Every plan, project and organization named before this paragraph, and the subjects of the events told so far:
   * what a short form of a name (大桥, 二期工程, 盐通高铁 after 盐城至南通高速铁路) opening a sentence refers to.
   */
  named?: EntityMention[];
  subjects?: Subject[];
}

interface Anchor {
  start: number;
  end: number;
  value: string | null;
  precision: DatePrecision | null;
  endValue: string | null;
  /** Preceded by 到/至 (a deadline) or 截至/截止 (a running total). */
  lead: "target" | "cumulative" | null;
  /** Followed by 起/开始 (from that date on). */
  from: boolean;
  /** Carried over from the sentence before for the verbs of one clause only (还签署了…): that clause. */
  only?: { start: number; end: number };
}

interface ActionHit {
  id: string;
  start: number;
  end: number;
  /** 开工仪式, 揭牌仪式: the ceremony of an action is that action. */
  ceremony: boolean;
}

// ---------- time anchors ----------

/** The taxonomy's verbs by their first character (longest first), so a paragraph is scanned once. */
const VERBS_BY_FIRST = new Map<string, string[]>();
for (const v of ACTION_VERBS) VERBS_BY_FIRST.set(v[0] as string, [...(VERBS_BY_FIRST.get(v[0] as string) ?? []), v]);

// What may follow a year that dates the sentence (2019年以来, 2024年底, 2020年,合肥…, 2019年是…).
const AFTER_SENTENCE_YEAR = /^(?:[^\p{Script=Han}A-Za-z]|与|以来|起|开始|底|初|末|前|后|内|中(?![国华央])|期间|全年|上半年|下半年|第?[一二三四]季度|至|到|是|的|将|已|在|又|共|就|也|还|由|被|即|再|正式|首次|前后)/u;

/**
 * "5月23日,2024年长三角…年会在…举行": a bare year glued to the name after it is part of the name, and never
 * dates the event.
 */
function yearInName(text: string, d: DateMatch): boolean {
  if (d.precision !== "year" || d.endValue !== undefined || !/^\d{4}年?$/.test(d.text)) return false;
  // 于2026年建成, 到2027年: a preposition or a verb right after makes it a date.
  if (/(于|在|到|至|从|自)$/.test(text.slice(Math.max(0, d.start - 1), d.start))) return false;
  if (VERBS_BY_FIRST.get(text[d.end] as string)?.some((v) => text.startsWith(v, d.end))) return false;
  return !AFTER_SENTENCE_YEAR.test(text.slice(d.end));
}

/**
 * How far back 当天/同日 reach: the paragraph before, or the one before that (a background paragraph between,
 * 当天,…还签署了… after a paragraph on the project's history). Farther, what is meant is unclear. (A bare 会上
 * still reaches only the paragraph before: a meeting is more often followed by others.)
 */
const BACK_PARAGRAPHS = 2;
/** 还共同签署, 同步上线, 也正式启动: an event told as done along with the one just told. */
// Not 也已建成 (a state by the publication, of any date).
const ALSO_BEFORE = /(?:还|同步|同时|也|一并)(?:共同|联合|正式|一起)?[\s“”"]*$/;
/** Time words that anchor an event without a date the page gives: the event is real, its date unknown. */
const VAGUE_TIME = /近日|日前|近期|前不久|不久前|此前一[天日]|此前|早前|当天|当日|同一天|同一日|同日|次日|翌日|当月(?:上旬|中旬|下旬|底|初|末)?/g;
/** 次日 (the day after) and 此前一天 (the day before) the date just told: that date shifted by a day. */
const DAY_SHIFT: Record<string, number> = { 次日: 1, 翌日: 1, 此前一天: -1, 此前一日: -1 };
/** 会上, 论坛期间, 出席开幕式: the sentence tells what happened at the meeting the passage just reported. */
const AT_MEETING = /^[\s“”"]*(?:会上|会议上|(?:会议|大会|论坛|峰会|年会|博览会|座谈会|活动)(?:期间|上)|会议(?:还|也|同时|并|另外)?(?=审议|表决|通过|决定|同意|听取|研究|批准|确定|发布|签署))|出席(?:了)?(?:开幕式|闭幕式|仪式|会议|大会|论坛|座谈会)/;

/** A date told in a paragraph (2019年, 11月, 3日): after a meeting of an earlier paragraph, a new story. */
const TOLD_DATE = /(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})年|\d{1,2}月|[今去前明]年|昨天|前天|上月|上周/;
/** The anchor a sentence without a date of its own takes from the meeting the passage just reported, or none. */
function meetingAnchor(text: string, sent: { start: number; end: number }, paragraph: number, ctx: MilestoneContext): Anchor | null {
  const m = AT_MEETING.exec(text.slice(sent.start, sent.end));
  const meeting = ctx.lastMeeting;
  // 座谈会上 names the kind of the meeting it refers to: the last one of that kind, however far back (no other meeting since).
  const kind = /(座谈会|论坛|峰会|年会|博览会|大会|推进会|联席会议?)(?:期间|上)/.exec(m?.[0] ?? "")?.[1];
  const sameKind = !!kind && !!meeting?.name?.endsWith(kind);
  if (!m || !meeting || (paragraph - meeting.paragraph > 1 && !sameKind)) return null;
  // 会上 in a new paragraph after a flashback (a meeting older than one the article told before): which meeting is meant is unclear.
  if (meeting.paragraph < paragraph && !sameKind && ctx.newestMeeting && ctx.newestMeeting > meeting.value) return null;
  // 2019年,…揭牌。会上,… in the paragraph after the meeting: a date told since opens another story, and which
  // meeting 会上 means is unclear.
  if (meeting.paragraph < paragraph && !sameKind && TOLD_DATE.test(text.slice(0, sent.start))) return null;
  const start = sent.start + m.index + (m[0].length - m[0].trimStart().length);
  return { start, end: sent.start + m.index + m[0].length, value: meeting.value, precision: meeting.precision, endValue: null, lead: null, from: false };
}

function anchorsOf(text: string, dates: readonly DateMatch[], from: number, to: number, paragraph: number, ctx: MilestoneContext): Anchor[] {
  const out: Anchor[] = [];
  for (const d of dates) {
    if (d.start < from || d.end > to) continue;
    // 2023年度 is a reporting period; a dateline (1月16日电) dates the report, not the event; a year in a name dates nothing.
    if (text.startsWith("度", d.end) || /^电/.test(text.slice(d.end)) || yearInName(text, d)) continue;
    const before = text.slice(Math.max(from, d.start - 3), d.start);
    const lead = /(截至|截止)$/.test(before) ? "cumulative" : /(到|至|力争|争取|计划|预计|目标)(于|在)?$/.test(before) ? "target" : null;
    out.push({ start: d.start, end: d.end, value: d.value, precision: d.precision, endValue: d.endValue ?? null, lead, from: /^(起|开始|以后)/.test(text.slice(d.end)) });
  }
  for (const m of text.slice(from, to).matchAll(VAGUE_TIME)) {
    const start = from + m.index;
    if (out.some((a) => a.start <= start && a.end > start)) continue;
    // 当天/同日 refer to the date just told: they take it over (from the sentence, else from the last event
    // dated to the day in this or the previous paragraph: 7月3日,…签署…。同一天,…签订…).
    // 当月(上旬): the month of the event just told (a date of the sentence, else the last event dated to the month).
    if (m[0].startsWith("当月")) {
      const before = out.filter((a) => a.end <= start).at(-1);
      const month = before?.value && before.value.length >= 7 ? before.value.slice(0, 7) : !before && ctx.lastMonth && paragraph - ctx.lastMonth.paragraph <= 1 ? ctx.lastMonth.value : null;
      out.push({ start, end: start + m[0].length, value: month, precision: month ? "month" : null, endValue: null, lead: null, from: false });
      continue;
    }
    // 次日/此前一天 likewise, a day on, or back, from a date told to the day (none: undated).
    const shift = DAY_SHIFT[m[0]];
    const same = /当天|当日|同日|同一天|同一日/.test(m[0]) || shift !== undefined;
    const prev = same ? out.filter((a) => a.end <= start).at(-1) : undefined;
    const told = same && !prev && ctx.lastDay && paragraph - ctx.lastDay.paragraph <= BACK_PARAGRAPHS ? ctx.lastDay.value : null;
    let value = prev?.value ?? told;
    let precision = prev ? prev.precision : told ? "day" : null;
    if (shift !== undefined && value) {
      value = precision === "day" ? new Date(Date.parse(`${value}T00:00:00Z`) + shift * 86400000).toISOString().slice(0, 10) : null;
      precision = value ? "day" : null;
    }
    out.push({ start, end: start + m[0].length, value: value ?? null, precision, endValue: null, lead: null, from: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * "2019年、2020年先后开工": each date of a coordinated list gets the event; the anchors of the list share
 * the scope of its last member.
 */
function coordinated(text: string, anchors: readonly Anchor[], a: Anchor): Anchor[] {
  const group = [a];
  for (let i = anchors.indexOf(a) - 1; i >= 0; i--) {
    const prev = anchors[i] as Anchor;
    if (!/^\s*(、|和|及|与|,|，)\s*$/.test(text.slice(prev.end, (group[0] as Anchor).start))) break;
    group.unshift(prev);
  }
  // The members share the verb across a list of subjects (2017年7月、2018年6月,嘉兴、杭州、…、合肥先后加入), or
  // the list follows 先后/分别 (先后于3月和10月通过).
  const told = /^[，,]?[^，,。；]{0,40}?(先后|分别|相继)/.test(text.slice(a.end)) || /(先后|分别|相继)(于|在)?$/.test(text.slice(0, (group[0] as Anchor).start));
  return group.length > 1 && told ? group : [a];
}

/** 5月23日上午, / 2019年以来, / 今年6月,: a clause that is only a time sets the time of the clauses after it. */
function isLeading(text: string, a: Anchor, from: number): boolean {
  const c = clauseAround(text, a.start, from, text.length);
  const rest = (text.slice(c.start, a.start) + text.slice(a.end, c.end)).replace(/[“”\s]|上午|下午|晚间|晚上|以来|起|底|初|中旬|上旬|下旬|前后|期间|当天|在|于|早在|截至/g, "");
  return rest.length <= 2;
}

// ---------- actions ----------

/** After a verb: it is a noun (发布会, 启动区, 开通日), a time (建成后, 成立以来, 开工前) or a ceremony (开工仪式). */
const NOUN_AFTER = /^(会|大会|中心|区(?!域)|周|日|平台|站|号|率|量|期|数|式(?!仪))/;
// 成立以来 and 发布之际 date the event they name (自2019年11月揭牌成立以来); 建成后, 开工前, 成立20周年 do not.
const TIME_AFTER = /^(之后|后|之前|前|时|周年|\d+周年|[一二两三四五六七八九十]+周年|满)/;
/** 加入 is joining (纳入) only with a body or zone joined, or none named (…先后加入。): not 加入了…元素, 加入购物车. */
const JOINED = /^(?:了)?(?:[^，,。；]{0,16}(?:都市圈|经济圈|城市群|走廊|联盟|协会|组织|协调会|联席会议|示范区|合作区|共同体)|\s*(?:[，,。；]|$))/;
// 完成建设后现已…, 开通运营后,: a verb and its object closed by 后/前/时 make a time clause too.
const VO_TIME_AFTER = /^\p{Script=Han}{1,4}?(之后|以后|后|之前|以前|时)(?=[，,；\s]|现|已|将|就|便|即|再|又|才)/u;
const CEREMONY_AFTER = /^(仪式|典礼|活动)/;
/** 挂牌以来, 开通运营至今, 建成迄今: the verb opens a since-clause (a period up to now). */
const SINCE_AFTER = /^\p{Script=Han}{0,4}?(以来|至今|迄今|(?:\d+|[一二两三四五六七八九十]+)(?:个)?(?:年|月|周)(?:多)?来)/u;
/** The bracket a date sits in ((2019年12月), (苏政发〔2022〕45号)): its start and end, or null outside one. */
function bracketAround(text: string, at: number, end: number, from: number, to: number): { start: number; end: number } | null {
  const open = Math.max(text.lastIndexOf("(", at), text.lastIndexOf("（", at));
  if (open < from || /[)）]/.test(text.slice(open + 1, at))) return null;
  const close = text.slice(end, to).search(/[)）]/);
  return close < 0 ? null : { start: open, end: end + close + 1 };
}
/** 本报讯(记者 …)12月28日,…: the date leading a news report's first sentence, which reports what happened. */
function lede(text: string, paragraph: number, sentStart: number, anchor: Anchor): boolean {
  // Only after a report's marker (本报讯, (记者 …)): a bare lede month (11月,…开通 in an August article) is a schedule.
  return paragraph === 0 && sentStart === 0 && /^[\s\p{P}]*(?:(?:本报|本网|本台)?讯[\s\p{P}]*(?:[(（][^)）]{0,20}[)）])?|[(（]\s*记者[^)）]{0,20}[)）])\s*$/u.test(text.slice(0, anchor.start));
}
/** A month told without a year (12月28日,…): the year is the publication's guess. */
const BARE_MONTH_ANCHOR = /^(?:\d{1,2}|[一二三四五六七八九十]+)月/;
/** 已/顺利/圆满/成功 before the verb, 了 after it: told as done. */
const DONE_BEFORE = /已|顺利|圆满|成功/;
/** 听取了…开工情况汇报, 通报开通运营进展, 部署开通准备工作, 揭牌纪念活动: the verb names what a report is about (a noun phrase), not an event of the date. */
const REPORT_TOPIC_AFTER = /^\p{Script=Han}{0,4}?(情况|进展|进度|有关事宜|相关事宜|准备工作|筹备工作|保障工作|前期工作|纪念)/u;
/** 推出/公示 publish a document or a list (推出…清单, 公示…草案), not a product or a result (推出新款手机). */
const PUBLISHED_THING = /(清单|名单|目录|成果|方案|计划|规划|草案|举措|措施|政策|办法|意见|指南|报告|标准|条例|规定|细则|《)/;
/** 建立/增设 set up a body or a mechanism (建立…工作机制, 增设…部), not 建立联系 or 建立在…之上. */
const SET_UP_THING = /^(?!健全|在|起|了?(?:联系|关系|友谊|信任))[^，,。；]{0,24}?(机制|体系|制度|长制|联盟|中心|平台|委员会|办公室|工作组|小组|部|处|局|基金|联席会议)/;
/** …共同保护机制基本建立。: the body or mechanism told before the verb, which ends its clause. */
const SET_UP_HEAD = /(机制|体系|制度|联盟|委员会|办公室|工作组)(?:已|将|基本|全面|初步|正式|逐步)*$/;
/** 正式对外开放, 将于5月对外开放: a place opened to the public; not 扩大对外开放 (the policy). */
const OPENED_BEFORE = /(正式|免费|首次|率先|全面|日|月|年|起|将|已|于|并|同步)$/;
/** 通过专家评审, 通过了国家验收: a review passed. */
const REVIEW_PASSED = /^通过了?(?![^，,。；]{0,10}?(?:竣工|完工))[^，,。；]{0,10}?(评审|验收|论证|审查|联审|审定|鉴定|评估|审议|[一二三]审)/;
/** 扩容至41个, 扩容至三省一市全部地级市: members joined; not 扩容至500兆瓦 (a capacity). */
const MEMBERS_ADDED = /^(?:\d+|[一二三四五六七八九十]+)(?:个|家|座)?(?:城市|成员|地级市|个$|个[，,。；]|家)|^[^，,。；]{0,10}全部|^[^，,。；]{0,6}(?:城市|成员)/;
/** 作出支持…的决定: the object of 作出 is a decision (or resolution). */
const DECISION_MADE = /^了?[^，,。；]{0,40}?(?:决定|决议)(?!性)/;
/** 写入《…纲要》, 写入政府工作报告: what something is written into is a document. */
const WRITTEN_INTO = /^(?:了|进)?[^，,。；]{0,20}?(?:《|规划|纲要|报告|条例|决议|章程|文件)/;
/** 吸纳铜陵等4市入会, 吸纳…7市加入: new members admitted. */
const ADMITTED = /^[^，,。；]{0,30}?(?:入会|加入|为(?:正式)?成员)/;
/** 批复设立, 批准设立, 批复同意设立: a body set up by the approval just told. */
const APPROVED_BEFORE = /(?:批复|批准|获批|同意)(?:同意)?$/;
/** A clause of what comes with the sentence's event (随着最后一方混凝土浇筑完成,主塔顺利封顶): a step, not an event. */
const ACCOMPANYING = /^[\s“”"]*随着/;
/** 开工一批标志性项目, 完成了一系列“首次”: an unnamed set of things is no subject. */
const UNNAMED_SET = /^了?(?:一批|一系列|一大批|多个|多项|多批|若干|一些|数个|一揽子)/;
/** 关于吸纳…加入…的决定: a document named without quotes; a verb inside its name is part of the name. */
const ABOUT_OPEN = /关于[^，,。；《》“”]{0,60}$/;
const ABOUT_CLOSE = /^[^，,。；《》“”]{0,40}?的(?:决定|决议|意见|通知|办法|规定|方案|若干措施|实施意见|指导意见)/;
/** 建成并投入使用, 竣工并通车: two construction verbs joined by 并 tell one event. */
const JOINED_BUILD = /^(?:并|并且|并正式|并同步)$/;
/** …作出决定, / …通过决议,: the clause after it tells what was decided. */
const DECIDED_BEFORE = /(?:决定|决议)[，,：:]\s*$/;
/** 三地人大常委会分别召开会议: several bodies each holding a session, not one named meeting. */
const EACH_HELD = /分别[^，,。；]{0,8}$/;
/** 同步通过…的地方性法规, 通过支持…的决定: a law or decision passed (not 通过…方式, 通过平台). */
const LAW_PASSED = /^通过了?[^，,。；《》]{0,30}?(?:法规|条例|决定|决议)(?![\p{Script=Han}])/u;
/** 完成…生态护岸改造, 完成…主体结构施工: the object of 完成 is a work (not an amount). */
const WORK_DONE = /(?:改造|建设|施工|验收|架设|安装|调试|联调联试|铺设|浇筑|清淤|整治|修复|搬迁)$/;
/** 呼吁华盛顿建立一个联盟, 建议尽快出台: what someone calls for is not an event. */
const URGED = /呼吁|敦促|倡议|主张|建议|提议/;
const NEGATION_BEFORE = /(?:未|尚未|没有|没能|不|无法|暂未|难以)(?:能)?(?:如期|按期|按时|准时|及时|正式|全面|全部|顺利)?$/;
/** 原定去年底上线, 原计划今年9月建成: a schedule that did not hold is no event (按原计划…建成 is one that did). */
const PLAN_CHANGED = /(?<![按依照如])(?:原定|原计划|原拟|原本计划|原本定于|本应)[^，,。；;：:]{0,14}$/;

function findActions(text: string, from: number, to: number, names: readonly EntityMention[]): ActionHit[] {
  const out: ActionHit[] = [];
  for (let i = from; i < to; ) {
    let verb = VERBS_BY_FIRST.get(text[i] as string)?.find((v) => text.startsWith(v, i) && i + v.length <= to);
    let id = verb ? actionOf(verb)?.id : undefined;
    // 建设…开始 / 建设…启动: construction starts.
    if (!verb && text.startsWith("开始", i) && /建设[^，,。；]{0,16}$/.test(text.slice(from, i)) && !/^(以来|后|前)/.test(text.slice(i + 2))) {
      verb = "开始";
      id = "开工";
    }
    // 通过了《决定》: a document passed; 实施 is an event only when something is put in force (起实施, 正式实施, 《…》实施), not 实施…战略.
    if (!verb && (/^通过了?《/.test(text.slice(i, i + 4)) || REVIEW_PASSED.test(text.slice(i, to)) || LAW_PASSED.test(text.slice(i, to)))) {
      verb = "通过";
      id = "通过";
    }
    // 由A和B组成, 重要组成部分: 组成 tells what something consists of; it forms an organization only as 组成(了)X.
    // 由复旦大学、南京大学…联合组建: likewise who formed it, told of an organization already named.
    // 该中心于2019年5月由…共同组建: with a date of its own in the clause, it is the founding.
    const ownDate = /(?:\d|[一二三四五六七八九十])(?:年|月|日)[^，,。；]*由[^，,。；]*$/.test(text.slice(from, i));
    if ((verb === "组成" || verb === "组建") && ((/由[^，,。；]*$/.test(text.slice(from, i)) && !ownDate) || /^(部分|单位|人员|成员|结构|要素)/.test(text.slice(i + 2)))) {
      i += verb.length;
      continue;
    }
    // 自7月1日起在长三角全域实施: a date from which on puts it in force, even with a place between.
    const fromDate = /起[^，,。；起]{0,12}$/.test(text.slice(from, i));
    if (id === "实施" && verb === "实施" && !fromDate && !/(起|正式|开始|印发|》|施行)[\s“”"]*$/.test(text.slice(Math.max(from, i - 3), i))) {
      i += verb.length;
      continue;
    }
    const clauseEnd = text.slice(i).search(/[，,。；;]/);
    const rest = text.slice(i + (verb?.length ?? 0), clauseEnd < 0 ? to : Math.min(to, i + clauseEnd));
    const clauseBefore = text.slice(from, i).replace(/^.*[，,。；;]/, "");
    const notAnEvent =
      (verb === "加入" && !JOINED.test(text.slice(i + 2, to))) ||
      ((verb === "推出" || verb === "公示") && !PUBLISHED_THING.test(verb === "推出" ? rest : clauseBefore + rest)) ||
      ((verb === "建立" || verb === "增设") && !SET_UP_THING.test(rest) && !(rest === "" && SET_UP_HEAD.test(clauseBefore))) ||
      (verb === "对外开放" && !OPENED_BEFORE.test(text.slice(Math.max(from, i - 2), i))) ||
      // 起步于2019年3月 (a start in time), not 起步于上海虹桥站 (where a line starts).
      (verb === "起步" && !/^(?:于|在)(?:\d|[今去明上本前]年|[一二三四五六七八九十]+月)/.test(text.slice(i + 2))) ||
      // 扩展至杭州、嘉兴: extended to places named right after.
      (verb === "扩展至" && !MEMBERS_ADDED.test(text.slice(i + 3)) && !names.some((e) => e.kind === "region" && e.start === i + 3)) ||
      (verb === "扩容至" && !MEMBERS_ADDED.test(text.slice(i + 3))) ||
      // 作出…的决定: a decision adopted (not 作出贡献, 作出部署).
      (verb === "作出" && !DECISION_MADE.test(rest)) ||
      // 写入《纲要》, 写入政府工作报告: written into a document (not 写入数据).
      (verb === "写入" && !WRITTEN_INTO.test(rest)) ||
      // 吸纳…4市入会, 吸纳…加入: members admitted (not 吸纳就业, 吸纳资金).
      (verb === "吸纳" && !ADMITTED.test(rest)) ||
      // 批复设立, 获批准设立, 批复同意设立: what is approved, told in the approval (one event, the approval).
      (!!verb && /^(设立|成立)$/.test(verb) && APPROVED_BEFORE.test(text.slice(from, i)));
    if (verb && notAnEvent) {
      i += verb.length;
      continue;
    }
    if (!verb || !id) {
      i++;
      continue;
    }
    const end = i + verb.length;
    const after = text.slice(end);
    // 贯通工程, 竣工项目: an intransitive construction verb before the head noun is part of a name.
    if (/^(贯通|合龙|封顶|结顶|竣工|完工|通车)$/.test(verb) && /^(工程|项目|段)/.test(after)) {
      i = end;
      continue;
    }
    // “上海发布”微信公众号: a short quoted name is a name, not an action.
    const quoted = /“[^“”]{0,6}$/.test(text.slice(Math.max(0, i - 7), i)) && /^[^“”]{0,6}”/.test(text.slice(end, end + 7));
    // Inside a title 《…》 a verb is part of the title.
    const inTitle = text.lastIndexOf("《", i) > text.lastIndexOf("》", i);
    const inAbout = ABOUT_OPEN.test(text.slice(from, i)) && ABOUT_CLOSE.test(after);
    const inName = quoted || inTitle || inAbout || names.some((e) => e.start <= i && e.end > i);
    // 召开会议: the meeting held, not a noun 召开会 (as 发布会 is).
    const noun = NOUN_AFTER.test(after) && !(id === "举行" && /^会(议|谈|晤)/.test(after));
    const skip = inName || noun || REPORT_TOPIC_AFTER.test(after) || TIME_AFTER.test(after) || VO_TIME_AFTER.test(after) || NEGATION_BEFORE.test(text.slice(Math.max(from, i - 6), i)) || PLAN_CHANGED.test(text.slice(Math.max(from, i - 20), i));
    // 竣工投用, 建成开通: two construction verbs back to back tell one event (the first names it).
    // 印发实施, 发布施行: a document issued and put in force in one breath is its issuing.
    const prevHit = out.at(-1);
    const glued =
      (prevHit?.end === i && ((BUILD_ACTIONS.has(prevHit.id) && BUILD_ACTIONS.has(id)) || (DOC_ACTIONS.has(prevHit.id) && id === "实施"))) ||
      (!!prevHit && prevHit.end < i && BUILD_ACTIONS.has(prevHit.id) && BUILD_ACTIONS.has(id) && JOINED_BUILD.test(text.slice(prevHit.end, i)));
    if (!skip && !glued) out.push({ id, start: i, end, ceremony: CEREMONY_AFTER.test(after) });
    i = end;
  }
  return out;
}

// ---------- clauses, status ----------

const CLAUSE_BREAK = "，,；;：:…";
function clauseAround(text: string, pos: number, from: number, to: number): { start: number; end: number } {
  let s = pos;
  while (s > from && !CLAUSE_BREAK.includes(text[s - 1] as string)) s--;
  let e = pos;
  while (e < to && !"，,；;。…：:".includes(text[e] as string)) e++;
  return { start: s, end: e };
}

// 将 before a noun phrase and 纳入/划入/列入 is the object marker (将A纳入B), not the future.
const FUTURE = /将(?!近)|拟|计划|预计|力争|争取|有望|即将|准备|筹备|目标|或将|要在|(?:就|才|也|还)会(?![议展谈见上期员场长计])|(?<![\p{Script=Han}])或(?=\d|[一二三四五六七八九十]+月)/u;
const CUMULATIVE = /截至|截止|累计|目前|至今|迄今|已有|现有|共有|以来/;
/**
 * Plan words used as nouns are no future: inside a title (《三年行动计划》印发), after a determiner (该计划于…启动), or
 * as a name's last word before the event is told as done (…合作计划正式启动, 目标已…), or in 按(原)计划 (on schedule: a
 * manner, the date or a 将 tells the tense). Masked before FUTURE is tested.
 */
const NOUN_PLAN_WORD = /《[^《》]*》|按(?:照)?(?:原|既定|预定)?计划|(?:该|这一|这个|这项|此|本|上述)(?:计划|目标)|(?:计划|目标)(?=正式|已|顺利|首次|日前|近日|今天|今日)/g;
const maskNouns = (before: string) => before.replace(/将近/g, "□□").replace(NOUN_PLAN_WORD, (m) => "□".repeat(m.length));

/** 按照「…开工,…竣工」的总目标: the verb sits in a quoted statement the sentence calls a target or plan. */
function inQuotedTarget(text: string, verbStart: number, sentEnd: number): boolean {
  const open = Math.max(text.lastIndexOf("「", verbStart), text.lastIndexOf("“", verbStart));
  if (open < 0) return false;
  const close = text.slice(open, sentEnd).search(/[」”]/);
  if (close < 0 || open + close < verbStart) return false;
  return /^[」”]的?[^，,。；]{0,8}(目标|计划|要求|任务|设想)/.test(text.slice(open + close, sentEnd));
}

function statusOf(text: string, clauseStart: number, verbStart: number, verb: string, anchor: Anchor, ctx: MilestoneContext, sentEnd: number): MilestoneStatus | "cumulative" {
  const before = text.slice(clauseStart, verbStart);
  if (inQuotedTarget(text, verbStart, sentEnd)) return "planned";
  if (anchor.lead === "cumulative") return "cumulative";
  if (CUMULATIVE.test(before) && /已|先后|陆续|相继/.test(before)) return "cumulative";
  // 自2019年以来,示范区已开通…: a state reached since a date (told in an earlier clause) is a running total.
  if (/^以来/.test(text.slice(anchor.end)) && /已/.test(before)) return "cumulative";
  // 先后在…举办了8次会议, 累计开通12条: a count of repeats is a running total.
  const counted = text.slice(verbStart, sentEnd).split(/[，,。；]/)[0] ?? "";
  if (/先后|陆续|相继|累计/.test(before) && /(\d+|[一二三四五六七八九十]+)(次|届|条|个|场|批)/.test(counted)) return "cumulative";
  if (/共/.test(before) && /(\d+|[一二三四五六七八九十]+)(次|届)/.test(counted)) return "cumulative";
  const objectMarker = /^(纳入|划入|列入)$/.test(verb) && /将[^于在]/.test(before) && !/将(于|在)/.test(before);
  const masked = maskNouns(before);
  const future = !objectMarker && FUTURE.test(masked);
  if (anchor.lead === "target" && /已/.test(before)) return "cumulative";
  // 到1997年组成了…: a past deadline told with the perfective 了 and no future word is an event that happened.
  const pastPerfective = anchor.lead === "target" && !future && text.startsWith("了", verbStart + verb.length) && !(anchor.value && ctx.published && afterPublication(anchor.value, ctx.published, ctx.publishedPrecision));
  if (pastPerfective) return "done";
  if (anchor.lead === "target" || (future && !/已/.test(masked.slice(masked.search(FUTURE))))) return "planned";
  const toldDone = DONE_BEFORE.test(before) || /^[^，,。；]{0,20}?了/.test(text.slice(verbStart + verb.length));
  // 年内启动…, 年内印发: within this year, told without a mark of having happened (已, 顺利, 了), is a schedule (in a
  // December article, a year-end review's 年内建成 tells what the year did: left done).
  const within = text.slice(anchor.start, anchor.end) === "年内" || (text.slice(anchor.start, anchor.end) === "今年" && text[anchor.end] === "内");
  if (within && ctx.published?.slice(5, 7) !== "12" && !toldDone) return "planned";
  // 上半年开工, 三季度举办 in a March article: a part of this year not yet over, told without a mark of having happened.
  const season = /(上半年|下半年|[一二三四]季度)$/.exec(text.slice(anchor.start, anchor.end))?.[1];
  const seasonEnd = season ? ({ 上半年: 6, 下半年: 12, 一季度: 3, 二季度: 6, 三季度: 9, 四季度: 12 } as Record<string, number>)[season] : undefined;
  if (seasonEnd && ctx.published && anchor.value === ctx.published.slice(0, 4) && Number(ctx.published.slice(5, 7) || 12) < seasonEnd && !toldDone) return "planned";
  // A date after the publication (自10月1日起施行, 11月17日开港 in an August article) has not happened yet.
  if (anchor.value && ctx.published && afterPublication(anchor.value, ctx.published, ctx.publishedPrecision)) return "planned";
  return "done";
}

/** True when a date is later than the publication, compared at the coarser of the two precisions. */
export function afterPublication(date: string, published: string, precision: DatePrecision | null): boolean {
  const len = Math.min(date.length, precision === "day" ? 10 : precision === "month" ? 7 : 4);
  return date.slice(0, len) > published.slice(0, len);
}

// ---------- subjects ----------

const DOC_ACTIONS = new Set(["批复", "印发", "发布", "通过", "实施"]);
const BUILD_ACTIONS = new Set(["开工", "封顶", "贯通", "竣工", "建成", "开通", "投用"]);
const ORG_ACTIONS = new Set(["揭牌", "成立", "上线"]);
type SubjectKind = "plan" | "project" | "organization" | "region";
function kindOrder(action: string): SubjectKind[] {
  if (DOC_ACTIONS.has(action)) return ["plan", "project", "organization", "region"];
  if (BUILD_ACTIONS.has(action)) return ["project", "plan", "region", "organization"];
  if (ORG_ACTIONS.has(action)) return ["organization", "project", "region", "plan"];
  return ["plan", "project", "organization", "region"];
}
/** Regions that can be what an event is about: zones, corridors, metropolitan areas (not a place where it happens). */
const ZONE = /示范区|走廊|都市圈|新区|开发区|园区|自贸|先行启动区|客厅/;

// 该项目, 这一规划, 工程, 《方案》: a short reference, and the kind it points to.
const SHORT_REF = /^(?:该|这一|这个|此|本|上述|这项|这条|这座)?(项目|工程|线路|规划|方案|纲要|计划|条例|规定|决定|办法|细则|联盟|中心|平台|机构)$|^((其|它))$/;
const SHORT_REF_KIND: Record<string, "plan" | "project" | "organization"> = {
  项目: "project", 工程: "project", 线路: "project", 规划: "plan", 方案: "plan", 纲要: "plan", 计划: "plan", 条例: "plan", 规定: "plan", 决定: "plan", 办法: "plan", 细则: "plan",
  联盟: "organization", 中心: "organization", 平台: "organization", 机构: "organization", 其: "project", 它: "project",
};
/** Words around a subject that are not part of it: adverbs, prepositions, auxiliaries. */
const LEADING_NOISE = /^(?:[，,、：:\s“”"]|起|凌晨|第[一二三四]季度|以前|之前|前|\d+[点时:：]\d*分?|上午|下午|晚间|晚上|当天|当日|继续|正式|已经|已于|已|于|也|还|又|再|均|都|则|将|由|经|被|并|并且|同时|此次|这次|本次|随后|其后|此后|目前|随着|伴随着|伴随)+/;
const TRAILING_NOISE = /(?:[，,、\s“”"]|实现|对外|继续|预计|计划|拟|力争|争取|有望|即将|正式|已经|已于|已|于|将于|将|也|还|又|均|都|共同|联合|同步|分别|先后|相继|率先|首次|再次|顺利|全面|基本|如期|提前|宣布|获|获得|予以|经|被|了|的)+$/;
const MEETING = /(会议|大会|论坛|峰会|年会|座谈会|联席会|交流会|推进会|博览会|展览会|发布会|活动|仪式|典礼|开幕式|闭幕式|赛|节)$/;
const HAN2 = /\p{Script=Han}.*\p{Script=Han}/u;
/** Words that stand for the event itself, not for what it is about. */
const GENERIC_SUBJECT = /^(仪式|活动|典礼|现场|工作|这|此|我们|大家|双方|各方|三地|两地)$/;

export interface Subject {
  name: string;
  id: string | null;
}

const PLACE_OR_TIME = /^(在|于|从|自|到|至)/;
const HYPOTHETICAL = /(?<![\p{Script=Han}])(若|如果|假如|倘若|一旦|如若)|^若/u;

const SPECULATIVE = /可能|或许|也许|传闻|据传|不排除/;
/** 以优异成绩迎接党代会胜利召开, 喜迎运动会开幕: a coming event the sentence welcomes (not 迎来, which saw it happen). */
const WELCOMED = /(?:迎接|喜迎|献礼)[^，,。；]*$/;
/** Between a date and a verb: the event came some time after the date (not 随后, which follows at once). */
// 两年后, 三个月后, 半年多以后: a time after the date by a span, which the page does not date.
const LATER = /其后|此后|之后|以后|后来|嗣后|多年后|数年后|(?:\d+|[一二两三四五六七八九十几数半]+)(?:个)?多?(?:年|月|周|天|日)多?后/;
/** 每年的11月1日, 每逢5月, 每届…都会: a recurring occasion, not one event. */
const HABITUAL = /每(?:年|个?月|周|逢|届|当)/;
/** 这是…, 这也是…, 是…: a clause that opens with a copula. */
const COPULA_OPEN = /^[\s“”"]*(?:这|这也|此|它|其|也)?是(?!否)/;
/** Before a verb: what someone must or should do (须, 务必, 应当, 需在…前). */
const INSTRUCTED = /(?:必须|务必|应当|(?<![\p{Script=Han}])须|(?:须|需)(?:在|于|按|及时|尽快))/u;
/** Right before a verb: an ordinal count of times (第3次, 第三次). */
const COUNTED_BEFORE = /第(?:\d+|[一二三四五六七八九十]+)次$/;
/** Before a verb + 的: a copula (是…发起的) or a preposition with its agent (根据国务院印发的, 对公安部下发的). */
const BACKGROUND_BEFORE = /(?:(?<![但于还若要凡总倒可正就])是(?!否)|根据|按照|依据|依照|对照|(?<!相)对(?!外|垒|比|接|话|应|标|于)|针对|围绕|落实|贯彻|结合)\p{Script=Han}[^，,。；]*$/u;
// 称 but not 简称, 名称, 号称, 统称.
const REPORTED = /(?:(?<![简名号堪俗统自总职])称|表示|显示|指出|透露)(?![\p{Script=Han}]{0,2}(会|大会))/u;

function cleanSubject(raw: string): string {
  // 本报合肥10月15日电(记者 李明)长三角…会议: the dateline and byline are not part of the subject.
  const s = raw.replace(/^[^，,。；]*?日电\s*(?:[（(][^)）]*[)）])?/, "");
  // 苹果公司在美国总部举行, 示范区于2019年挂牌: the place or time phrase before the verb is not the subject.
  // 位于商务区核心区的…中心三期: where a thing lies, told before it, qualifies it (位于, 属于, 对于 are no 于 of place).
  const t = s.replace(/^位于[^，,。；的]{1,20}的/, "");
  const at = t.search(/(?<=.)(?<![位处属至等对由关基鉴])(在|于)/);
  let head = at > 0 ? t.slice(0, at) : PLACE_OR_TIME.test(t) ? "" : t;
  // 是中国首个…发起的: a copula describes, it does not name.
  if (/^是/.test(head)) head = "";
  // 记者从…获悉, 据…: a source phrase, not a subject.
  if (/(从|向|对|据|经|由|自|记者)$/.test(head) || /^(据|记者)/.test(head)) head = "";
  // 与广汽签署, 同上海市政府举行: a partner after a comitative preposition is not what the event is about.
  if (/^(与|同|跟)/.test(head)) head = "";
  return head.replace(LEADING_NOISE, "").replace(TRAILING_NOISE, "").replace(LEADING_NOISE, "");
}

/** The page's words for what the event is about: before the verb (minus places and times), else right after it. */
function textSubject(text: string, from: number, verb: ActionHit, to: number, anchors: readonly Anchor[]): string | null {
  const parts: string[] = [];
  let at = from;
  for (const a of anchors) {
    if (a.start < from || a.end > verb.start) continue;
    // 该办法将自7月1日起施行: a preposition right before the date is the date's, not a source (记者从…).
    parts.push(text.slice(at, a.start).replace(/(?:自|从)$/, ""));
    at = a.end;
  }
  parts.push(text.slice(at, verb.start));
  for (const part of parts.reverse()) {
    const s = cleanSubject(part.replace(/^.*[，,；;：:]/, ""));
    // 建设后, 成立以来: a time phrase, not what the event is about.
    if (/(后|前|时|以来|之际)$/.test(s)) continue;
    if ((HAN2.test(s) && !GENERIC_SUBJECT.test(s)) || SHORT_REF.test(s)) return s.slice(-30);
  }
  let after = text.slice(verb.end, to).replace(/^(了|的|过)/, "");
  after = after.replace(/^(?:[\s“”"]|正式|全面)+/, "");
  if (/^(以|来|后|时|前|之|和|与|及|并|到|至|等|于|在|为|是)/.test(after) || ACTION_VERBS.some((v) => after.startsWith(v))) return null;
  after = after.replace(/[“”"]/g, "");
  // 举办的…发布会上获悉: the meeting ends the phrase.
  const meeting = /^.*?(会议|大会|论坛|峰会|年会|座谈会|联席会|交流会|推进会|博览会|发布会|仪式|典礼)/.exec(after);
  if (meeting) after = meeting[0];
  return HAN2.test(after) ? after.slice(0, 30) : null;
}

/** The words right after a verb up to the clause end (成立了上海经济区 → 上海经济区), or null. */
function afterObject(text: string, verb: ActionHit, to: number): string | null {
  let after = text.slice(verb.end, to).replace(/^(了|的)/, "").replace(/[“”"]/g, "");
  // 作出支持…的决定: the decision; 批复同意设立嘉兴…示范区: what the approval sets up.
  const decision = /^(.*?(?:决定|决议))/.exec(after);
  if (decision && text.startsWith("作出", verb.start)) after = decision[1] as string;
  if (verb.id === "批复") after = after.replace(/^(?:同意)?(?:设立|成立)?/, "");
  if (/^(以|来|后|时|前|之|和|与|及|并|到|至|等|于|在|为|是)/.test(after) || !HAN2.test(after)) return null;
  return after.slice(0, 30);
}

function meetingAfter(text: string, verb: ActionHit, to: number): string | null {
  const m = /^.*?(会议|大会|论坛|峰会|年会|座谈会|联席会|交流会|推进会|博览会|发布会|仪式|典礼)/.exec(text.slice(verb.end, to).replace(/^(了|的)/, ""));
  return m ? m[0].replace(/[“”"]/g, "") : null;
}

function resolveSubject(
  text: string,
  clause: { start: number; end: number },
  subjFrom: number,
  verb: ActionHit,
  anchors: readonly Anchor[],
  names: readonly EntityMention[],
  ctx: MilestoneContext,
): Subject | null {
  // 在西南大学举行: a name after 在/于 is where the event happens, not what it is about.
  const inClause = names.filter((e) => e.start >= subjFrom && e.end <= clause.end && (e.kind !== "region" || ZONE.test(e.name)) && !/[在于]$/.test(text.slice(Math.max(0, e.start - 1), e.start)));
  const textual = textSubject(text, subjFrom, verb, clause.end, anchors);
  // A meeting is named by its words (召开…大会, …论坛在…举行), not by the body that holds it.
  if (verb.id === "举行") {
    const meeting = [textual, meetingAfter(text, verb, clause.end)].find((t) => t && MEETING.test(t));
    // 中共中央政治局召开会议: a meeting named only 会议 is the holder's.
    if (meeting === "会议" && textual && !MEETING.test(textual)) return { name: `${textual}会议`, id: null };
    if (meeting) return { name: meeting, id: null };
  }
  // 国务院成立上海经济区, 三地共同设立…中心: what is set up or unveiled follows the verb; the body before it is the actor.
  // 规划联合发布仪式在上海举行: a ceremony's object is the ceremony; what it is about stands before the verb.
  if (DOC_ACTIONS.has(verb.id) && !verb.ceremony && !inClause.some((e) => e.kind === "plan")) {
    // 国务院发布了相关文件: without a plan named, the document is the words after the verb, not the body issuing it.
    const object = afterObject(text, verb, clause.end);
    if (object) return { name: object, id: null };
  }
  if (ORG_ACTIONS.has(verb.id)) {
    const after = inClause.filter((e) => e.start >= verb.end && e.kind !== "region").sort((a, b) => a.start - b.start)[0];
    if (after) return { name: after.name, id: after.id };
    const object = afterObject(text, verb, clause.end);
    if (object) return { name: object, id: null };
  }
  for (const kind of kindOrder(verb.id)) {
    const hit = inClause.filter((e) => e.kind === kind).sort((a, b) => Math.abs(a.start - verb.start) - Math.abs(b.start - verb.start))[0];
    // 上海大都市圈空间规划协同工作领导小组: a zone inside the page's longer name is not the subject.
    if (hit && kind === "region" && textual && textual.includes(text.slice(hit.start, hit.end)) && textual.length > hit.end - hit.start + 2) break;
    if (hit) return { name: hit.name, id: hit.id };
  }
  if (!textual) return null;
  const ref = SHORT_REF.exec(textual.replace(/[《》]/g, ""));
  if (ref) {
    const kind = SHORT_REF_KIND[(ref[1] ?? ref[2]) as string] as "plan" | "project" | "organization";
    // 该中心 after 长三角国家技术创新中心 (typed a project or an organization), 该决定 after 《关于…的决定》: the last
    // name ending with the referring noun, whatever kind the entity typing gave it.
    const head = ref[1];
    const here = head && head.length >= 2 ? names.filter((e) => e.end <= verb.start && e.kind !== "region" && e.name.endsWith(head)).at(-1) : undefined;
    const byHead = here ?? (head && head.length >= 2 ? (ctx.named ?? []).filter((e) => e.name.endsWith(head)).at(-1) : undefined);
    const inPara = here ?? names.filter((e) => e.kind === kind && e.end <= verb.start).at(-1);
    const earlier = byHead ?? inPara ?? ctx.last[kind];
    const refAt0 = text.lastIndexOf(ref[0], verb.start);
    if (!earlier) {
      const thing = ref[3] ? unnamedThingBefore(text, 0, refAt0 >= 0 ? refAt0 : verb.start, names) : null;
      return thing ? { name: thing, id: null } : null;
    }
    // …新建地铁西岑站,其建成后…: a thing the page names without an entity stands nearer the reference than the
    // known entity, so the reference is most likely to it; no subject beats a known but wrong one.
    const refAt = text.lastIndexOf(ref[0], verb.start);
    // 其/它 is then that thing (…来到地铁西岑站,其…预计2024年底前实现投运); 该项目 and the like stay unresolved.
    const thing = unnamedThingBefore(text, inPara ? inPara.end : 0, refAt >= 0 ? refAt : verb.start, names);
    if (thing) return ref[3] ? { name: thing, id: null } : null;
    return { name: earlier.name, id: earlier.id };
  }
  return { name: textual, id: null };
}

/** Head nouns of a place, facility or project (站, 枢纽, 中心…). */
const THING_HEAD = "(?:站|线|桥|隧道|枢纽|中心|园区|园|馆|大厦|大楼|基地|港|机场|项目|工程|医院|学校|公司)";
/** After a name: it is not the head, only qualifies one (A的…, A和B, A枢纽). */
const QUALIFIES = new RegExp(`^(?:的|之|和|与|及|、|同|跟|${THING_HEAD})`);
/** A place, facility or project the page names without it being an entity (…地铁西岑站, 一座体育馆,). */
const UNNAMED_THING = new RegExp(`\\p{Script=Han}{2,}${THING_HEAD}(?=[，,。；、\\s]|$)`, "u");
/** 南湖综合客运枢纽位于…: a sentence that introduces a facility by where it lies. */
const INTRODUCED_THING = new RegExp(`^(\\p{Script=Han}{2,20}?${THING_HEAD})(?:位于|坐落于|地处)`, "u");

/** Words that lead a thing's name in running text without being part of it (来到地铁西岑站, 毗邻西岑站). */
const BEFORE_THING = /^(?:.*(?:来到|前往|到达|抵达|走进|进入|位于|毗邻|紧邻|靠近|经过|途经|新建|建设|建成|打造|就是|即|是|到|在|从))?/;

/**
 * The last thing the text between `from` and `to` names without it being an entity (…来到地铁西岑站, → 地铁西岑站),
 * or null when the gap, without the entity names in it, names none.
 */
function unnamedThingBefore(text: string, from: number, to: number, names: readonly EntityMention[]): string | null {
  let gap = "";
  let at = from;
  for (const e of [...names].filter((n) => n.start >= from && n.end <= to).sort((x, y) => x.start - y.start)) {
    if (e.start < at) continue;
    gap += `${text.slice(at, e.start)}，`;
    at = e.end;
  }
  gap += text.slice(at, to);
  const last = [...gap.matchAll(new RegExp(UNNAMED_THING.source, "gu"))].at(-1)?.[0];
  if (!last) return null;
  const name = last.replace(BEFORE_THING, "");
  return HAN2.test(name) ? name : last;
}

/**
 * The topic of a sentence: the entity it opens with (虹桥枢纽位于…, 该中心总占地…), unless it is one of several
 * (A和B…) or only qualifies the real head (A的二期工程…).
 */
function topicOf(text: string, sent: { start: number; end: number }, named: readonly EntityMention[], action: string, ctx?: MilestoneContext): Subject | null {
  const opening = SENTENCE_LEAD.exec(text.slice(sent.start, sent.end))?.[0].length ?? 0;
  // 与之衔接的通苏嘉甬铁路、…, 与…同期推进的常泰长江大桥,: a modifier ending in 的 before the name is not the topic.
  const modifier = MODIFIER.exec(text.slice(sent.start + opening, sent.end));
  const modified = modifier ? named.find((n) => n.start === sent.start + opening + (modifier[0] as string).length && n.kind !== "region") : undefined;
  const lead = modified ? opening + (modifier?.[0].length ?? 0) : opening;
  const e = named.find((n) => n.start === sent.start + lead && (n.kind !== "region" || ZONE.test(n.name)));
  // 大桥全长…,2022年3月开工, 盐通高铁…,2018年5月开工: a short form of a name told before (its tail, or its
  // characters in order from the first) is that name.
  if (!e && ctx) {
    const short = shortFormReferent(text.slice(sent.start + lead, sent.end), named.filter((n) => n.end <= sent.start), ctx);
    if (short && (short.kind ? fitsTopic(short.kind, action) : BUILD_ACTIONS.has(action) || ORG_ACTIONS.has(action))) return { name: short.name, id: short.id };
  }
  // 元荡三期、蓝色珠链…、长湖申线黎里大桥改建工程等也在加紧推进,并将在年底完工: a list of projects closed by 等 is
  // the topic as a whole (one event of the list, named by its first member).
  const list = e ? projectList(text, e, named) : null;
  if (list && fitsTopic("project", action)) return list;
  // 南湖综合客运枢纽位于…: a facility the sentence introduces by where it lies, though no entity knows it
  // (金山铁路枢纽位于…: the entity 金山铁路 only qualifies it).
  const intro = INTRODUCED_THING.exec(text.slice(sent.start + lead, sent.end));
  if (intro && (!e || sent.start + lead + (intro[1] as string).length > e.end)) return BUILD_ACTIONS.has(action) || ORG_ACTIONS.has(action) ? { name: intro[1] as string, id: null } : null;
  if (!e || QUALIFIES.test(text.slice(e.end).replace(/^》/, "")) || !fitsTopic(e.kind, action)) return null;
  return { name: e.name, id: e.id };
}

/** A subject told in words that names a project or facility by its head noun. */
const PROJECT_HEAD = /(?:工程|项目|铁路|高铁|大桥|桥|公路|快速路|通道|隧道|枢纽|站)$/;
/** A modifier ending in 的 before a name (与之衔接的, 位于青浦的, 此次开工的): at most a short clause, no verb of its own told as an event. */
const MODIFIER = /^[^，,。；的]{1,16}的/;
/** A short name opening a sentence: up to the head noun of a facility or project (大桥, 二期工程, 盐通高铁). */
const SHORT_FORM = new RegExp(`^(?:该|这一|这座|这条|此次开工的|此次)?(\\p{Script=Han}{0,6}?(?:[一二三四五六七八九十]期)?(?:工程|项目|大桥|桥|铁路|高铁|城际|线|站|园区|园|中心|枢纽|通道|隧道|公路|快速路))(?=[^\\p{Script=Han}]|全长|总|位于|于|是|由|已|在|设计|规划|占地|建筑|项目|工程)`, "u");

/**
 * The name a short form opening a sentence stands for: the last plan, project or organization named before (in the
 * article or the paragraph), or the last subject of an event told in words, whose name ends with the short form
 * (大桥 → 康力大道—兴善路跨省大桥) or holds its characters in order from its first (盐通高铁 → 盐城至南通高速铁路).
 */
function shortFormReferent(opening: string, before: readonly EntityMention[], ctx: MilestoneContext): (Subject & { kind?: EntityMention["kind"] }) | null {
  const m = SHORT_FORM.exec(opening);
  const short = m?.[1];
  if (!short || [...short].length < 2) return null;
  const matches = (name: string) => name !== short && (name.endsWith(short) || ([...short].length >= 3 && name.startsWith(short[0] as string) && isAbbreviationOf(short, name)));
  const entity = [...(ctx.named ?? []), ...before].filter((e) => e.kind !== "region" && matches(e.name)).at(-1);
  if (entity) return { name: entity.name, id: entity.id, kind: entity.kind };
  const said = (ctx.subjects ?? []).filter((x) => matches(x.name)).at(-1);
  return said ?? null;
}

/** What may open a sentence before its topic: punctuation and connectives (与此同时, 此外, 其中). */
const SENTENCE_LEAD = /^(?:[\s“”"，,《]|与此同时|同时|此外|另外|其中|随后|目前)*/;

/** A list of projects (A、B、C等, A、B等工程) opening at entity `e`, as one subject; null when `e` opens no such list. */
function projectList(text: string, e: EntityMention, named: readonly EntityMention[]): Subject | null {
  if (e.kind !== "project") return null;
  let last = e;
  let count = 1;
  for (;;) {
    const sep = /^(?:、|和|及|与|等(?:工程|项目)、)/.exec(text.slice(last.end));
    const next = sep ? named.find((n) => n.start === last.end + (sep[0] as string).length && n.kind === "project") : undefined;
    if (!next) break;
    last = next;
    count++;
  }
  const close = /^等(工程|项目)?/.exec(text.slice(last.end));
  if (count >= 2 && close) return { name: `${e.name}等${close[1] ?? ""}`, id: null };
  // 通苏嘉甬铁路、沪苏嘉城际铁路正在加快建设: a list without 等 is the projects it lists, as one subject.
  return count >= 2 && !/^(?:的|之|[、和及与])/.test(text.slice(last.end)) ? { name: text.slice(e.start, last.end), id: null } : null;
}

/**
 * The subject of an earlier clause of the sentence a zero-subject clause continues (话题链): 其/它 opening it is the
 * nearest thing named before (…来到地铁西岑站,其完成建设后…,预计2024年底前实现投运); an entity opening it is that entity.
 */
function clauseTopic(text: string, sent: { start: number; end: number }, clauseStart: number, names: readonly EntityMention[], named: readonly EntityMention[], action: string): Subject | null {
  for (let at = clauseStart - 1, hops = 0; at > sent.start && hops < 2; hops++) {
    const prev = clauseAround(text, at - 1, sent.start, sent.end);
    const lead = prev.start + (/^[\s“”"，,]*/.exec(text.slice(prev.start, prev.end))?.[0].length ?? 0);
    if (/^(其|它)(?![中他余实次])/.test(text.slice(lead))) {
      const thing = unnamedThingBefore(text, sent.start, lead, names);
      const entity = named.filter((n) => n.end <= lead && n.start >= sent.start && n.kind !== "region").at(-1);
      if (thing && (!entity || text.lastIndexOf(thing, lead) > entity.end)) return BUILD_ACTIONS.has(action) || ORG_ACTIONS.has(action) ? { name: thing, id: null } : null;
      return entity && fitsTopic(entity.kind, action) ? { name: entity.name, id: entity.id } : null;
    }
    // 水乡客厅另一标志性项目方厅水院,则计划于…竣工: a clause that is only a noun phrase is about the name it ends with.
    const head = named.find((n) => n.end === prev.end && n.start > lead && n.kind !== "region");
    if (head && !findActions(text, prev.start, prev.end, names).length && fitsTopic(head.kind, action)) return { name: head.name, id: head.id };
    const e = named.find((n) => n.start === lead && (n.kind !== "region" || ZONE.test(n.name)));
    if (e) return !QUALIFIES.test(text.slice(e.end)) && fitsTopic(e.kind, action) ? { name: e.name, id: e.id } : null;
    at = prev.start - 1;
  }
  return null;
}

/** A topic continues only into an action it can undergo: a plan is not built or unveiled, a body or zone not approved. */
function fitsTopic(kind: EntityMention["kind"], action: string): boolean {
  if (BUILD_ACTIONS.has(action) || ORG_ACTIONS.has(action)) return kind !== "plan";
  if (DOC_ACTIONS.has(action)) return kind === "plan" || kind === "project";
  return kind === "plan" || kind === "project" || kind === "organization";
}

/** 于2024年10月14日正式启用: nothing but times, prepositions and adverbs before the verb (a zero subject). */
function bareBefore(text: string, from: number, verbStart: number, anchors: readonly Anchor[]): boolean {
  let rest = "";
  let at = from;
  for (const a of anchors) {
    if (a.start < from || a.end > verbStart) continue;
    rest += text.slice(at, a.start);
    at = a.end;
  }
  rest += text.slice(at, verbStart);
  // 并将在年底完工, 预计2024年底前实现投运: future markers and auxiliaries are no subject either.
  return rest.replace(LEADING_NOISE, "").replace(/(起|底前|底|初|末|中旬|上旬|下旬|以来|前后|预计|计划|力争|争取|有望|即将|可望|实现|将|在|于|前)/g, "").replace(LEADING_NOISE, "") === "";
}

// ---------- the paragraph ----------

/**
 * Events of one paragraph. `dates` are the paragraph's dates (resolved against `ctx.published`), `entities`
 * its entity mentions. Restatements inside the paragraph are merged by `mergeMilestones`.
 */
export function findMilestones(text: string, paragraph: number, dates: DateMatch[], entities: EntityMention[], ctx: MilestoneContext): Milestone[] {
  const out: Milestone[] = [];
  const names = entities.filter((e) => e.kind !== "date");
  const named = names.filter((e) => e.kind === "plan" || e.kind === "project" || e.kind === "organization" || e.kind === "region");
  let previous: { start: number; end: number } | null = null;
  // The day of the last done event of the sentence before (for 还/同步…), and the date a colon's list is told under.
  let previousDay: string | null = null;
  let listAnchor: Anchor | null = null;
  for (const sent of sentences(text)) {
    const before = previous;
    previous = sent;
    const dayBefore = previousDay;
    previousDay = null;
    const list: Anchor | null = listAnchor;
    listAnchor = null;
    const anchors = anchorsOf(text, dates, sent.start, sent.end, paragraph, ctx);
    const actions = findActions(text, sent.start, sent.end, names);
    if (anchors.length === 0) {
      const meeting = meetingAnchor(text, sent, paragraph, ctx);
      // 九市还共同签署了…, …平台同步上线: told as also done, right after a sentence dated to the day, on that day.
      const also = dayBefore ? actions.find((a) => ALSO_BEFORE.test(text.slice(sent.start, a.start)) && !FUTURE.test(maskNouns(text.slice(sent.start, a.start)))) : undefined;
      const start = also ? sent.start + (ALSO_BEFORE.exec(text.slice(sent.start, also.start))?.index ?? 0) : sent.start;
      const carried = meeting ?? (also && dayBefore ? { start, end: start, value: dayBefore, precision: "day" as const, endValue: null, lead: null, from: false, only: clauseAround(text, also.start, sent.start, sent.end) } : null) ?? (list ? { ...list, start: sent.start, end: sent.start } : null);
      if (!carried) continue;
      anchors.push(carried);
    }
    // 20日迎来两件大事:上午,…揭牌;下午,…开工: the items of a list after a colon share the date told before it.
    const colon = text.slice(sent.start, sent.end).search(/[：:]/);
    if (colon >= 0 && /[；;]\s*$/.test(text.slice(sent.start, sent.end))) listAnchor = anchors.filter((a) => a.end <= sent.start + colon && a.value).at(-1) ?? null;
    else if (list && /[；;]\s*$/.test(text.slice(sent.start, sent.end)) && anchors.every((a) => a.start === sent.start && a.end === sent.start)) listAnchor = list;
    // "…揭牌,标志着…正式成立": what follows 标志着 restates the event.
    const marks = text.slice(sent.start, sent.end).search(/标志着|意味着/);
    const restated = marks >= 0 ? sent.start + marks : Infinity;
    const found: (Milestone & { rank: number; ceremony: boolean; start: number })[] = [];
    actions.forEach((verb, k) => {
      if (verb.start > restated && found.length > 0) return;
      const clause = clauseAround(text, verb.start, sent.start, sent.end);
      // The anchor: one in the verb's clause (either side), else the nearest before it in the sentence.
      // 根据《纲要》(2019年12月),示范区启动…: a date in brackets is the bracketed name's or document's, and dates only
      // a verb inside the same brackets (《方案》(2019年10月印发)).
      const outside = (a: Anchor) => {
        const b = a.end > a.start ? bracketAround(text, a.start, a.end, sent.start, sent.end) : null;
        return !b || (verb.start >= b.start && verb.end <= b.end);
      };
      const own = anchors.filter((a) => a.start >= clause.start && a.end <= clause.end && outside(a));
      // An earlier clause lends its date only when it is a leading time clause (5月23日上午,…) or when the verb's
      // clause has no date of its own (2010年世博会前投入使用 has one, even if it is part of a name).
      const lenders = anchors.filter((a) => a.end <= clause.start && outside(a) && (isLeading(text, a, sent.start) || !dates.some((d) => d.start >= clause.start && d.end <= clause.end)));
      // A date after the verb dates it only as 成立于2016年 (于/在 right after the verb); otherwise (公布了2019年中期
      // 业绩报告, 举办了2019年…大赛) it is the period or name of the object, and only a time clause before it (近日,…)
      // dates the event.
      const ownAfter = own.find((a) => a.start >= verb.end);
      // A ceremony's date follows it (开工仪式今天举行, 启动仪式昨天下午启动).
      const after于 = ownAfter && (verb.ceremony || /^(于|在)$/.test(text.slice(verb.end, ownAfter.start))) ? ownAfter : undefined;
      const anchor = own.filter((a) => a.end <= verb.start).at(-1) ?? after于 ?? lenders.at(-1);
      if (!anchor || (anchor.only && (verb.start < anchor.only.start || verb.start >= anchor.only.end))) return;
      // 首期项目于2023年4月动工,…,已吸引多家企业签约入驻: a clause told as already so, with the date of another event
      // clause before it, is the state at publication, not an event of that date.
      if (anchor.end <= clause.start && !isLeading(text, anchor, sent.start) && /已/.test(text.slice(clause.start, verb.start))) return;
      // The subject is looked for in the verb's clause, after the previous verb.
      const prev = actions[k - 1];
      const subjFrom = prev && prev.end > clause.start ? prev.end : clause.start;
      let status = statusOf(text, clause.start, verb.start, text.slice(verb.start, verb.end), anchor, ctx, sent.end);
      // 将于3月开工,12月底完工: a clause with no subject of its own continues the schedule told just before it.
      if (status === "done" && clause.start > sent.start && bareBefore(text, clause.start, verb.start, anchors) && !/已/.test(text.slice(clause.start, verb.start))) {
        const told = clauseAround(text, clause.start - 2, sent.start, sent.end);
        const scheduled = findActions(text, told.start, told.end, names)[0];
        if (scheduled && FUTURE.test(maskNouns(text.slice(told.start, scheduled.start)))) status = "planned";
      }
      if (status === "cumulative") return;
      // 12月28日,…顺利封顶 in a March article: told as done, yet the publication's year would put it in the future, so
      // the year is not this year's and the page does not say which: undated, not planned.
      const guessedYear = status === "planned" && anchor.lead === null && !anchor.from && BARE_MONTH_ANCHOR.test(text.slice(anchor.start, anchor.end)) &&
        !FUTURE.test(maskNouns(text.slice(clause.start, verb.start))) &&
        (DONE_BEFORE.test(text.slice(clause.start, verb.start)) || /^了/.test(text.slice(verb.end)) || lede(text, paragraph, sent.start, anchor));
      if (guessedYear) status = "done";
      // 2021—2025年,…将建成 / 2022年6月至8月,…完成铺轨: a period of months or years is when a plan runs or a work went on,
      // not the day of one event: a target is due by its end; a done event (other than a meeting held over days) has
      // no date the page gives.
      const period = !!anchor.endValue && anchor.endValue !== anchor.value && (anchor.precision === "year" || anchor.precision === "month");
      // 是中国首个由…共同发起的大奖, 根据国务院印发的《方案》, 对公安部下发的线索: a verb in a description or in a
      // prepositional phrase's modifier (…V的 + noun) is background to the sentence, and the sentence's date is not
      // its date; it is an event only with a date of its own inside the modifier (根据国务院2019年印发的《方案》).
      // 这是该线路首座完成主体结构施工的车站: a clause opening with a copula describes (the verb and its object
      // modify the noun after 的), whatever its date.
      const background = /^的/.test(text.slice(verb.end))
        ? BACKGROUND_BEFORE.exec(text.slice(clause.start, verb.start))
        : COPULA_OPEN.test(text.slice(clause.start, verb.start)) && /^[^，,。；]{0,12}?的/.test(text.slice(verb.end, clause.end))
          ? { index: 0 }
          : null;
      if (background && anchor.start < clause.start + background.index) return;
      // The last clause of a paragraph the page cut off (…九城市人大工作交): what the event is about is lost.
      if (ctx.cut && clause.end >= text.length) return;
      if (HYPOTHETICAL.test(text.slice(sent.start, verb.start)) || SPECULATIVE.test(text.slice(clause.start, verb.start))) return;
      if (WELCOMED.test(text.slice(clause.start, verb.start)) || URGED.test(text.slice(clause.start, verb.start))) return;
      // 考生须在规定时间内完成报名: an instruction to readers, not an event.
      if (INSTRUCTED.test(text.slice(clause.start, verb.start))) return;
      // 每年的11月1日,…都会举行…: a recurring occasion has no one date (2018年起…每年举办: the series starts on the date).
      if (HABITUAL.test(text.slice(Math.max(sent.start, anchor.start - 3), anchor.start)) || (!anchor.from && HABITUAL.test(text.slice(clause.start, verb.start)))) return;
      // 这是今年第3次发布寒潮预警: a copula counting the event the page told is no event of its own.
      if (COPULA_OPEN.test(text.slice(clause.start, verb.start)) && COUNTED_BEFORE.test(text.slice(clause.start, verb.start))) return;
      // 发布消息称, 会上表示: a statement reported, not an event.
      if (REPORTED.test(text.slice(verb.end, clause.end)) || REPORTED.test(text.slice(clause.start, verb.start))) return;
      // 启动应急响应, 启动疏散程序: an emergency procedure set going is an operation, not a milestone.
      if (verb.id === "启动" && /^了?[^，,。；]{0,10}(应急|预案|响应|疏散|程序|警报|预警)/.test(text.slice(verb.end, clause.end))) return;
      // 完成246亿元, 完成了千亿目标: a quantity reached is a figure.
      // 随着最后一方混凝土浇筑完成,…主塔顺利封顶: the step that comes with the sentence's event is not one.
      if (ACCOMPANYING.test(text.slice(clause.start, verb.start)) && actions.slice(k + 1).some((a) => a.start >= clause.end)) return;
      // 今年将开工一批标志性项目, 完成了一系列“首次”: an unnamed set of projects or firsts is no subject.
      if ((BUILD_ACTIONS.has(verb.id) || verb.id === "完成") && UNNAMED_SET.test(text.slice(verb.end, clause.end))) return;
      // 会议作出决定,在执委会下增设…部: what a decision just told says is its content, not another event.
      if (clause.start > sent.start && DECIDED_BEFORE.test(text.slice(sent.start, clause.start))) return;
      // 三省一市人大常委会分别召开会议: several sessions, none of them a named meeting.
      if (verb.id === "举行" && EACH_HELD.test(text.slice(clause.start, verb.start)) && /^了?会议/.test(text.slice(verb.end))) return;
      // 完成沿线20公里生态护岸改造: a work finished, whatever its size, is an event.
      const done = text.slice(verb.end, clause.end);
      if (verb.id === "完成" && /\d|[一二三四五六七八九十百千万亿]+(元|单|个|项|%)|目标|任务|指标|融资|销售/.test(done) && !WORK_DONE.test(done)) return;
      // 2023年是示范区完成…的关键一年: a description of the year, not an event.
      if (/是[^，,。；]*的?(关键|重要|开局|收官|决胜|攻坚)?(一年|之年)/.test(text.slice(clause.start, clause.end)) && /是/.test(text.slice(clause.start, verb.start))) return;
      // 2024年是示范区挂牌以来的第五个年头: the date is what the copula describes, the period's start (挂牌以来) is
      // not of that date; a since-clause is dated only by a date of its own (自2019年11月揭牌以来).
      if (/^(?:成立|设立)?以来/.test(text.slice(verb.end)) && anchor.end <= verb.start && /是/.test(text.slice(anchor.end, verb.start))) return;
      // 2023年,示范区执委会挂牌以来持续…, 此前…揭牌至今: a since-clause's event is older than any date told around it;
      // only a date of its own clause, right before the verb, dates it (自2019年11月揭牌以来). Otherwise it stays on the
      // article undated.
      const since = SINCE_AFTER.test(text.slice(verb.end, clause.end)) && !(anchor.start >= clause.start && anchor.end <= verb.start);
      // A clause without a subject of its own continues the event before it (审议通过《规定》,自10月1日起施行).
      const last = found.at(-1);
      let subject = resolveSubject(text, clause, subjFrom, verb, anchors, named, ctx) ?? (last?.subject ? { name: last.subject, id: last.subjectId } : null);
      // 自2019年11月揭牌成立以来,示范区…: a time clause's subject is the main clause's.
      // 虹桥枢纽位于闵行区,于2010年建成 / …。于2024年10月14日正式启用: a clause with no subject at all (only a
      // date and the verb) continues the entity the sentence, or else the sentence before, opens with.
      if (!subject && bareBefore(text, clause.start, verb.start, anchors)) {
        const topic = clause.start > sent.start ? (topicOf(text, sent, named, verb.id, ctx) ?? clauseTopic(text, sent, clause.start, names, named, verb.id)) : null;
        if (topic) subject = topic;
        else if (before && bareBefore(text, sent.start, verb.start, anchors)) subject = topicOf(text, before, named, verb.id, ctx);
        // 该工程串联…,计划于…完工: a sentence opening with a short reference is about what it refers to.
        const opener = subject ? null : /^[\s“”"]*(?:该|这一|这个|此|上述|这项|这条|这座)(项目|工程|线路|规划|方案|纲要|中心|平台|机构)/.exec(text.slice(sent.start, verb.start));
        const kind = opener ? SHORT_REF_KIND[opener[1] as string] : undefined;
        const referent = kind ? (named.filter((e) => e.kind === kind && e.end <= sent.start).at(-1) ?? ctx.last[kind]) : undefined;
        if (referent && kind && fitsTopic(kind, verb.id)) subject = { name: referent.name, id: referent.id };
        // 该项目 after a project the article names only in words (…对接工程正式通车): the last such subject told.
        const said = kind === "project" && !referent && BUILD_ACTIONS.has(verb.id) ? ctx.subjects?.filter((x) => PROJECT_HEAD.test(x.name)).at(-1) : undefined;
        if (said) subject = said;
      }
      if (!subject && /(以来|之际|之初)$/.test(text.slice(clause.start, clause.end))) {
        const next = clauseAround(text, Math.min(clause.end + 1, sent.end), sent.start, sent.end);
        const e = named.find((n) => n.start >= next.start && n.end <= next.end && (n.kind !== "region" || ZONE.test(n.name)));
        if (e) subject = { name: e.name, id: e.id };
      }
      if (!subject) return;
      const ents = named.filter((e) => e.kind !== "region" && e.start >= clause.start && e.end <= clause.end);
      // The subject first, then the other names of the clause in order.
      const byId = new Map<string, string>(subject.id ? [[subject.id, subject.name]] : []);
      for (const e of ents) if (!byId.has(e.id)) byId.set(e.id, e.name);
      const sentence = text.slice(sent.start, sent.end).trim();
      // 今年9月,阿里巴巴收购考拉,其后京东…宣布: an event told as after the date (其后, 此后, 后来) is not of that date.
      const later = since || guessedYear || (period && status === "done" && verb.id !== "举行") || (anchor.end <= verb.start && LATER.test(text.slice(anchor.end, verb.start)));
      const dated = period && status === "planned" ? [{ ...anchor, value: anchor.endValue, precision: precisionOf(anchor.endValue as string), endValue: null }] : coordinated(text, anchors, anchor);
      for (const a of later ? [{ ...anchor, value: null, endValue: null }] : dated) {
        found.push({
          date: a.value,
          dateEnd: a.endValue,
          precision: a.value ? a.precision : null,
          action: verb.id,
          status,
          subject: subject.name,
          subjectId: subject.id,
          objects: [...byId.values()].filter((n) => n !== subject.name),
          event: text.slice(clause.start, clause.end).replace(/^[，,。；\s]+|[，,。；\s]+$/g, "").slice(0, 160),
          sentence: sentence.slice(0, 300),
          entities: [...byId.values()],
          entityIds: [...byId.keys()],
          paragraph,
          rank: actionRank(verb.id),
          ceremony: verb.ceremony,
          start: verb.start,
        });
      }
    });
    // One event told with two verbs: 开工仪式…举行, 宣布…启动: the more specific action names it.
    const kept = found.filter((m) => {
      // 完成主体结构合龙, 完成竣工验收: 完成 with a more specific action later in its clause is that action.
      if (m.action === "完成" && found.some((o) => o.rank > m.rank && o.date === m.date && o.start > m.start && !/[，,；;]/.test(text.slice(m.start, o.start)))) return false;
      if (m.rank > 0) return true;
      const specific = found.some((o) => o !== m && o.rank > m.rank && o.date === m.date && (o.ceremony || m.action === "宣布" || !MEETING.test(m.subject ?? "") || (m.subject ?? "").endsWith("仪式")));
      return !specific;
    });
    // 启动仪式…启动: the same action on the same date in one sentence is one event (unless two named subjects).
    const once: typeof kept = [];
    for (const m of kept) {
      const i = once.findIndex((o) => o.action === m.action && o.date === m.date && !(o.subjectId && m.subjectId && o.subjectId !== m.subjectId));
      const o = once[i];
      if (!o) {
        once.push(m);
        continue;
      }
      // Keep the report that names a known subject, with the entities of both.
      const best = !o.subjectId && m.subjectId ? m : o;
      const ids = new Map([...o.entityIds.map((id, k) => [id, o.entities[k] as string] as const), ...m.entityIds.map((id, k) => [id, m.entities[k] as string] as const)]);
      once[i] = { ...best, entityIds: [...ids.keys()], entities: [...ids.values()], objects: [...ids.values()].filter((n) => n !== best.subject) };
    }
    for (const { rank: _r, ceremony: _c, start: _s, ...m } of once) {
      out.push(m);
      if (m.subject) (ctx.subjects ??= []).push({ name: m.subject, id: m.subjectId });
      if (m.status === "done" && m.precision === "day") previousDay = m.date;
      if (m.status !== "done" || !m.date) continue;
      if (m.precision === "day") ctx.lastDay = { value: m.date, paragraph };
      // Not an event opening a since-clause (自2021年2月…批复以来): the period, not its start, is what the passage tells.
      if ((m.precision === "day" || m.precision === "month") && !/以来|至今|迄今/.test(m.event)) ctx.lastMonth = { value: m.date.slice(0, 7), paragraph };
      if (m.action === "举行" && m.precision) {
        ctx.lastMeeting = { value: m.date, precision: m.precision, paragraph, ...(m.subject ? { name: m.subject } : {}) };
        if (!ctx.newestMeeting || m.date > ctx.newestMeeting) ctx.newestMeeting = m.date;
      }
    }
  }
  return out;
}

/** The issuing of a document: 印发 and 发布 of one document on one day are one event. */
const ISSUED = new Set(["印发", "发布"]);
const norm = (s: string | null) => (s ?? "").replace(/[《》“”"\s·()（）]/g, "");
/** Two subjects name the same thing: the same entity, or one name containing the other (or, unless strict, sharing an entity). */
function sameSubject(a: Milestone, b: Milestone, strict = false): boolean {
  if (a.subjectId && b.subjectId) return a.subjectId === b.subjectId;
  const x = norm(a.subject);
  const y = norm(b.subject);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x) || (!strict && a.entityIds.some((id) => b.entityIds.includes(id))));
}

/** Two single dates where one is a prefix of the other (2021-02 and 2021-02-22): compatible, at different precisions. */
function refines(a: Milestone, b: Milestone): boolean {
  if (!a.date || !b.date || a.date === b.date || a.dateEnd || b.dateEnd) return false;
  return a.date.startsWith(b.date) || b.date.startsWith(a.date);
}

/**
 * One event is one milestone within an article: the same action on the same date (or both undated) about the
 * same subject, told in the title and the body or restated (also at two precisions, 2021年2月 and 2021年2月22日:
 * the more precise date is kept), is kept once: `done` over `planned` (a schedule
 * the article also reports as done), the one with an entity id, then the richer.
 */
export function mergeMilestones(ms: readonly Milestone[]): Milestone[] {
  const out: Milestone[] = [];
  for (const m of ms) {
    // The title restates the body: the same action on the same date is the same event, whatever words name it.
    let i = out.findIndex((o) => o.action === m.action && o.date === m.date && (sameSubject(o, m) || ((o.paragraph < 0 || m.paragraph < 0) && o.date !== null)));
    // 2021年2月…批复 and later 2021年2月22日…批准: one event told at two precisions is one milestone.
    // Only the same subject counts here (one entity, or one name inside the other), not a shared place or body.
    if (i < 0) i = out.findIndex((o) => o.action === m.action && o.status === m.status && refines(o, m) && sameSubject(o, m, true));
    // 示范区首部共同立法明年起施行 (title) and 将自2023年1月1日起施行 (body): the title restates the body's event at a coarser precision.
    if (i < 0) i = out.findIndex((o) => o.action === m.action && o.status === m.status && refines(o, m) && (o.paragraph < 0 || m.paragraph < 0));
    // 联合印发《规划》 and later 规划联合发布仪式 on the same day: one document issued, told with two of its verbs.
    if (i < 0) {
      const j = out.findIndex((o) => ISSUED.has(o.action) && ISSUED.has(m.action) && o.action !== m.action && o.status === m.status && o.date !== null && o.date === m.date && sameSubject(o, m, true));
      const first = out[j];
      if (first) {
        out[j] = { ...first, entityIds: [...new Set([...first.entityIds, ...m.entityIds])], entities: [...new Set([...first.entities, ...m.entities])] };
        continue;
      }
    }
    const o = out[i];
    if (!o) {
      out.push(m);
      continue;
    }
    const better = (m.status === "done" && o.status === "planned") || (!o.subjectId && !!m.subjectId) || (m.status === o.status && !!m.subjectId === !!o.subjectId && m.entityIds.length > o.entityIds.length);
    const kept = better ? { ...m, paragraph: o.paragraph < m.paragraph && o.paragraph >= 0 ? o.paragraph : m.paragraph } : o;
    // The more precise date wins whichever report names the event better.
    const precise = (m.date?.length ?? 0) > (o.date?.length ?? 0) ? m : o;
    out[i] = { ...kept, date: precise.date, dateEnd: precise.dateEnd, precision: precise.precision };
  }
  return out;
}

/**
 * Identity of an event across articles: action + subject + date. Two reports are one milestone only when
 * they agree on all three; a subject without an entity id (a meeting's words) is compared by its text, so
 * unrelated events of one day (a contest in one place, a ceremony in another) never share a key.
 */
export function milestoneKey(m: Pick<Milestone, "date" | "action" | "subjectId" | "subject" | "status">): string {
  return `${m.date ?? "undated"}|${m.action}|${m.status}|${m.subjectId ?? `text:${norm(m.subject)}`}`;
}
