import fs from "node:fs";
import { z } from "zod";
import { AtlasError } from "../errors";
import { PoliteClient } from "./client";
import { discoverFeed, discoverSitemap, parseUrlList } from "./discover";
import { emptyCounts, fetchUrls, type FetchResult, type FetchRunOptions, type FetchSummary } from "./run";

/*
 * Sources: where URLs come from (a list, a sitemap, a feed) and the sources file `kb watch` re-reads at every round.
 * sources.json (see sources.example.json):
 *   { "sources": [ { "name": "示范区执委会", "feed": "https://…/rss.xml", "maxPages": 50 },
 *                  { "name": "…", "sitemap": "https://…/sitemap.xml" }, { "name": "…", "urls": ["https://…"] } ] }
 */

const httpUrl = z.string().regex(/^https?:\/\/\S+$/, "an http(s) URL");

const sourceSchema = z
  .object({
    /** Shown in the summary and written as `site` into each sidecar. */
    name: z.string().min(1),
    sitemap: httpUrl.optional(),
    feed: httpUrl.optional(),
    urls: z.array(httpUrl).optional(),
    /** Pages fetched from this source per round at most. */
    maxPages: z.number().int().positive().optional(),
  })
  .strict()
  .refine((s) => [s.sitemap, s.feed, s.urls].filter(Boolean).length === 1, { message: "give exactly one of sitemap, feed or urls" });

const sourcesSchema = z.object({ sources: z.array(sourceSchema).min(1) }).strict();

export type SourceConfig = z.infer<typeof sourceSchema>;

export function loadSources(file: string): SourceConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AtlasError(code === "ENOENT" ? "not-found" : "config", `${file}: ${code === "ENOENT" ? "no such file (copy sources.example.json)" : error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = sourcesSchema.safeParse(raw);
  if (!parsed.success) throw new AtlasError("config", `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data.sources;
}

export interface Origin {
  urlsFile?: string;
  sitemap?: string;
  feed?: string;
  urls?: string[];
}

/** The page URLs an origin gives, plus what went wrong reading it (a child sitemap that failed, bad lines). */
export async function discover(client: PoliteClient, origin: Origin): Promise<{ urls: string[]; errors: FetchResult[] }> {
  const urls: string[] = [...(origin.urls ?? [])];
  const errors: FetchResult[] = [];
  const fail = (url: string, error: unknown) => {
    const e = error instanceof AtlasError ? error : new AtlasError("network", String(error));
    errors.push({ url, status: "failed", code: e.code, reason: e.message });
  };
  if (origin.urlsFile) {
    let content: string;
    try {
      content = fs.readFileSync(origin.urlsFile, "utf8");
    } catch (error) {
      throw new AtlasError("not-found", `--urls ${origin.urlsFile}: ${(error as Error).message}`, { cause: error });
    }
    const list = parseUrlList(content);
    urls.push(...list.urls);
    for (const line of list.bad) errors.push({ url: line, status: "failed", code: "bad-request", reason: `${origin.urlsFile}: “${line}” is not an absolute http(s) URL` });
  }
  if (origin.sitemap) {
    try {
      const found = await discoverSitemap(client, origin.sitemap);
      urls.push(...found.urls);
      for (const message of found.errors) errors.push({ url: origin.sitemap, status: "failed", code: "http-status", reason: message });
    } catch (error) {
      fail(origin.sitemap, error);
    }
  }
  if (origin.feed) {
    try {
      urls.push(...(await discoverFeed(client, origin.feed)));
    } catch (error) {
      fail(origin.feed, error);
    }
  }
  return { urls, errors };
}

/** A run's options, with the URLs coming from an origin instead of a list. */
export type FetchOriginOptions = Omit<FetchRunOptions, "urls">;

/** Discover, then fetch: one client for both, so robots.txt, rate limits and the time budget span the whole run. */
export async function fetchOrigin(origin: Origin, opts: FetchOriginOptions): Promise<FetchSummary> {
  const started = Date.now();
  const client = opts.client ?? new PoliteClient({ ...opts, deadline: started + (opts.maxTimeMs ?? 3_600_000) });
  const { urls, errors } = await discover(client, origin);
  const summary = await fetchUrls({ ...opts, urls, client, maxTimeMs: Math.max(0, (opts.maxTimeMs ?? 3_600_000) - (Date.now() - started)) });
  const results = [...errors, ...summary.results];
  const counts = emptyCounts();
  for (const r of results) counts[r.status]++;
  return { ...summary, results, counts, ms: Date.now() - started };
}
