import { decodeBytes } from "./decode";
import { extractHtml } from "./html";
import { carriesMetadata, isDateLine, isParagraphLike, isTitleLike, pageContext, POST_FOOTER, prepareLine, segmentLines, textKey, type DroppedLine, type Line, type Segmented } from "./junk";
import { extractMetadata, pickTitle, type MetadataInput } from "./metadata";
import { AtlasError } from "../errors";
import { capLines } from "./caps";
import { normalizeText } from "./normalize";
import type { CleanedArticle, Sidecar } from "./types";

/**
 * Largest page accepted: 20 MiB. News pages are 50 KB–2 MB of HTML; the largest in the test corpora (inline scripts
 * and base64 images included) is under 3 MB. A bigger file is a dump or a binary, and is rejected before decoding.
 */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/**
 * Less text than this in the whole body means the page has no article (a list, a login wall, an error page):
 * 10 Han characters, or 60 letters of other scripts (a dozen English words).
 */
const MIN_BODY_HAN = 10;
const MIN_BODY_LETTERS = 60;

const MAGIC: [string, number[]][] = [
  ["PDF", [0x25, 0x50, 0x44, 0x46]],
  ["PNG", [0x89, 0x50, 0x4e, 0x47]],
  ["GIF", [0x47, 0x49, 0x46, 0x38]],
  ["JPEG", [0xff, 0xd8, 0xff]],
  ["ZIP", [0x50, 0x4b, 0x03, 0x04]],
  ["gzip", [0x1f, 0x8b]],
];

function isUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** NUL bytes, a known binary signature, or mostly control characters: not a text page. */
function binaryReason(bytes: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return `it starts like a ${name} file`;
  if (isUtf16Bom(bytes)) return null;
  if (bytes.indexOf(0) !== -1) return "it contains NUL bytes";
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  return control > head.length * 0.1 ? "more than a tenth of it is control characters" : null;
}

function isHtmlFile(fileName: string, text: string): boolean {
  if (/\.(x?html?|shtml)$/i.test(fileName)) return true;
  if (/\.txt$/i.test(fileName)) return false;
  return /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", ldquo: "“", rdquo: "”", mdash: "—", hellip: "…", middot: "·" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const cp = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A .txt that holds paragraph markup (some scrapers save innerHTML): one line per block, tags dropped. */
function markupToText(text: string): string {
  if ((text.match(/<(p|div|br|span|section|h[1-6]|li)\b[^>]*>/gi)?.length ?? 0) < 3) return text;
  return decodeEntities(
    text
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(p|div|section|h[1-6]|li|tr|blockquote)>/gi, "\n")
      .replace(/<[^>]*>/g, ""),
  );
}

const splitLines = (s: string) => s.split(/\r\n|\r|\n/);

/** 主题: 你知道导游为什么…, 标题:…: forum and government pages label their headline. */
const TITLE_LABEL = /^(?:主题|标题|题目|文章标题)\s*[:：]\s*(.{5,80})$/;

/** A page split into lines and segmented, plus what the metadata step needs. */
interface Prepared {
  segmented: Segmented;
  /** Lines the HTML main-block selection left out, before the line rules ran. */
  htmlDropped?: DroppedLine[];
  notes: string[];
  input: Omit<MetadataInput, "firstParagraph">;
}

function fromText(text: string, sidecar: Sidecar | undefined): Prepared {
  const notes: string[] = [];
  // A scraped text file is often an excerpt cut mid-sentence. Trimming its last paragraph to the last full sentence
  // (segmentLines' `excerpt`) is off for now: it moved two near-duplicate excerpts (yrd-dev 039/063) beyond the
  // SimHash candidate distance of the duplicate check (dedup.ts), which matters more than a fragment.
  const segmented = segmentLines(capLines(splitLines(markupToText(text)), notes));
  return {
    segmented,
    notes,
    input: { titleCandidates: segmented.title ? [segmented.title] : [], headerLines: segmented.headerLines, metaLines: segmented.metaLines, sidecar },
  };
}

function fromHtml(html: string, sidecar: Sidecar | undefined): Prepared {
  const page = extractHtml(html, { url: sidecar?.url });
  const notes = [...(page.notes ?? [])];
  const paragraphs = capLines(page.paragraphs.flatMap(splitLines), notes);
  // The extractor's own pick (an h1 that <title>/og:title confirm) first, then og:title, then the rest.
  const ctx = pageContext(paragraphs);
  const aboveLines = capLines(page.headerLines.flatMap(splitLines), notes)
    .map((line) => prepareLine(line, ctx))
    .filter(carriesMetadata);
  const above = aboveLines.map((l) => l.text);
  // The title by position and shape: a labelled title line (主题: / 标题:), else a candidate as the page prints it
  // (the <title> minus whatever site name it wraps the headline line in), else the headline line just above the body.
  const pageLines = [...(page.headline ? [page.headline] : []), ...above, ...paragraphs.slice(0, 12)];
  const labelledTitle = pageLines.map((l) => TITLE_LABEL.exec(l.trim())?.[1]?.trim()).find((t) => t && t.length >= 5);
  const titleCandidates = [labelledTitle, page.title, page.meta["og:title"], ...page.titleCandidates].filter((t): t is string => !!t);
  const siteHints = [sidecar?.site ?? null, page.meta["og:site_name"] ?? null];
  let { title } = pickTitle(titleCandidates, siteHints, pageLines);
  // A title no line near the body repeats (a site greeting or name in <title>: 谢谢您访问〖…〗, 北医新闻网_(新闻)) is
  // not the article's: the headline-shaped line just above the body is.
  if (!page.headline && !labelledTitle && title) {
    const titleKey = textKey(title);
    const near = aboveLines.slice(-8);
    if (!near.some((l) => textKey(l.text).includes(titleKey))) title = headlineByPosition(near, [], ctx) ?? title;
  }
  title ??= headlineByPosition(aboveLines, paragraphs, ctx);
  const segmented = segmentLines(paragraphs, { knownTitle: title });
  return {
    segmented,
    notes,
    htmlDropped: page.dropped,
    input: {
      titleCandidates: title ? [title, ...titleCandidates] : titleCandidates,
      headerLines: [...above, ...segmented.headerLines],
      metaLines: [...segmented.metaLines, ...trailingDateLines(page.dropped ?? []), ...footerInfoBars(segmented.dropped)],
      issueDate: issueDate(page.dropped ?? []),
      meta: page.meta,
      sidecar,
    },
  };
}

/** 发布日期:2019-03-06 责任编辑:龙慧: a labelled date in the first blocks after the body (a CMS's footer line). */
const TRAILING_DATE = /^(发布日期|发布时间|发表日期|发表时间|更新时间|刊登日期)\s*[:：]\s*(?:19|20)\d{2}/;
/**
 * 版权声明 来源:当代商报 时间:2019-09-23 14:34:05 作者:, 來源：中央社 更新時間：2023/05/18: a CMS's info bar under the
 * text, a date under any date label together with a source, author or editor label on the same line.
 */
const INFO_BAR_DATE = /(?:^|\s)(?:发布日期|发布时间|发表日期|发表时间|更新时间|时间|日期)\s*:\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}/;
const INFO_BAR_LABEL = /(?:^|\s)(?:来源|作者|编辑|责任编辑|记者)\s*:/;

/** 2019-09-08 11:42:03 alone on a line: a gallery's or a feed's date printed under the text. */
const BARE_DATETIME = /^(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$/;

function trailingDateLines(dropped: DroppedLine[]): string[] {
  const after = dropped.filter((d) => d.rule === "html:after-main-block").slice(0, 6).map((d) => normalizeText(d.text));
  const labelled = after.filter(
    (t) => (t.length <= 80 && TRAILING_DATE.test(t)) || (t.length <= 120 && POST_FOOTER.test(t)) || isInfoBar(t),
  );
  // The first two lines after the body only: further down, bare times belong to related lists and comments.
  const bare = after.slice(0, 2).filter((t) => BARE_DATETIME.test(t)).map((t) => `发布时间:${t}`);
  return [...labelled, ...bare];
}

const isInfoBar = (t: string) => t.length <= 120 && INFO_BAR_DATE.test(t) && INFO_BAR_LABEL.test(t);

/** The same info bar when the main block took it in and the cleaner cut it as the footer (版权声明 来源:… 时间:…). */
function footerInfoBars(dropped: { text: string; rule: string }[]): string[] {
  const footer = dropped.filter((d) => d.rule === "footer:start" || d.rule === "after-footer-start").slice(0, 3);
  return footer.map((d) => d.text).filter(isInfoBar);
}

/** An e-paper's page furniture: 第A03版, 版面导航, 数字报. */
const EPAPER = /第\s*[A-Z]?\d{1,3}\s*版|版面导航|数字报|电子报|往期报纸/;
/** 2012年3月5日 星期一 / 2022年02月12日 查看旧版(…): the issue date opening a line. */
const ISSUE_DATE = /^((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s|$)/;

/**
 * The issue date an e-paper prints above the article (the last full date opening a line before the main block), when
 * the page shows e-paper furniture; a news site's header clock has the same shape, so it needs that signal.
 */
function issueDate(dropped: DroppedLine[]): string | undefined {
  const before = dropped.filter((d) => d.rule === "html:before-main-block").map((d) => normalizeText(d.text));
  if (!before.some((t) => EPAPER.test(t))) return undefined;
  return before.map((t) => ISSUE_DATE.exec(t)?.[1]).filter((d): d is string => !!d).at(-1);
}

/** ——当代中国的精神危机: a subtitle under the headline, never the headline itself. */
const SUBTITLE = /^[—–－]{2}/;

/** A list item of a sidebar (10. 某某文章(6), ·2005年9月 (606)): never a headline. */
const LIST_ITEM = /^(\d+[.、)]|[·•])\s*|\(\d+\)$/;

/** Text lines a headline may have under it before the running text (a kicker or deck, its repeat, a short heading);
 * bylines and date lines are not counted. */
const HEADER_REACH = 3;

/**
 * A page without any title metadata: the headline-shaped line that opens the main block and is followed by running
 * text (within HEADER_REACH short lines), else the last headline-shaped line just above the block (not a numbered
 * sidebar item).
 */
function headlineByPosition(above: Line[], paragraphs: string[], ctx: ReturnType<typeof pageContext>): string | null {
  const top = paragraphs.slice(0, 12).map((p) => prepareLine(p, ctx));
  const headlineShaped = (l: Line) => isTitleLike(l) && !LIST_ITEM.test(l.text) && !SUBTITLE.test(l.text);
  const lede = top.findIndex(isParagraphLike);
  const between = top.slice(1, Math.max(1, lede)).filter((l) => l.kind === "text" && !isDateLine(l.text));
  if (top[0] && lede > 0 && between.length <= HEADER_REACH && headlineShaped(top[0])) return top[0].text;
  return above.filter(headlineShaped).at(-1)?.text ?? null;
}

/**
 * Bytes of one scraped page → a cleaned article: decoded, main text only, normalized, with its metadata.
 * Throws AtlasError with code `too-large`, `empty`, `binary`, `encoding` or `no-text`.
 */
export function processPage(bytes: Uint8Array, opts: { fileName: string; sidecar?: Sidecar; explain?: boolean }): CleanedArticle {
  if (bytes.byteLength > MAX_PAGE_BYTES) {
    throw new AtlasError(
      "too-large",
      `The page is ${(bytes.byteLength / 1048576).toFixed(1)} MB, over the ${MAX_PAGE_BYTES / 1048576} MB limit for one page.`,
    );
  }
  if (bytes.byteLength === 0) throw new AtlasError("empty", "The file is empty (0 bytes).");
  const binary = binaryReason(bytes);
  if (binary) throw new AtlasError("binary", `This is not a text or HTML page: ${binary}.`);

  const { text, encoding } = decodeBytes(bytes, { declared: opts.sidecar?.encoding });
  if (!text.trim()) throw new AtlasError("empty", "The file holds only whitespace.");
  if (text.includes("\u0000")) throw new AtlasError("binary", "This is not a text or HTML page: it contains NUL characters.");

  const { segmented, input, notes, htmlDropped } = isHtmlFile(opts.fileName, text) ? fromHtml(text, opts.sidecar) : fromText(text, opts.sidecar);
  const { paragraphs } = segmented;
  const count = (re: RegExp) => paragraphs.reduce((n, p) => n + (p.text.match(re)?.length ?? 0), 0);
  if (paragraphs.length === 0 || (count(/\p{Script=Han}/gu) < MIN_BODY_HAN && count(/\p{L}/gu) < MIN_BODY_LETTERS)) {
    throw new AtlasError("no-text", "No article text was found on this page: only navigation, links or boilerplate.");
  }

  // A page without a title line gets one from its first sentence (metadata.ts); that sentence stays in the body.
  const lead = paragraphs.find((p) => (p.text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 8) ?? paragraphs[0];
  const { refusedUrl, ...metadata } = extractMetadata({ ...input, firstParagraph: lead?.text ?? null, bodyText: paragraphs.map((p) => p.text).join("\n") });
  if (refusedUrl) notes.push(`page address not stored (only http/https URLs are): ${JSON.stringify(refusedUrl.slice(0, 80))}`);
  const originalParagraphs = paragraphs.map((p) => p.original);
  return {
    ...metadata,
    paragraphs: paragraphs.map((p) => p.text),
    originalParagraphs,
    original: originalParagraphs.join("\n\n"),
    encoding,
    ...(notes.length ? { notes } : {}),
    ...(opts.explain ? { dropped: [...(htmlDropped ?? []), ...segmented.dropped] } : {}),
  };
}
