import fs from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { processPage } from "../ingest/process";

/*
 * A deterministic synthetic corpus for `npm run bench` (scripts/bench.ts), built from real pages: paragraphs of the
 * real Yangtze River Delta articles (content/ and the yrd-dev corpus) recombined, with shifted dates and swapped
 * places, inside the real page chrome of the gne corpus (menus, scripts, footers kept; only the article block and the
 * title replaced). A share of the pages are reprints (the same body on another site) and near-duplicates (another
 * site's copy with its own header, footer and punctuation). Page i depends only on (seed, i) and the source files:
 * the same seed always gives byte-identical pages, and pages are produced one at a time (never held together).
 */

export interface SynthSources {
  /** Article paragraphs (one line each, at least 20 Han characters). */
  paragraphs: string[];
  /** Headlines of the real articles. */
  titles: string[];
  /** Page chrome: the HTML split around the article block and the title. */
  templates: Template[];
}

export interface Template {
  name: string;
  /** HTML pieces and the title and article-block markers between them. */
  parts: string[];
  site: string;
}

export type PageKind = "original" | "reprint" | "near-duplicate";

export interface SynthPage {
  index: number;
  kind: PageKind;
  /** For reprints and near-duplicates: the original page's index. */
  of: number | null;
  html: string;
  /** The article's own paragraphs (what a perfect cleaner keeps). */
  paragraphs: string[];
  sidecar: { url: string; site: string; fetchedAt: string };
}

/** mulberry32: a small, fast, seedable PRNG (32-bit state). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit mix of the corpus seed and a page index (so page i's randomness does not depend on page i-1). */
function pageSeed(seed: number, index: number, salt = 0): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const HAN = /\p{Script=Han}/gu;
const hanCount = (s: string) => s.match(HAN)?.length ?? 0;

/** Places swapped between pages (the same story "happens" in another city of the delta). */
const PLACES = ["上海", "南京", "杭州", "合肥", "苏州", "无锡", "常州", "南通", "嘉兴", "湖州", "绍兴", "宁波", "芜湖", "马鞍山", "扬州", "镇江", "盐城", "金华", "舟山", "台州", "滁州", "宣城", "嘉善", "青浦", "吴江"];
const PLACE_RE = new RegExp(PLACES.join("|"), "g");

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The element holding most of the page's paragraph text: the article block to replace. */
function articleBlock($: cheerio.CheerioAPI) {
  let best: ReturnType<typeof $> | null = null;
  let bestLen = 0;
  $("div, article, section, td").each((_, el) => {
    const node = $(el);
    const len = node
      .children("p")
      .toArray()
      .reduce((n, p) => n + hanCount($(p).text()), 0);
    if (len > bestLen) {
      bestLen = len;
      best = node;
    }
  });
  return best as ReturnType<typeof $> | null;
}

const TITLE = "\uE000SYNTH:T\uE000";
const BLOCK = "\uE000SYNTH:B\uE000";

/**
 * Split a real page around its title and article block; null when it has no clear article block. The page's own
 * story goes entirely: the block, every other paragraph of text, and its headline wherever it is repeated.
 */
export function templateOf(name: string, html: string): Template | null {
  const $ = cheerio.load(html);
  const block = articleBlock($);
  if (!block) return null;
  const headlines = [$("h1").first().text().trim(), $("title").first().text().trim()].filter((h) => hanCount(h) >= 6);
  block.text(BLOCK);
  $("p").each((_, el) => {
    if (hanCount($(el).text()) >= 15) $(el).remove();
  });
  $("title").first().text(TITLE);
  $("h1").first().text(TITLE);
  const site = $('meta[property="og:site_name"]').attr("content") ?? name.split("/")[0] ?? "site";
  let out = $.html();
  for (const h of headlines) out = out.split(escapeHtml(h)).join(TITLE).split(h).join(TITLE);
  if (!out.includes(TITLE) || out.split(BLOCK).length !== 2) return null;
  return { name, parts: out.split(/(\uE000SYNTH:[TB]\uE000)/), site };
}

function listFiles(dir: string, ext: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, ext));
    else if (entry.name.endsWith(ext)) out.push(full);
  }
  return out;
}

/** Paragraphs and titles of the real articles, and the chrome of the real HTML pages, read once. */
export function loadSources({ contentDir, corpusDir }: { contentDir: string; corpusDir: string }): SynthSources {
  const texts = [...listFiles(contentDir, ".txt"), ...listFiles(path.join(corpusDir, "yrd-dev"), ".txt")];
  const paragraphs = new Set<string>();
  const titles = new Set<string>();
  for (const file of texts) {
    const lines = fs
      .readFileSync(file, "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const title = lines.find((l) => hanCount(l) >= 8 && l.length <= 40 && !/[。；]$/.test(l));
    if (title) titles.add(title);
    for (const l of lines) if (hanCount(l) >= 20 && l !== title) paragraphs.add(l);
  }
  const templates: Template[] = [];
  for (const file of listFiles(path.join(corpusDir, "gne"), ".html")) {
    const t = templateOf(path.relative(path.join(corpusDir, "gne", "tests"), file), fs.readFileSync(file, "utf8"));
    if (t && usable(t, [...paragraphs].slice(0, 6))) templates.push(t);
  }
  if (paragraphs.size < 50 || templates.length === 0) throw new Error(`too few sources for a synthetic corpus (${paragraphs.size} paragraphs, ${templates.length} templates)`);
  return { paragraphs: [...paragraphs], titles: [...titles], templates };
}

/** A template whose article block the ingest cleaner finds (some pages hide theirs where it does not look). */
function usable(t: Template, sample: string[]): boolean {
  try {
    const cleaned = processPage(Buffer.from(render(t, "长三角一体化示范区发布年度报告", ["发布时间：2024-02-20 10:00"], sample)), { fileName: "t.html" });
    const han = (s: string) => (s.match(HAN) ?? []).join("");
    const got = han(cleaned.paragraphs.join(""));
    return sample.filter((p) => got.includes(han(p).slice(0, 12))).length >= sample.length - 1;
  } catch {
    return false;
  }
}

/** Share of pages that are exact reprints and near-duplicates of an earlier page. */
export const REPRINT_SHARE = 0.04;
export const NEAR_DUPLICATE_SHARE = 0.08;

function kindOf(seed: number, index: number): PageKind {
  if (index === 0) return "original";
  const r = prng(pageSeed(seed, index, 1))();
  return r < REPRINT_SHARE ? "reprint" : r < REPRINT_SHARE + NEAR_DUPLICATE_SHARE ? "near-duplicate" : "original";
}

interface Story {
  title: string;
  date: string;
  paragraphs: string[];
}

/** The story of original page i: recombined paragraphs, one date shift and one place swap for the whole page. */
function storyOf(src: SynthSources, seed: number, index: number): Story {
  const rnd = prng(pageSeed(seed, index, 2));
  const yearShift = Math.floor(rnd() * 9) - 6;
  const swap = new Map<string, string>();
  for (const p of PLACES) if (rnd() < 0.3) swap.set(p, pick(rnd, PLACES));
  const rewrite = (s: string) =>
    s
      .replace(/((?:19|20)\d\d)(\s*年)/g, (_, y: string, tail: string) => `${Number(y) + yearShift}${tail}`)
      .replace(PLACE_RE, (p) => swap.get(p) ?? p);
  const n = 4 + Math.floor(rnd() * 11);
  const paragraphs: string[] = [];
  for (let i = 0; i < n; i++) paragraphs.push(rewrite(pick(rnd, src.paragraphs)));
  const year = 2019 + Math.floor(rnd() * 7);
  const date = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
  // The headline: a real one, or the lead's first clause.
  const title = rnd() < 0.5 && src.titles.length ? rewrite(pick(rnd, src.titles)) : paragraphs[0]!.split(/[，。；：,]/)[0]!.slice(0, 28);
  return { title: `${title}（${index}）`, date, paragraphs };
}

/** The original a reprint copies: an earlier original page, chosen by (seed, index). */
function originalFor(seed: number, index: number): number {
  const rnd = prng(pageSeed(seed, index, 3));
  for (let tries = 0; tries < 50; tries++) {
    const j = Math.floor(rnd() * index);
    if (kindOf(seed, j) === "original") return j;
  }
  return 0;
}

function render(t: Template, title: string, header: string[], body: string[]): string {
  const block = [...header.map((h) => `<div class="info">${escapeHtml(h)}</div>`), ...body.map((p) => `<p>${escapeHtml(p)}</p>`)].join("\n");
  const t2 = escapeHtml(title);
  return t.parts.map((p) => (p === TITLE ? t2 : p === BLOCK ? block : p)).join("");
}

/** Page `index` of the corpus with this seed. */
export function synthPage(src: SynthSources, seed: number, index: number): SynthPage {
  const kind = kindOf(seed, index);
  const of = kind === "original" ? null : originalFor(seed, index);
  const story = storyOf(src, seed, of ?? index);
  const rnd = prng(pageSeed(seed, index, 4));
  const template = pick(rnd, src.templates);
  const site = `${template.site}-${Math.floor(rnd() * 20)}`;
  let body = story.paragraphs;
  const header = [`发布时间：${story.date} ${String(Math.floor(rnd() * 24)).padStart(2, "0")}:${String(Math.floor(rnd() * 60)).padStart(2, "0")}`, `来源：${site}`];
  if (kind === "near-duplicate") {
    // Another site's copy: its own lead-in and editor line, half-width punctuation, one sentence trimmed.
    body = [`转载自${site}`, ...body.map((p) => p.replace(/，/g, ", ").replace(/：/g, ":")), `（责任编辑：${pick(rnd, ["王宁", "李静", "张磊", "陈晨"])}）`];
    const last = body.length - 2;
    body[last] = body[last]!.replace(/[^。]*。$/, "") || body[last]!;
  }
  const html = render(template, story.title, header, body);
  const fetched = `${story.date}T${String(8 + Math.floor(rnd() * 10)).padStart(2, "0")}:00:00Z`;
  return { index, kind, of, html, paragraphs: body, sidecar: { url: `https://bench.example/${encodeURIComponent(site)}/${index}.html`, site, fetchedAt: fetched } };
}

/** Where page i is written under the corpus folder: 1,000 pages per sub-folder. */
export function pagePath(root: string, index: number): string {
  return path.join(root, String(Math.floor(index / 1000)).padStart(4, "0"), `${String(index).padStart(7, "0")}.html`);
}

/** Write pages [0, n) one at a time (page + sidecar); returns bytes of HTML written. */
export function writeCorpus(src: SynthSources, seed: number, n: number, root: string, onPage?: (p: SynthPage, bytes: number) => void): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const page = synthPage(src, seed, i);
    const file = pagePath(root, i);
    if (i % 1000 === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    const bytes = Buffer.byteLength(page.html);
    fs.writeFileSync(file, page.html);
    fs.writeFileSync(file.replace(/\.html$/, ".json"), JSON.stringify(page.sidecar));
    total += bytes;
    onPage?.(page, bytes);
  }
  return total;
}
