import * as cheerio from "cheerio";
import type { CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { collectBlocks, someDescendant, tidy, type TextBlock } from "./html-blocks";
import { DEFAULT_SCORE_PARAMS, type ScoreParams } from "./html-score";
import { selectMain } from "./html-select";
import { capHtmlDepth, MAX_HTML_DEPTH } from "./caps";
import { applyProfile } from "./profiles";
import { confirmsShortHeadline, isDateLine, isRecurringPrompt, textKey } from "./junk";

export interface HtmlExtract {
  /** Best title candidate (h1 / og:title / <title>), raw. */
  title: string | null;
  /** <title>, og:title, twitter:title, h1… raw, for the metadata logic. */
  titleCandidates: string[];
  /** Main-block paragraphs in order, raw text (not normalized). */
  paragraphs: string[];
  /** Short text lines between the title and the body (date/source/author lines live here). */
  headerLines: string[];
  /** The headline as printed on the page (the block the title candidates repeat), raw; null when none was seen. */
  headline?: string | null;
  /** Text blocks left out of `paragraphs`, with the reason (for `kb inspect --explain`). */
  dropped?: { text: string; rule: string }[];
  /** Meta tags by lowercased name/property, plus "canonical". */
  meta: Record<string, string>;
  /** Caps that cut the page (caps.ts), for the report. */
  notes?: string[];
}

const REMOVE_SELECTOR = [
  "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "svg",
  "canvas", "select", "option", "button", "input", "textarea", "link", "meta", "map", "audio", "video",
  "source", "head", "title", "nav", "aside", "footer", "dialog", "[hidden]", "[aria-hidden=true]",
].join(",");

const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const MAX_HEADER_LINE = 120;
/** Above this share of the main block's characters, picture-side lines are the article (a photo blog), not captions. */
const MAX_CAPTION_SHARE = 0.08;
const SENTENCE_END_RE = /[。！？!?]|\.(\s|$)/;

/**
 * The publication time a page states in its structured data, for pages that print their date only in a widget the
 * main block leaves out (a JavaScript-rendered header): schema.org's JSON-LD `datePublished` (Taiwan and Hong Kong news
 * sites carry a NewsArticle block), Baidu's `pubDate`, or an element marked itemprop=datePublished. Read with a
 * pattern, not JSON.parse: these blocks are often not valid JSON (trailing commas, raw line breaks). A wiki (MediaWiki)
 * states when its page was created there, which is no publication date of the text.
 */
function structuredDate($: CheerioAPI, meta: Record<string, string>): string | null {
  if (/mediawiki/i.test(meta.generator ?? "")) return null;
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    const m = /"(?:datePublished|pubDate)"\s*:\s*"([^"]{8,40})"/.exec($(el).text());
    if (m) return m[1]!.trim();
  }
  const marked = $('[itemprop="datePublished"]:not(meta)').first();
  return (marked.attr("datetime") ?? marked.attr("content") ?? "").trim() || null;
}

function readMeta($: CheerioAPI): Record<string, string> {
  const meta: Record<string, string> = {};
  $("meta").each((_, el) => {
    const key = (el.attribs.name ?? el.attribs.property ?? el.attribs.itemprop ?? el.attribs["http-equiv"] ?? "")
      .trim()
      .toLowerCase();
    const content = el.attribs.content?.trim();
    if (key && content && !(key in meta)) meta[key] = content;
  });
  const published = structuredDate($, meta);
  if (published) meta["ld:datepublished"] = published;
  const canonical = $("link[rel~=canonical]").attr("href")?.trim();
  if (canonical) meta.canonical = canonical;
  return meta;
}

/** What may follow a site name at the end of a <title>: separators and short names (`:: 痞客邦 PIXNET ::`). */
const SITE_TAIL = /^(?:[\s\-_|–—:»·•@]+[^\-_|–—:»·•@]{0,20})*[\s\-_|–—:»·•@]*$/u;

/**
 * `name` sits in the tail of `title`, after a separator behind a longer headline, with only separators and short names
 * after it: the site or blog part of a <title>, not its headline.
 */
function endsWithSiteName(title: string, name: string): boolean {
  const at = title.lastIndexOf(name);
  if (at <= 0) return false;
  const before = title.slice(0, at);
  // The part before holds a segment longer than the name: a headline, not a row of site and column names
  // (`明報新聞網 - 即時新聞 - 中國 - <标题>` ends with its headline).
  const longest = Math.max(...before.split(/[-|–—:»·•@]+/u).map((seg) => seg.trim().length));
  return /[-_|–—:»·•@]\s*$/u.test(before) && name.length <= 20 && longest >= 8 && longest > name.length && SITE_TAIL.test(title.slice(at + name.length));
}

function readTitles($: CheerioAPI, meta: Record<string, string>): { title: string | null; candidates: string[] } {
  const docTitle = tidy($("title").first().text());
  const og = tidy(meta["og:title"] ?? "");
  const tw = tidy(meta["twitter:title"] ?? "");
  const h1s = $("h1")
    .map((_, el) => tidy($(el).text()))
    .get()
    .filter((t) => t.length > 0 && t.length < 300);
  const candidates = [...new Set([docTitle, og, tw, ...h1s].filter((t) => t.length > 0))];
  const page = [docTitle, og, tw].filter(Boolean);
  // An h1 that the <title>/og:title repeats is the article title, not the site logo, unless the <title> repeats it only
  // as the site name it ends with (`<标题> @ <博客> :: 痞客邦 PIXNET ::`, `<标题> | 國際 | 中央社 CNA`).
  const h1 = h1s.find(
    (h) => (h.length >= 4 && page.some((p) => (p.includes(h) && !endsWithSiteName(p, h)) || h.includes(p))) || confirmsShortHeadline(h, page),
  );
  return { title: h1 ?? (og || docTitle || h1s[0] || null), candidates };
}

function removeComments($: CheerioAPI): void {
  // An explicit walk: selector-based traversal sorts nodes and turns quadratic on deep pages.
  const found: AnyNode[] = [];
  const stack: AnyNode[] = [...$.root().contents().toArray()];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === "comment" || node.type === "directive") found.push(node);
    else if ("children" in node) stack.push(...(node.children as AnyNode[]));
  }
  $(found).remove();
}

function clean($: CheerioAPI): void {
  removeComments($);
  $(REMOVE_SELECTOR).remove();
  $("[style]").each((_, el) => {
    if (HIDDEN_STYLE_RE.test(el.attribs.style ?? "")) $(el).remove();
  });
}

/** A page parsed and cleaned, split into text blocks: the input of main-block selection. */
export interface ParsedPage {
  title: string | null;
  titleCandidates: string[];
  meta: Record<string, string>;
  root: Element | null;
  blocks: TextBlock[];
  notes: string[];
}

export function parsePage(source: string, opts: { url?: string | null } = {}): ParsedPage {
  const { html, dropped, depth } = capHtmlDepth(source);
  const notes = dropped ? [`HTML nested ${depth.toLocaleString("en")} levels deep: ${dropped.toLocaleString("en")} tags below level ${MAX_HTML_DEPTH.toLocaleString("en")} dropped`] : [];
  const $ = cheerio.load(html);
  const meta = readMeta($);
  const { title, candidates } = readTitles($, meta);
  // A known site's profile (profiles.ts) may name the body element; otherwise, or when it no longer matches, the whole body.
  const profileRoot = applyProfile($, opts.url, meta);
  clean($);
  const root = profileRoot ?? $("body").get(0) ?? $("html").get(0) ?? null;
  return { title, titleCandidates: candidates, meta, root, blocks: root ? collectBlocks(root) : [], notes };
}

export function extractFromParsed(page: ParsedPage, params: ScoreParams = DEFAULT_SCORE_PARAMS): HtmlExtract {
  const { title, titleCandidates, meta, root, blocks, notes } = page;
  if (!root || blocks.length === 0) return { title, titleCandidates, paragraphs: [], headerLines: [], meta, notes };
  const selected = selectMain(blocks, root, params).chosen;
  const reasons = new Map<number, string>();
  // A blog page showing several posts in full: the first post is the article, its header line the title.
  const post = firstPost(blocks, selected);
  const chosen = post?.chosen ?? selected;
  if (post) for (const i of selected) if (i >= post.next) reasons.set(i, "html:later-post");
  // Captions are left out only where they are a small part of the text: in a photo blog the lines between the
  // pictures are the text itself.
  const captions = new Set(chosen.filter((i) => isImageCaption(blocks[i] as TextBlock)));
  const chosenChars = chosen.reduce((n, i) => n + (blocks[i] as TextBlock).chars, 0);
  const captionChars = [...captions].reduce((n, i) => n + (blocks[i] as TextBlock).chars, 0);
  if (captionChars > MAX_CAPTION_SHARE * chosenChars) captions.clear();
  const shortTitle = title && confirmsShortHeadline(title, titleCandidates) ? textKey(title) : null;
  const isTitle = (text: string) => titleLike(text, titleCandidates) || (!!shortTitle && textKey(text) === shortTitle);
  const paragraphs: string[] = [];
  const seen = new Set<string>();
  const lead: string[] = [];
  let afterTitle = false;
  let headline: string | null = null;
  chosen.forEach((i, k) => {
    const b = blocks[i] as TextBlock;
    // The headline repeated at the top of the body belongs to the title, not the text,
    // and the short date/source lines right under it to the header.
    if (k < 3 && paragraphs.length === 0 && isTitle(b.text)) {
      afterTitle = true;
      headline ??= b.text;
      reasons.set(i, "title");
      return;
    }
    if (afterTitle && paragraphs.length === 0 && lead.length < 3 && b.chars <= MAX_HEADER_LINE && !SENTENCE_END_RE.test(b.text)) {
      lead.push(b.text);
      reasons.set(i, "header:metadata");
      return;
    }
    afterTitle = false;
    if (captions.has(i)) {
      reasons.set(i, "html:image-caption");
      return;
    }
    // A repeated short question (an interview asks each guest the same) is structure; other repeats are copies.
    const repeated = seen.has(b.text) && (!isRecurringPrompt(b.text, b.text.replace(/\s+/g, "")) || paragraphs.at(-1) === b.text);
    if (isLinkList(b) || repeated) {
      reasons.set(i, isLinkList(b) ? "html:link-list" : "html:duplicate");
      return;
    }
    seen.add(b.text);
    paragraphs.push(b.text);
  });
  const header = findHeaderLines(blocks, chosen[0] ?? blocks.length, isTitle);
  const headerLines = [...header.lines, ...lead];
  const inChosen = new Set(chosen);
  const [first, last] = [chosen[0] ?? blocks.length, chosen.at(-1) ?? -1];
  const outside = (i: number) => (i < first ? "html:before-main-block" : i > last ? "html:after-main-block" : "html:inside-cut-out");
  const dropped = blocks.flatMap((b, i) => {
    const rule = reasons.get(i) ?? (inChosen.has(i) ? null : outside(i));
    return rule && b.text.trim() ? [{ text: b.text, rule }] : [];
  });
  const postTitle = post ? (blocks[post.header] as TextBlock).text : null;
  return {
    title: postTitle ?? title,
    titleCandidates: postTitle ? [postTitle, ...titleCandidates] : titleCandidates,
    paragraphs,
    headerLines,
    headline: headline ?? header.headline,
    meta,
    notes,
    dropped,
  };
}

/** 湘菜粤菜 兵分两路 (图) 2005-06-14 03:25:55: a post's header line, its headline and when it was posted. */
const POST_HEADER = /^(?=.*\p{Script=Han}).{2,80}?\s(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$/u;

/** A block of running text: sentence punctuation, mostly not links, longer than a teaser line. */
const isProseBlock = (b: TextBlock | undefined) => !!b && b.punct > 0 && b.chars >= 30 && b.linkChars < 0.5 * b.chars;

/**
 * A page of several posts, each opened by a header line (headline and posting time) and followed by its text (a blog's
 * front or archive page): the first post is the article. Only when the chosen run lies among the posts, never before
 * them (an article with comments under it, each comment headed by a name and a time, keeps its run). Returns the first
 * post's blocks, its header block and where the next post starts.
 */
function firstPost(blocks: TextBlock[], chosen: number[]): { chosen: number[]; header: number; next: number } | null {
  const headers: number[] = [];
  blocks.forEach((b, i) => {
    const proseFollows = blocks.slice(i + 1, i + 4).some(isProseBlock);
    if (b.chars <= 100 && proseFollows && POST_HEADER.test(b.text.replace(/\s+/g, " ").trim())) headers.push(i);
  });
  const [header, next] = headers;
  if (header === undefined || next === undefined || (chosen[0] ?? -1) < header) return null;
  const first = blocks.map((_, i) => i).filter((i) => i > header && i < next && blocks[i]!.text.trim());
  return first.some((i) => isProseBlock(blocks[i])) ? { chosen: first, header, next } : null;
}

/** Title candidates, meta tags and the main-block paragraphs of an HTML page. Never throws on bad markup. */
export function extractHtml(html: string, opts: { url?: string | null } = {}): HtmlExtract {
  return extractFromParsed(parsePage(html, opts));
}

const INLINE_WRAPPERS = new Set(["a", "span", "strong", "b", "em", "i", "font", "u", "small", "figure"]);

const isPicture = (e: Element) => (e.name === "img" && !isIcon(e)) || e.name === "picture";

/** An <img> in the element itself, not inside a nested block (a caption's picture sits beside it). */
function holdsImage(el: Element): boolean {
  return someDescendant(el, isPicture, (c) => INLINE_WRAPPERS.has(c.name));
}

/** A bullet or icon (width or height under 50): not a picture that takes a caption. */
function isIcon(img: Element): boolean {
  const size = [img.attribs.width, img.attribs.height].map((v) => Number.parseInt(v ?? "", 10)).filter(Number.isFinite);
  return size.some((v) => v < 50);
}

/** The nearest element sibling before / after that holds text or a picture (empty spacers skipped). */
function neighbour(el: Element, dir: "prev" | "next"): Element | null {
  for (let cur = el[dir]; cur; cur = cur[dir]) {
    if (cur.type !== "tag") continue;
    const e = cur as Element;
    if (containsImage(e) || textOf(e).trim()) return e;
  }
  return null;
}

function textOf(el: Element): string {
  let out = "";
  const stack: AnyNode[] = [el];
  while (stack.length > 0 && out.length < 80) {
    const node = stack.pop() as AnyNode;
    if (node.type === "text") out += (node as unknown as { data: string }).data;
    else if ("children" in node) stack.push(...(node.children as AnyNode[]));
  }
  return out;
}

const isCentered = (el: Element) =>
  el.name === "center" || el.name === "figcaption" || el.attribs.align === "center" || /text-align\s*:\s*center/i.test(el.attribs.style ?? "");

/** Is or holds a picture anywhere below (for the centred picture block before a caption). */
function containsImage(el: Element): boolean {
  return isPicture(el) || someDescendant(el, isPicture);
}

/**
 * A picture's caption without any marker: a short line with no sentence punctuation (and no date) that shares its
 * paragraph with an <img>, or a lone centred line (or <figcaption>) right after a block holding one. Several centred
 * lines in a row are the text of a photo blog, not captions.
 */
function isImageCaption(b: TextBlock): boolean {
  if (b.chars > 40 || isDateLine(b.text)) return false;
  if (/[。！？!?；;]/.test(b.text)) return isShortCaptionSentence(b.text) && afterBarePicture(b.owner);
  const el = b.owner;
  const alone = textOf(el).replace(/\s+/g, "") === b.text.replace(/\s+/g, "");
  if (el.name === "figcaption" || (alone && holdsImage(el))) return true;
  if (alone && isShortCaptionSentence(b.text) && afterBarePicture(el)) return true;
  const parent = el.parent?.type === "tag" ? (el.parent as Element) : null;
  const centered = isCentered(el) || (!!parent && isCentered(parent) && parent.children.filter((c) => c.type === "tag").length === 1);
  if (!centered) return false;
  const host = !isCentered(el) && parent ? parent : el;
  const before = neighbour(host, "prev");
  const after = neighbour(host, "next");
  const textLine = (e: Element | null) => !!e && isCentered(e) && !containsImage(e) && textOf(e).trim().length <= 40;
  return !!before && containsImage(before) && !textLine(after);
}

/**
 * 小花家。 / 事发次日小花在医院的检查单。: a short noun phrase with a full stop, not a clause of the story (no comma,
 * no aspect or modal words: 西方世界的一些反华分子正试图串联起来。 stays text).
 */
function isShortCaptionSentence(text: string): boolean {
  const t = text.trim();
  return (
    t.length <= 24 &&
    /[。.]$/.test(t) &&
    !/[。！？!?；;，,、：:“”"]/.test(t.slice(0, -1)) &&
    !/[了着过把被将会要能是正已却也都还就又再让使称说]|起来|下去/.test(t) &&
    // Japanese instructions between screenshots (「適用」をクリック。) are steps, not captions.
    !/[\p{Script=Hiragana}\p{Script=Katakana}「」]/u.test(t)
  );
}

/**
 * The paragraph right before is a picture and nothing else (<p><img></p>), and the one after is not another short
 * line: a lone short sentence under a bare picture is its caption.
 */
function afterBarePicture(el: Element): boolean {
  const before = neighbour(el, "prev");
  if (!before || !containsImage(before) || textOf(before).trim()) return false;
  const after = neighbour(el, "next");
  return !after || containsImage(after) || textOf(after).trim().length > 40;
}

function isLinkList(b: TextBlock): boolean {
  return b.linkChars / Math.max(1, b.chars) > 0.6 && b.punct === 0;
}

/** A block that repeats a title candidate (the <title> often adds the site name). */
function titleLike(text: string, candidates: string[]): boolean {
  const norm = (x: string) => x.replace(/[\s\p{P}]+/gu, "");
  const t = norm(text);
  return t.length >= 4 && candidates.some((c) => norm(c).includes(t) && t.length >= 0.4 * norm(c).length);
}

/** Short lines between the title block (or a few lines up) and the body start, and the title block's text. */
/** A short line that is a full date (and a time or weekday), numeric or English: nothing else on it. */
const DATE_ABOVE_HEADLINE =
  /^(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:19|20)\d{2})(?:[\s,]+(?:星期|週|周)?[一二三四五六日天]?|[\s,]+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$/i;

function findHeaderLines(
  blocks: TextBlock[],
  bodyStart: number,
  isTitle: (text: string) => boolean,
): { lines: string[]; headline: string | null } {
  let from = -1;
  for (let i = bodyStart - 1; i >= 0 && i >= bodyStart - 40; i--) {
    if (isTitle((blocks[i] as TextBlock).text)) {
      from = i;
      break;
    }
  }
  const start = from >= 0 ? from + 1 : Math.max(0, bodyStart - 6);
  const lines: string[] = [];
  for (let i = start; i < bodyStart; i++) {
    const b = blocks[i] as TextBlock;
    // A blog's headline is often a link to its own permalink: the block right above the body is kept even so.
    if (b.chars <= MAX_HEADER_LINE && (!isLinkList(b) || i === bodyStart - 1)) lines.push(b.text);
  }
  // Under a found headline the date and byline come first (楼层 / 时间: under a forum topic, then a long profile box):
  // keep the lines right under it as well as those right above the body.
  const kept = lines.length <= 12 ? lines : from >= 0 ? [...lines.slice(0, 6), ...lines.slice(-6)] : lines.slice(-12);
  // A blog template prints the post's date right above its headline (`Dec 28 Sat 2013 00:28`, `2013-12-28 星期六`):
  // that line comes last, so any date under the headline still wins.
  const above = from > 0 ? (blocks[from - 1] as TextBlock).text.trim() : "";
  if (above.length <= 40 && DATE_ABOVE_HEADLINE.test(above)) kept.push(above);
  return { lines: kept, headline: from >= 0 ? (blocks[from] as TextBlock).text : null };
}
