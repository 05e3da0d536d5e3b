import * as cheerio from "cheerio";
import type { CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { collectBlocks, tidy, type TextBlock } from "./html-blocks";
import { classPrior, scoreBlock } from "./html-score";

export interface HtmlExtract {
  /** Best title candidate (h1 / og:title / <title>), raw. */
  title: string | null;
  /** <title>, og:title, twitter:title, h1… raw, for the metadata logic. */
  titleCandidates: string[];
  /** Main-block paragraphs in order, raw text (not normalized). */
  paragraphs: string[];
  /** Short text lines between the title and the body (date/source/author lines live here). */
  headerLines: string[];
  /** Meta tags by lowercased name/property, plus "canonical". */
  meta: Record<string, string>;
}

const REMOVE_SELECTOR = [
  "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "svg",
  "canvas", "select", "option", "button", "input", "textarea", "link", "meta", "map", "audio", "video",
  "source", "head", "nav", "aside", "footer", "dialog", "[hidden]", "[aria-hidden=true]",
].join(",");

const HIDDEN_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const MAX_HEADER_LINE = 120;
const GLOBAL_RUN_RATIO = 0.9;

function readMeta($: CheerioAPI): Record<string, string> {
  const meta: Record<string, string> = {};
  $("meta").each((_, el) => {
    const key = (el.attribs.name ?? el.attribs.property ?? el.attribs.itemprop ?? el.attribs["http-equiv"] ?? "")
      .trim()
      .toLowerCase();
    const content = el.attribs.content?.trim();
    if (key && content && !(key in meta)) meta[key] = content;
  });
  const canonical = $("link[rel~=canonical]").attr("href")?.trim();
  if (canonical) meta.canonical = canonical;
  return meta;
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
  // An h1 that the <title>/og:title repeats is the article title, not the site logo.
  const h1 = h1s.find((h) => h.length >= 4 && page.some((p) => p.includes(h) || h.includes(p)));
  const title = h1 ?? (og || null) ?? (docTitle || null) ?? h1s[0] ?? null;
  return { title: title || h1s[0] || null, candidates };
}

function removeComments($: CheerioAPI): void {
  $.root()
    .find("*")
    .addBack()
    .contents()
    .filter((_, n) => n.type === "comment" || n.type === "directive")
    .remove();
}

function clean($: CheerioAPI): void {
  removeComments($);
  $(REMOVE_SELECTOR).remove();
  $("[style]").each((_, el) => {
    if (HIDDEN_STYLE_RE.test(el.attribs.style ?? "")) $(el).remove();
  });
}

function ancestors(el: Element, stop: Element): Element[] {
  const out: Element[] = [];
  let cur: Element | null = el;
  while (cur) {
    out.push(cur);
    if (cur === stop) break;
    const p: AnyNode | null = cur.parent;
    cur = p && p.type === "tag" ? (p as Element) : null;
  }
  return out;
}

function isInside(el: Element, container: Element): boolean {
  let cur: AnyNode | null = el;
  while (cur) {
    if (cur === container) return true;
    cur = cur.parent;
  }
  return false;
}

/** Index range [start, end] of the contiguous run with the largest score sum. */
function maxSubarray(scores: number[]): [number, number] {
  let best = -Infinity;
  let bestRange: [number, number] = [0, scores.length - 1];
  let sum = 0;
  let start = 0;
  scores.forEach((s, i) => {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += s;
    if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  });
  return bestRange;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s\p{P}]+/gu, "");
  return norm(a) === norm(b);
}

export function extractHtml(html: string): HtmlExtract {
  const $ = cheerio.load(html);
  const meta = readMeta($);
  const { title, candidates } = readTitles($, meta);
  clean($);
  const body = $("body").get(0) ?? ($("html").get(0) as Element | undefined);
  if (!body) return { title, titleCandidates: candidates, paragraphs: [], headerLines: [], meta };

  const blocks = collectBlocks(body);
  // Characters per element, to keep the class prior off whole-page wrappers.
  const charsOf = new Map<Element, number>();
  for (const b of blocks) for (const a of ancestors(b.owner, body)) charsOf.set(a, (charsOf.get(a) ?? 0) + b.chars);
  const total = charsOf.get(body) ?? 0;
  const priorCache = new Map<Element, number>();
  const priorOf = (el: Element): number => {
    let p = priorCache.get(el);
    if (p === undefined) {
      p = (charsOf.get(el) ?? 0) > total * 0.6 ? 0 : classPrior(el);
      priorCache.set(el, p);
    }
    return p;
  };

  const scores = blocks.map((b) => {
    let prior = 0;
    for (const a of ancestors(b.owner, body)) {
      const p = priorOf(a);
      if (p < 0) {
        prior = -1;
        break;
      }
      if (p > 0) prior = 1;
    }
    return scoreBlock(b, prior);
  });

  // The element whose blocks add up to the most is the main block.
  const subtree = new Map<Element, number>();
  blocks.forEach((b, i) => {
    for (const a of ancestors(b.owner, body)) subtree.set(a, (subtree.get(a) ?? 0) + (scores[i] ?? 0));
  });
  let main: Element = body;
  let mainScore = -Infinity;
  for (const [el, s] of subtree) {
    if (s > mainScore || (s === mainScore && (charsOf.get(el) ?? 0) < (charsOf.get(main) ?? 0))) {
      main = el;
      mainScore = s;
    }
  }

  if (process.env.DBG_HTML) {
    blocks.forEach((b, i) => console.error((scores[i] ?? 0).toFixed(1).padStart(7), b.tag, isInside(b.owner, main) ? "*" : " ", b.text.slice(0, 60)));
    console.error("MAIN", main.name, main.attribs, mainScore);
  }
  const inMain: number[] = [];
  blocks.forEach((b, i) => {
    if (isInside(b.owner, main)) inMain.push(i);
  });
  const [a, z] = maxSubarray(inMain.map((i) => scores[i] ?? 0));
  let chosen = inMain.slice(a, z + 1);
  // Table layouts put the article's paragraphs beside the page furniture in one cell:
  // then the best run over the whole page beats the best element.
  const [ga, gz] = maxSubarray(scores);
  const sum = (ix: number[]) => ix.reduce((t, i) => t + (scores[i] ?? 0), 0);
  const global = Array.from({ length: gz - ga + 1 }, (_, k) => ga + k);
  if (sum(chosen) < GLOBAL_RUN_RATIO * sum(global)) chosen = global;

  const paragraphs: string[] = [];
  for (const i of chosen) {
    const b = blocks[i] as TextBlock;
    if (title && sameText(b.text, title)) continue;
    if (isLinkList(b)) continue;
    paragraphs.push(b.text);
  }

  const first = chosen[0] ?? blocks.length;
  const headerLines = findHeaderLines(blocks, first, title);
  return { title, titleCandidates: candidates, paragraphs, headerLines, meta };
}

function isLinkList(b: TextBlock): boolean {
  return b.linkChars / Math.max(1, b.chars) > 0.6;
}

/** Short lines between the title block (or a few lines up) and the body start. */
function findHeaderLines(blocks: TextBlock[], bodyStart: number, title: string | null): string[] {
  let from = -1;
  if (title) {
    for (let i = bodyStart - 1; i >= 0 && i >= bodyStart - 40; i--) {
      if (sameText((blocks[i] as TextBlock).text, title)) {
        from = i;
        break;
      }
    }
  }
  const start = from >= 0 ? from + 1 : Math.max(0, bodyStart - 6);
  const lines: string[] = [];
  for (let i = start; i < bodyStart; i++) {
    const b = blocks[i] as TextBlock;
    if (b.chars <= MAX_HEADER_LINE && !isLinkList(b)) lines.push(b.text);
  }
  return lines.slice(-12);
}
