import { gunzipSync } from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { AtlasError } from "../errors";
import { canonicalUrl, isXmlType, type PoliteClient } from "./client";

/*
 * Where the URLs of a run come from: a list file, a sitemap (sitemap indexes followed) or an RSS / Atom / RSS 1.0
 * feed. The XML is read with fast-xml-parser (pure functions below), fetched through the polite client.
 */

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ["sitemap", "url", "item", "entry", "link"].includes(name),
});

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string => (typeof v === "string" || typeof v === "number" ? String(v).trim() : typeof v === "object" && v && "#text" in v ? String((v as Record<string, unknown>)["#text"]).trim() : "");

function parseXml(xml: string, what: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new AtlasError("bad-request", `${what} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  try {
    return parser.parse(xml) as Record<string, unknown>;
  } catch (error) {
    throw new AtlasError("bad-request", `${what} is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function absolute(raw: string, base: string): string | null {
  try {
    const u = canonicalUrl(raw, base);
    return /^https?:/.test(u) ? u : null;
  } catch {
    return null;
  }
}

export interface Sitemap {
  /** Page URLs with their lastmod when given. */
  pages: { url: string; lastmod?: string }[];
  /** Child sitemaps of a sitemap index. */
  sitemaps: string[];
}

/** A sitemap or sitemap index (sitemaps.org 0.9). */
export function parseSitemap(xml: string, base: string): Sitemap {
  const doc = parseXml(xml, base);
  const index = doc.sitemapindex as { sitemap?: unknown[] } | undefined;
  const urlset = doc.urlset as { url?: unknown[] } | undefined;
  if (!index && !urlset) throw new AtlasError("bad-request", `${base} is not a sitemap (no <urlset> or <sitemapindex>)`);
  const sitemaps = asArray(index?.sitemap).flatMap((s) => absolute(text((s as Record<string, unknown>).loc), base) ?? []);
  const pages = asArray(urlset?.url).flatMap((u) => {
    const entry = u as Record<string, unknown>;
    const url = absolute(text(entry.loc), base);
    const lastmod = text(entry.lastmod);
    return url ? [{ url, ...(lastmod ? { lastmod } : {}) }] : [];
  });
  return { pages, sitemaps };
}

export interface FeedItem {
  url: string;
  title?: string;
  published?: string;
}

/** Links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in feed order. */
export function parseFeed(xml: string, base: string): FeedItem[] {
  const doc = parseXml(xml, base);
  const rss = (doc.rss as { channel?: { item?: unknown[] } } | undefined)?.channel?.item ?? (doc.RDF as { item?: unknown[] } | undefined)?.item;
  if (rss) {
    return asArray(rss).flatMap((i) => {
      const item = i as Record<string, unknown>;
      const link = asArray(item.link as unknown[]).map(text).find(Boolean) ?? (text(item.guid) || "");
      const url = absolute(link, base);
      const published = text(item.pubDate) || text(item.date);
      return url ? [{ url, title: text(item.title) || undefined, published: published || undefined }] : [];
    });
  }
  const atom = doc.feed as { entry?: unknown[] } | undefined;
  if (atom) {
    return asArray(atom.entry).flatMap((e) => {
      const entry = e as Record<string, unknown>;
      const links = asArray(entry.link as Record<string, string>[]);
      const link = links.find((l) => !l["@rel"] || l["@rel"] === "alternate") ?? links[0];
      const url = link?.["@href"] ? absolute(link["@href"], base) : null;
      const published = text(entry.published) || text(entry.updated);
      return url ? [{ url, title: text(entry.title) || undefined, published: published || undefined }] : [];
    });
  }
  throw new AtlasError("bad-request", `${base} is not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed>)`);
}

/** URLs of a list file: one per line; blank lines and # comments skipped; relative or bad ones reported. */
export function parseUrlList(content: string): { urls: string[]; bad: string[] } {
  const urls: string[] = [];
  const bad: string[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    const u = absolute(line, "invalid:/");
    if (u) urls.push(u);
    else bad.push(line);
  }
  return { urls, bad };
}

async function getXml(client: PoliteClient, url: string): Promise<string> {
  const res = await client.get(url, { accept: isXmlType, acceptLabel: "XML" });
  let bytes = res.body;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return new TextDecoder().decode(bytes);
}

/** Every page URL a sitemap lists, newest <lastmod> first, following sitemap indexes (at most `maxSitemaps` files, nesting ≤ 3). */
export async function discoverSitemap(client: PoliteClient, url: string, opts: { maxSitemaps?: number; maxUrls?: number } = {}): Promise<{ urls: string[]; errors: string[] }> {
  const maxSitemaps = opts.maxSitemaps ?? 50;
  const maxUrls = opts.maxUrls ?? 50_000;
  const pages: { url: string; lastmod?: string }[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const queue: { url: string; depth: number }[] = [{ url, depth: 0 }];
  while (queue.length && seen.size < maxSitemaps && pages.length < maxUrls) {
    const next = queue.shift()!;
    if (seen.has(next.url)) continue;
    seen.add(next.url);
    try {
      const map = parseSitemap(await getXml(client, next.url), next.url);
      pages.push(...map.pages);
      if (next.depth < 3) queue.push(...map.sitemaps.map((s) => ({ url: s, depth: next.depth + 1 })));
    } catch (error) {
      if (next.url === url) throw error;
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  // Newest first, so that a page budget takes what is new: by <lastmod> (undated pages after, in sitemap order).
  const time = (p: { lastmod?: string }) => (p.lastmod ? Date.parse(p.lastmod) : Number.NaN);
  const sorted = pages
    .map((p, k) => ({ p, k, t: time(p) }))
    .sort((a, b) => (Number.isNaN(a.t) ? (Number.isNaN(b.t) ? a.k - b.k : 1) : Number.isNaN(b.t) ? -1 : b.t - a.t || a.k - b.k));
  return { urls: sorted.map((x) => x.p.url).slice(0, maxUrls), errors };
}

export async function discoverFeed(client: PoliteClient, url: string): Promise<string[]> {
  return parseFeed(await getXml(client, url), url).map((i) => i.url);
}
