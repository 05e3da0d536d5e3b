import type { CheerioAPI } from "cheerio";
import type { Element } from "domhandler";
import { z } from "zod";
import netease from "./profiles/163.json";
import thepaper from "./profiles/thepaper.json";
import xinhua from "./profiles/xinhua.json";

/*
 * Site profiles: what a known site's page template says about where the article is. One JSON file per site in
 * lib/ingest/profiles/ (hosts, content / date / source selectors, blocks to remove), used by the cleaner when the page's
 * URL (its sidecar `url`) is on one of the hosts; every other page, and a known page whose template changed (no
 * content selector matches enough text), goes through the generic main-block selection unchanged.
 *
 * The hook is one call in html.ts `parsePage`: `applyProfile($, url)` removes the profile's blocks, returns the content
 * element to use as the root of block collection, and puts what the date and source selectors found into the meta
 * map as `profile:published` / `profile:source` / `profile:site`, which metadata.ts reads first.
 */

const profileSchema = z
  .object({
    name: z.string().min(1),
    /** A host matches itself and its subdomains (163.com → www.163.com, m.163.com). */
    hosts: z.array(z.string().regex(/^[a-z0-9.-]+$/)).min(1),
    notes: z.string().optional(),
    /** Tried in order: the first that matches an element with enough text is the article body. */
    content: z.array(z.string().min(1)).min(1),
    /** The element whose text holds the publication date. */
    date: z.array(z.string().min(1)).default([]),
    /** The element that names the original publisher (来源). */
    source: z.array(z.string().min(1)).default([]),
    /** Blocks inside the body that are the site's furniture (share bars, disclaimers). */
    remove: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type SiteProfile = z.infer<typeof profileSchema>;

export const SITE_PROFILES: SiteProfile[] = [netease, thepaper, xinhua].map((p) => profileSchema.parse(p));

/** Less text than this in the content element means the template changed: fall back to the generic cleaner. */
const MIN_CONTENT_CHARS = 50;

export function profileFor(url: string | null | undefined, profiles: SiteProfile[] = SITE_PROFILES): SiteProfile | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return profiles.find((p) => p.hosts.some((h) => host === h || host.endsWith(`.${h}`))) ?? null;
}

function firstText($: CheerioAPI, selectors: string[]): string | null {
  for (const sel of selectors) {
    const text = $(sel).first().text().replace(/\s+/g, " ").trim();
    if (text) return text;
  }
  return null;
}

/**
 * Applies the profile of the page's site, if any, to a loaded page (before the generic cleaning). Returns the element
 * block collection should start from, or null for the generic path. Never throws on a bad page.
 */
export function applyProfile($: CheerioAPI, url: string | null | undefined, meta: Record<string, string>, profiles?: SiteProfile[]): Element | null {
  const profile = profileFor(url, profiles);
  if (!profile) return null;
  const date = firstText($, profile.date);
  const source = firstText($, profile.source);
  for (const sel of profile.content) {
    const el = $(sel).first();
    if (!el.length) continue;
    const body = el.clone();
    body.find(profile.remove.join(",") || "*:not(*)").remove();
    if (body.text().replace(/\s+/g, "").length < MIN_CONTENT_CHARS) continue;
    if (profile.remove.length) el.find(profile.remove.join(",")).remove();
    if (date) meta["profile:published"] = date;
    if (source) meta["profile:source"] = source;
    meta["profile:site"] = profile.name;
    return el.get(0) as Element;
  }
  return null;
}
