import { confirmsShortHeadline, ISSUE_CREDIT, LABEL_RE, NAV_SEPARATORS, PAPER_CREDIT, POST_FOOTER, POSTED_LINE, REPORTER_CREDIT, SLASH_BYLINE, splitTitleSuffix, textKey } from "./junk";
import { normalizeText } from "./normalize";
import { calendarDate, type IsoDate } from "../domain/dates";
import { parseDate, REPOST, REPOST_MARK, REPRINT_CREDIT } from "../extract/dates";
import type { CleanedArticle, Sidecar } from "./types";

export type ArticleMetadata = Pick<
  CleanedArticle,
  "title" | "published" | "publishedPrecision" | "publishedText" | "site" | "source" | "reprint" | "author" | "editor" | "url"
> & {
  /** A page address given (sidecar, canonical, og:url) but not stored: not an absolute http(s) URL. */
  refusedUrl?: string;
};

/**
 * A page address as stored: an absolute http(s) URL, kept as written (the article id is derived from it), else null.
 * `javascript:`, `data:`, `vbscript:`, `file:` and relative addresses are never stored, so nothing downstream can
 * make a link of them.
 */
export function storableUrl(value: string | null): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (!value || !/^https?:\/\//i.test(value) || /[\s\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === "http:" || protocol === "https:") && hostname ? value : null;
  } catch {
    return null;
  }
}

export interface MetadataInput {
  /** Title candidates, best first (HTML: og:title, h1, <title>; text: the title line). Raw or normalized. */
  titleCandidates: string[];
  /** Lines around the title: dates, bylines, sources (normalized). */
  headerLines: string[];
  /** Labelled lines from the body and the footer (来源:…, 编辑:…, 原标题:…, 《人民日报》). */
  metaLines: string[];
  /** First body paragraph that is more than a heading, for a page without any title. */
  firstParagraph: string | null;
  /** The whole body (normalized): a month-day dateline gets its year only from a year the body itself states. */
  bodyText?: string;
  /** HTML meta tags by lowercased name/property, plus "canonical". */
  meta?: Record<string, string>;
  sidecar?: Sidecar;
  /** The issue date an e-paper prints above the article (2012年3月5日): used only when the page states no other date. */
  issueDate?: string;
}

/*
 * Decisions:
 * - Dates are never invented. A day without a year (02-24) stays text in `publishedText`; relative ages (2个月前) are
 *   ignored. Order: HTML meta tags, a labelled date (发布日期:), any date in the lines around the title (a date split
 *   over lines, 2023 / 12-09, is joined first), a newspaper credit 《…报》(2024年01月17日 03 版), and last a date
 *   spelled out in the URL path (/2019-10/31/, t20190307_, _2022_07_13_).
 * - `author` comes only from a labelled byline (作者:, 记者 X). A bare user handle next to the date (zjshzq on a
 *   360doc personal-library page, admin on a copy site) names whoever reposted the page, not who wrote it, so it is
 *   not an author; the original publisher of a reprint is `source` (来源:浙江发改).
 * - `editor` comes from 编辑/责任编辑 labels; failing that, a photographer credit next to the title (顾雨婷 摄).
 *   Credits under images inside the body are captions and are dropped with them.
 * - `source` is dropped when it names the hosting site itself or a spam brand.
 */

function validDay(y: number, m: number, d: number): boolean {
  return calendarDate(y, m, d)?.precision === "day";
}

export type ParsedDate = IsoDate;
export { parseDate };

/** A month-day written without a year ("02-24", "12月9日"), as written. */
function partialDate(text: string): string | null {
  const m = /(?<![\d-/.])(\d{1,2})\s*([-/月])\s*(\d{1,2})日?(?![\d:])/.exec(text);
  if (!m) return null;
  const [mo, d] = [Number(m[1]), Number(m[3])];
  return validDay(2000, mo, d) ? m[0].trim() : null;
}

/** Dates in URL paths: /2019-10/31/, /2024/06/28/, t20190307_, /2022/0929/, _2022_07_13_. */
export function dateFromUrl(url: string | null | undefined): ParsedDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|[/_t-])((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?=[/_.-])/.exec(path);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = calendarDate(y, mo, d);
  return date?.precision === "day" ? date : null;
}

/** Labelled values in a line: "时间:2024-07-29 来源:建筑时报 分享:" → [["时间","2024-07-29"],["来源","建筑时报"],["分享",""]]. */
export function labelledValues(line: string): [string, string][] {
  const found = [...line.matchAll(LABEL_RE)];
  return found.map((m, k) => {
    const start = m.index + m[0].length;
    const end = found[k + 1]?.index ?? line.length;
    return [m[1]!, line.slice(start, end).replace(/^[\s\]】)]+|[\s\]】)[(【]+$/g, "").trim()];
  });
}

/** Words that follow a value on the same line but belong to the page's buttons: 新华社 举报, 千龙新闻网 发表评论. */
const VALUE_STOP = /^(发表评论|查看评论|网友评论|我要评论|我来说两句|评论|举报|打印|分享|收藏|字号|字体|点击|浏览|阅读|返回|第\d+页|\d+条?$)/;

/** Cut a value at the first sentence or field break and at trailing buttons: "上观新闻。//本文由…" → "上观新闻". */
function firstField(value: string): string {
  const head = value.split(/[。;,、|/:]/)[0] ?? "";
  const kept: string[] = [];
  for (const token of head.trim().split(/\s+/)) {
    if (!token || VALUE_STOP.test(token)) break;
    kept.push(token);
  }
  return kept.join(" ").replace(/^[[【(]+|[\]】)]+$/g, "").replace(/[\s.]+$/, "").trim();
}

/** Not a publisher: "转载文章", "本站原创", markup leftovers. */
const NOT_A_SOURCE = /^(转载|转载文章|原创|本站原创|本站|本网|网络|互联网|未知|佚名|网友|综合|不详)$/;

function validSource(v: string): boolean {
  return v.length >= 2 && v.length <= 30 && !/[="<>{}]|^https?:/.test(v) && !NOT_A_SOURCE.test(v);
}

/** Leading tokens that look like names (2–5 Han characters or Latin words): "赵婕 出自[人民文学出版社" → "赵婕". */
function names(value: string): string | null {
  const kept: string[] = [];
  for (const token of firstField(value).split(/\s+/)) {
    if (!/^(\p{Script=Han}{1,5}|[A-Za-z][A-Za-z.'-]*)$/u.test(token)) break;
    kept.push(token);
  }
  const joined = kept.join(" ");
  return joined && /\p{Script=Han}|[A-Za-z]{2}/u.test(joined) ? joined : null;
}

const PUBLISHED_META_KEYS = [
  // What a site profile's date selector found (profiles.ts): the template's own date line.
  "profile:published",
  "article:published_time", "og:article:published_time", "published_time", "og:published_time", "og:release_date",
  "pubdate", "publishdate", "publish_date", "publish-date", "publishtime", "publish_time", "firstpublishedtime",
  "datepublished", "date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.issued", "sailthru.date",
  "parsely-pub-date", "weibo:article:create_at", "created",
  // Structured data (html.ts structuredDate), after every meta tag: JSON-LD datePublished / pubDate, an
  // itemprop=datePublished element. A page's meta tags speak for its article; a JSON-LD block or a marked element
  // may belong to a related item.
  "ld:datepublished",
];
const DATE_LABELS = new Set(["发布时间", "发布日期", "发表时间", "发表日期", "发布于", "时间", "日期", "更新时间", "更新于", "刊登日期", "刊登时间", "出刊日期", "发稿时间", "最后更新", "最后更新时间", "最后更新日期", "更新日期"]);
const SOURCE_LABELS = new Set(["文章来源", "信息来源", "稿件来源", "新闻来源", "本文来源", "来源于", "来源是", "来源", "稿源", "出处"]);
const AUTHOR_LABELS = new Set(["本文作者", "作者", "撰稿", "撰文", "记者"]);
const EDITOR_LABELS = new Set(["责任编辑", "栏目编辑", "值班编辑", "编辑", "责编", "编审"]);
const SPAM = /千赢|永利|快乐十分|彩票|博彩|娱乐城|官网入口/;

/** The first value under one of `labels` that `pick` accepts. */
function firstLabelled<T>(labelled: [string, string][], labels: Set<string>, pick: (value: string) => T | null): T | null {
  for (const [label, value] of labelled) {
    if (!labels.has(label)) continue;
    const v = pick(value);
    if (v) return v;
  }
  return null;
}

interface Resolved {
  published: ParsedDate | null;
  publishedText: string | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** Dec 28 Sat 2013 00:28, Saturday, September 10th, 2005, 10 September 2005 (blog and English-template pages). */
const ENGLISH_DATE =
  /\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?((?:19|20)\d{2})|(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d{2}))\b/i;

function englishDate(text: string): ParsedDate | null {
  const m = ENGLISH_DATE.exec(text);
  if (!m) return null;
  const [mon, day, year] = m[1] ? [m[1], m[2], m[3]] : [m[5], m[4], m[6]];
  const date = calendarDate(Number(year), MONTHS.indexOf(mon!.toLowerCase()) + 1, Number(day));
  return date?.precision === "day" ? date : null;
}

/** 发布时间:18-03-08 23:16: a labelled two-digit year (baidu, some CMSs) is 20YY. */
function shortYearDate(value: string): ParsedDate | null {
  const m = /^(\d{2})-(\d{1,2})-(\d{2})(?=\d{1,2}:|\s|$)/.exec(value.trim());
  if (!m) return null;
  const date = calendarDate(2000 + Number(m[1]), Number(m[2]), Number(m[3]));
  return date?.precision === "day" ? date : null;
}

/**
 * 7/5/2005 9:23:57 PM: the month/day/year an ASP.NET site prints in its US default. Only with AM/PM, which only the
 * US-style format carries; a bare 06/02/2022 (day first on a French site) stays unread.
 */
const US_DATETIME = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M\b/i;

function usDate(text: string): ParsedDate | null {
  const m = US_DATETIME.exec(text);
  const date = m ? calendarDate(Number(m[3]), Number(m[1]), Number(m[2])) : null;
  return date?.precision === "day" ? date : null;
}

/** ——《北京之春》1998年3月号: the issue a reprinted essay closes with gives its month (a 第N期 issue, only its year). */
function issueCreditDate(lines: string[]): ParsedDate | null {
  for (const line of lines) {
    const m = ISSUE_CREDIT.exec(line);
    if (!m) continue;
    const date = m[2] ? calendarDate(Number(m[1]), Number(m[2])) : calendarDate(Number(m[1]));
    if (date) return date;
  }
  return null;
}

/** A wire dateline in the lede: 新华社北京3月5日电, 本报上海9月29日电, 中评社北京3月22日电. */
const DATELINE = /(?:^|[社报网台讯])\s*\p{Script=Han}{0,6}?(\d{1,2})月(\d{1,2})日\s*(?:电|讯|消息)/u;
/** The body stating which year it is: 2021年是"十四五"开局之年, 今年是2019年. */
const STATED_YEAR = /((?:19|20)\d{2})年(?:是|为)[^。!?]{0,40}?(?:之年|元年|开局年|收官年)|今年是((?:19|20)\d{2})年/g;

/** The one year the body states as the current one, or null (none, or several). */
function statedYear(body: string): number | null {
  const years = new Set([...body.matchAll(STATED_YEAR)].map((m) => Number(m[1] ?? m[2])));
  return years.size === 1 ? [...years][0]! : null;
}

function resolvePublished(input: MetadataInput, labelled: [string, string][]): Resolved {
  for (const key of PUBLISHED_META_KEYS) {
    const d = parseDate(input.meta?.[key] ?? "");
    if (d) return { published: d, publishedText: null };
  }
  const d =
    firstLabelled(labelled, DATE_LABELS, (v) => parseDate(v) ?? shortYearDate(v) ?? usDate(v)) ??
    parseDate(input.headerLines.join(" ")) ??
    englishDate(input.headerLines.join(" ")) ??
    usDate(input.headerLines.join(" ")) ??
    input.metaLines.filter((l) => POSTED_LINE.test(l)).map((l) => parseDate(l.replace(POSTED_LINE, ""))).find(Boolean) ??
    // A post footer's date (由X于<date>发表, 〓 … 发布时间 <date> by X 〓): the first one, the post's, not a reply's.
    input.metaLines.filter((l) => POST_FOOTER.test(l)).map((l) => parseDate(l)).find(Boolean);
  if (d) return { published: d, publishedText: null };
  for (const line of input.metaLines) {
    const paper = PAPER_CREDIT.exec(line);
    const pd = paper?.[2] ? parseDate(paper[2]) : null;
    if (pd) return { published: pd, publishedText: null };
  }
  const issueCredit = issueCreditDate(input.metaLines);
  if (issueCredit) return { published: issueCredit, publishedText: null };
  const fromUrl = dateFromUrl(input.sidecar?.url ?? input.meta?.canonical ?? input.meta?.["og:url"]);
  if (fromUrl) return { published: fromUrl, publishedText: null };
  const issue = input.issueDate ? parseDate(input.issueDate) : null;
  if (issue) return { published: issue, publishedText: null };
  const labelledText = labelled.filter(([l]) => DATE_LABELS.has(l)).map(([, v]) => v);
  for (const text of [...labelledText, ...input.headerLines]) {
    const partial = partialDate(text);
    if (partial) return { published: null, publishedText: partial };
  }
  // A month-day dateline gets a year only when the page itself states it (never the year of ingestion).
  const dateline = DATELINE.exec(input.firstParagraph ?? "");
  if (dateline) {
    const year = statedYear(input.bodyText ?? input.firstParagraph ?? "");
    const date = year ? calendarDate(year, Number(dateline[1]), Number(dateline[2])) : null;
    if (date?.precision === "day") return { published: date, publishedText: null };
    return { published: null, publishedText: `${dateline[1]}月${dateline[2]}日` };
  }
  return { published: null, publishedText: null };
}

function clean(value: string | undefined | null): string | null {
  const v = value?.replace(/^[\s:]+|[\s:]+$/g, "").trim();
  return v ? v : null;
}

/** A separator a cut-off suffix left behind. */
const DANGLING = /[\s\-_|–—:]+$/;
/** 标题(图), 标题(组图): the page has pictures. */
const PICTURE_MARK = /\s*\((图|组图|多图|附图|视频|图文|图表)\)$/;
/** 标题 (图) 2005-06-14 03:25:55: a blog post's header line, the headline and then when it was posted. */
export const TRAILING_STAMP = /\s+(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
/**
 * 标题 2005-09-11 18:04:42 楼主, 標題 2005年9月11日 18:04 樓主, 标题 2021-3-2 #1: a forum topic's header line, the headline,
 * when it was posted and the post's label (the opening post or its floor number). Sixth round.
 */
export const FORUM_STAMP =
  /\s+(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:楼主|樓主|沙发|沙發|板凳|\d{1,4}\s*[楼樓]|#\d{1,4})$/;
/** bjreader的博客, 某某的部落格, Lucy's Blog: the name of a blog (its logo heading), never a post's headline. */
const BLOG_NAME = /^\S.{0,20}(?:的博客|的部落格|的blog|的个人空间|'s\s+blog)$/i;

/**
 * A column label before a bar at the start of a headline: 视频|…, 资讯速递丨…, 图说洛阳|…. Short (at most 6 characters,
 * no space or bar) and followed by a headline of its own; a longer series name (“先手棋和突破口”典型案例|…) stays.
 */
const COLUMN_PREFIX = /^[^\s|丨｜]{1,6}\s*[|丨｜]\s*(?=[^|丨｜]{8,}$)/u;
/**
 * Seventh round. The hype label a content farm glues to every headline it copies: 当前聚焦:…, 世界观天下!…, 天天快讯:…,
 * 環球熱議!… (titles are normalized first, so the traditional forms match too). A scope word (当前, 今日, 天天, 世界,
 * 全球, 环球, 焦点…), at most two filler characters, and a news word (聚焦, 快讯, 热议, 观天下, 要闻…), then `:` or `!`
 * and a headline of at least 8 characters. Only that vocabulary: 专访:…, 视频:…, 重磅!… and 上海:… stay.
 */
const FARM_LABEL = new RegExp(
  "^(?:当前|今日|今天|每日|天天|实时|最新|全球|环球|世界|焦点|热门|头条|热点)\\p{Script=Han}{0,2}?" +
    "(?:聚焦|观天下|天下|快讯|资讯|热议|看点|关注|要闻|动态|速递|观察|热闻|播报|简讯|短讯|看料|快看|速看|视点|热点|热搜|时讯|快报|速读|精选|消息|新闻|头条|讯)" +
    "\\s*[:!]\\s*(?=\\S.{7,}$)",
  "u",
);
/** A decoration before a headline: *第一编 古代, ★…, ※…. */
const LEADING_MARK = /^[*#※☆★◇◆○●□■]+\s*/;
/** A subtitle marker at the start of a headline: ——记长三角… */
const LEADING_DASHES = /^[—–\-－]{2,}\s*/;
/** What may separate a headline from the site or column name a <title> wraps it in. */
const WRAP_SEP = /^\s*(?:[-_|–—:»·•]+|::)\s*/;

/** The separator that ends a site or column name put before the headline: `某某网 - `, `明日股市预测--`, `博客 :: `. */
const LEAD_SEP = /(?:[-_|–—»·•]|::)\s*$/;
/** A site or column name in brackets after the headline (NFKC has turned ＜＞ into <>); 《书名》 is text, not a site. */
const BRACKETED_NAME = /^\s*(?:<[^<>]{2,30}>|〈[^〈〉]{2,30}〉|【[^【】]{2,30}】|\[[^[\]]{2,30}\])\s*$/u;

/**
 * The page line a candidate wraps: "明日股市预测--<line>", "<line>-EDN 电子技术设计", "<line> @ 博客名 :: 平台".
 * The headline as printed on the page beats the <title>'s decoration, whatever the site suffix looks like.
 */
function wrappedLine(candidate: string, pageLines: string[]): string | null {
  for (const line of pageLines) {
    if (line.length < 5 || line.length > 80 || line === candidate) continue;
    const at = candidate.indexOf(line);
    if (at < 0) continue;
    const before = candidate.slice(0, at);
    const after = candidate.slice(at + line.length);
    // The wrapper is a site or column name (short: up to 20 characters without its separator, `Joel on Software - `),
    // never the first half of a two-part headline (A:B).
    const sepBefore = !before || (LEAD_SEP.test(before) && before.replace(LEAD_SEP, "").trim().length <= 20);
    // …or a short name after a space (标题 湖南省中医药研究院附属医院), or a bracketed one (标题 ＜福娘童話集 …＞,
    // 标题【某某网】): the page prints the headline without it.
    const sepAfter = !after || WRAP_SEP.test(after) || /^\s*[@(]/.test(after) || /^\s+[^\s]{2,20}$/u.test(after) || BRACKETED_NAME.test(after);
    if (sepBefore && sepAfter) return line;
  }
  return null;
}

const isNavLike = (t: string) => (t.match(new RegExp(`[${NAV_SEPARATORS}]`, "g"))?.length ?? 0) >= 3;

/** A column or list page's label, never a headline: 新闻动态, 通知公告, 工作动态, 正文. */
const COLUMN_LABEL = /^[\p{Script=Han}]{0,4}(动态|新闻|公告|通知|要闻|资讯|详情|正文|列表|栏目|专栏|频道|首页|简讯|快讯|信息)$/u;
/** A department or column a <title> appends after a space: 标题 东区办事处, 标题 工作动态. */
const SPACED_COLUMN = /\s+(\p{Script=Han}{2,8}(?:办事处|办公室|街道|委员会|管委会|局|栏目|专栏|频道|动态|要闻))$/u;

/**
 * Site names the candidates reveal: what a <title> appends after a separator (标题_中山网), and a short candidate that
 * another candidate ends with after a space (土豆不"土" 松花江网 / 松花江网: the h1 was the logo).
 */
function revealedSites(norms: string[], raws: string[]): string[] {
  const sites: string[] = [];
  for (const n of norms) {
    const site = splitTitleSuffix(n).site;
    if (site) sites.push(site);
  }
  // Raw forms: normalization joins Han text across a space.
  const tidy = raws.map((r) => r.replace(/\s+/g, " ").trim());
  // After a separator (`Joel on Software - <标题>`) the short candidate is the headline the site name wraps.
  const endsSpaced = (o: string, n: string) => o.endsWith(` ${n}`) && !LEAD_SEP.test(o.slice(0, -n.length));
  for (const n of tidy) for (const o of tidy) if (n.length >= 2 && n.length <= 12 && o.length > n.length + 4 && endsSpaced(o, n)) sites.push(normalizeText(n));
  return sites;
}

/** The headline without a trailing site or department name set off by a space. */
function dropSpacedSuffix(title: string, siteKeys: Set<string>): string {
  for (const key of siteKeys) {
    const t = textKey(title);
    if (key.length >= 2 && t.length >= key.length + 5 && t.endsWith(key)) {
      // Cut where the site name starts in the printed title.
      let cut = title.length;
      for (let k = 0; k < key.length && cut > 0; ) if (textKey(title[--cut]!) === key[key.length - 1 - k]) k++;
      return title.slice(0, cut).trim();
    }
  }
  const col = SPACED_COLUMN.exec(title);
  return col && col.index >= 5 ? title.slice(0, col.index) : title;
}

/**
 * The first usable candidate, normalized, with its site suffix cut off; also the first site name such a suffix gave.
 * Skips candidates that are only the site name, too short, a breadcrumb or a `|` navigation bar, and (when another
 * candidate is Chinese) one without any Han character. With `pageLines`, a candidate that wraps a line printed on the
 * page gives that line.
 */
export function pickTitle(
  candidates: string[],
  siteHints: (string | null)[],
  pageLines: string[] = [],
): { title: string | null; site: string | null } {
  let suffixSite: string | null = null;
  const siteKeys = new Set(siteHints.filter((s): s is string => !!s).map(textKey));
  const lines = pageLines.map((l) => normalizeText(l)).filter(Boolean);
  const norms = candidates.map((raw) => normalizeText(raw).replace(/\s*\n\s*/g, " "));
  const anyHan = norms.some((n) => /\p{Script=Han}/u.test(n));
  for (const site of revealedSites(norms, candidates)) siteKeys.add(textKey(site));
  let chosen: string | null = null;
  for (const norm of norms) {
    if (!norm) continue;
    const split = splitTitleSuffix(norm);
    suffixSite ??= split.site;
    if (chosen) continue;
    const base = wrappedLine(norm, lines) ?? split.title;
    const title = dropSpacedSuffix(base, siteKeys)
      .replace(LEADING_DASHES, "")
      .replace(LEADING_MARK, "")
      .replace(COLUMN_PREFIX, "")
      .replace(FARM_LABEL, "")
      .replace(FORUM_STAMP, "")
      .replace(TRAILING_STAMP, "")
      .replace(DANGLING, "")
      .replace(PICTURE_MARK, "")
      .replace(DANGLING, "");
    if ((title.length < 4 && !confirmsShortHeadline(title, norms)) || siteKeys.has(textKey(title)) || COLUMN_LABEL.test(title) || BLOG_NAME.test(title)) continue;
    if (/[>»›].*[>»›]/.test(title) || isNavLike(title)) continue;
    if (anyHan && !/\p{Script=Han}/u.test(title)) continue;
    chosen = title;
  }
  return { title: chosen, site: suffixSite };
}

function titleFromBody(input: MetadataInput, labelled: [string, string][]): string {
  const original = labelled.find(([l]) => l === "原标题" || l === "原文标题")?.[1];
  if (original) return original.replace(/^《|》$/g, "");
  const first = input.firstParagraph ?? "";
  const sentence = first.split(/(?<=[。!?])(?![”’」』"])/)[0] ?? "";
  return sentence.length <= 40 ? sentence.replace(/[。]$/, "") : `${sentence.slice(0, 40)}…`;
}

export function extractMetadata(input: MetadataInput): ArticleMetadata {
  const meta = input.meta ?? {};
  const labelled = [...input.headerLines, ...input.metaLines].flatMap(labelledValues);

  const metaSite = clean(meta["og:site_name"]) ?? clean(meta["sitename"]) ?? clean(meta["site_name"]);
  const { title, site: suffixSite } = pickTitle(input.titleCandidates, [input.sidecar?.site ?? null, metaSite]);
  const site = clean(input.sidecar?.site) ?? clean(meta["profile:site"]) ?? metaSite ?? suffixSite;

  const siteKey = site ? textKey(site) : "";
  const notHost = (v: string) => !SPAM.test(v) && (!siteKey || (!textKey(v).includes(siteKey) && !siteKey.includes(textKey(v))));

  const acceptSource = (v: string | null | undefined) => (v && validSource(v) && notHost(v) ? v : null);
  const source =
    acceptSource(clean(meta["profile:source"])) ??
    firstLabelled(labelled, SOURCE_LABELS, (v) => acceptSource(firstField(v))) ??
    input.metaLines.map((line) => acceptSource(PAPER_CREDIT.exec(line)?.[1]?.trim())).find(Boolean) ??
    acceptSource(clean(meta["source"])) ??
    acceptSource(clean(meta["contentsource"]));

  let author = firstLabelled(labelled, AUTHOR_LABELS, names);
  if (!author) {
    for (const line of [...input.headerLines, ...input.metaLines]) {
      // 记者 X / 本报记者 X 发自北京, and the Taiwan shape 〔記者X／綜合報導〕.
      const m = REPORTER_CREDIT.exec(line) ?? SLASH_BYLINE.exec(line);
      if (m && line.length <= 40) {
        author = m[1]!.trim();
        break;
      }
    }
  }
  const metaAuthor = names(meta["author"] ?? meta["article:author"] ?? "");
  if (!author && metaAuthor && notHost(metaAuthor)) author = metaAuthor;

  let editor = firstLabelled(labelled, EDITOR_LABELS, names);
  if (!editor) {
    for (const line of input.headerLines) {
      const m = /^(\p{Script=Han}{2,4}(?:[\s、]\p{Script=Han}{2,4})*)\s*\/?摄$/u.exec(line) ?? /^摄影:\s*(.+)$/.exec(line);
      if (m) {
        editor = m[1]!.trim();
        break;
      }
    }
  }

  const { published, publishedText } = resolvePublished(input, labelled);
  const given = [input.sidecar?.url, meta["canonical"], meta["og:url"]].map(clean).filter((u): u is string => u !== null);
  const url = given.map(storableUrl).find((u) => u !== null) ?? null;
  const refusedUrl = url === null ? given[0] : undefined;
  // The reprint line that dates the original (本文转自…,原文发布于…), else one naming where the text comes from (本文转自…), else
  // one that only says it was retitled (原标题:…).
  const credits = [...input.headerLines, ...input.metaLines].filter((l) => REPOST_MARK.test(l));
  const reprint = credits.find((l) => REPOST.test(l)) ?? credits.find((l) => REPRINT_CREDIT.test(l)) ?? credits[0];

  return {
    title: title ?? titleFromBody(input, labelled),
    published: published?.value ?? null,
    publishedPrecision: published?.precision ?? null,
    publishedText,
    site,
    source,
    ...(reprint ? { reprint } : {}),
    author,
    editor,
    url,
    ...(refusedUrl ? { refusedUrl } : {}),
  };
}
