import { createHash } from "node:crypto";
import { XMLBuilder } from "fast-xml-parser";
import { formatDate } from "../format";
import type { DatePrecision } from "../domain/dates";

/*
 * Atom 1.0 (RFC 4287) feeds of what is new: a search, an entity, the timeline. Pure functions: the route handlers
 * give the items, this builds the XML with fast-xml-parser's builder (which escapes text and attributes).
 * Ids are urn:uuid values derived from the article or milestone id, so an entry keeps its id across hosts, rebuilds
 * and re-ingests, and a feed's id is derived from its canonical query.
 */

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

export interface AtomEntry {
  /** Stable key (article:<id>, milestone:<id>): the entry's urn:uuid comes from it. */
  key: string;
  title: string;
  /** Page on this site. */
  href: string;
  /** The original page, when known. */
  via?: string | null;
  /** RFC 3339. */
  updated: string;
  published?: string | null;
  /** Who published it (the site, or the original source). */
  author?: string | null;
  summary: string;
  categories?: string[];
}

export interface AtomFeed {
  key: string;
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the page the feed follows. */
  alternate: string;
  entries: AtomEntry[];
  /** When there are no entries. */
  fallbackUpdated?: string;
}

/** A urn:uuid (version-5 style, SHA-1) for a key: the same key always gives the same id. */
export function stableId(key: string): string {
  const h = createHash("sha1").update(`delta-atlas:${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `urn:uuid:${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** Characters XML 1.0 does not allow, even escaped. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (s: string) => s.replace(NOT_XML, "");

/** A stored date (YYYY, YYYY-MM, YYYY-MM-DD) as RFC 3339, at the start of the period in China time. */
export function dateToRfc3339(value: string, precision?: DatePrecision | null): string {
  const [y, m = "01", d = "01"] = value.split("-");
  const p = precision ?? (value.length <= 4 ? "year" : value.length <= 7 ? "month" : "day");
  return `${y}-${p === "year" ? "01" : m}-${p === "day" ? d : "01"}T00:00:00+08:00`;
}

/** SQLite's `YYYY-MM-DD HH:MM:SS` (UTC) or an ISO string as RFC 3339. */
export function timestampToRfc3339(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return new Date(value).toISOString();
  return `${m[1]}T${m[2]}${m[4] ?? "Z"}`;
}

/** The later of two RFC 3339 instants. */
function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true, processEntities: true });

export function buildAtom(feed: AtomFeed): string {
  const updated = feed.entries.reduce<string | null>((acc, e) => (acc ? later(acc, e.updated) : e.updated), null) ?? feed.fallbackUpdated ?? "1970-01-01T00:00:00Z";
  const entry = feed.entries.map((e) => ({
    id: stableId(e.key),
    title: { "@_type": "text", "#text": clean(e.title) },
    link: [{ "@_rel": "alternate", "@_type": "text/html", "@_href": e.href }, ...(e.via ? [{ "@_rel": "via", "@_href": e.via }] : [])],
    ...(e.published ? { published: e.published } : {}),
    updated: e.updated,
    ...(e.author ? { author: { name: clean(e.author) } } : {}),
    ...(e.categories?.length ? { category: e.categories.map((c) => ({ "@_term": clean(c) })) } : {}),
    summary: { "@_type": "text", "#text": clean(e.summary) },
  }));
  const doc = {
    "?xml": { "@_version": "1.0", "@_encoding": "utf-8" },
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      "@_xml:lang": "zh-CN",
      id: stableId(`feed:${feed.key}`),
      title: { "@_type": "text", "#text": clean(feed.title) },
      ...(feed.subtitle ? { subtitle: clean(feed.subtitle) } : {}),
      link: [
        { "@_rel": "self", "@_type": "application/atom+xml", "@_href": feed.self },
        { "@_rel": "alternate", "@_type": "text/html", "@_href": feed.alternate },
      ],
      updated,
      author: { name: "Delta Atlas" },
      generator: "Delta Atlas",
      entry,
    },
  };
  return builder.build(doc) as string;
}

export function atomResponse(feed: AtomFeed): Response {
  return new Response(buildAtom(feed), { headers: { "content-type": ATOM_CONTENT_TYPE, "cache-control": "public, max-age=300" } });
}

/** Entry title line of an article: shown as it is; the summary starts with its date and outlet. */
export function articleSummary(a: { published: string | null; publishedPrecision: DatePrecision | null; site: string | null; source: string | null; lead: string }): string {
  const head = [formatDate(a.published, a.publishedPrecision), a.site, a.source && a.source !== a.site ? `来源：${a.source}` : null].filter(Boolean).join(" · ");
  const lead = a.lead.replace(/\s+/g, " ").trim();
  return head ? `${head}\n${lead}${lead.length >= 240 ? "…" : ""}` : lead;
}
