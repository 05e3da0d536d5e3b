import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { toAtlasError, type ErrorCode } from "../errors";
import { decodeBytes } from "../ingest/decode";
import { headerCharset, isHtmlType, PoliteClient, canonicalUrl, type ClientOptions } from "./client";

/*
 * One fetch run: each URL fetched at most once, stored raw as <out>/<host>/<hash>.html with a sidecar .json in the
 * format the ingest reads (lib/ingest/analyze.ts: url, fetchedAt, site, encoding; the rest is kept for the next
 * run's conditional request and for people). `url` is the address asked for (it names the file and the article);
 * `finalUrl` is where redirects led.
 */

export interface FetchSidecar {
  url: string;
  finalUrl: string;
  fetchedAt: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  /** Charset the Content-Type header declared, if any. */
  headerCharset: string | null;
  /** Charset the ingest's decoder (lib/ingest/decode.ts) finds for the bytes; null when it cannot tell. */
  encoding: string | null;
  bytes: number;
  site?: string;
}

export type FetchStatus = "new" | "updated" | "unchanged" | "not-modified" | "refused" | "failed" | "skipped";

export interface FetchResult {
  url: string;
  status: FetchStatus;
  finalUrl?: string;
  httpStatus?: number;
  /** Stored page (relative to the working directory). */
  file?: string;
  code?: ErrorCode;
  reason?: string;
}

export interface FetchSummary {
  counts: Record<FetchStatus, number>;
  results: FetchResult[];
  requests: number;
  ms: number;
  /** Files written this run (new or updated): what `--ingest` ingests. */
  changed: string[];
}

export interface FetchRunOptions extends Omit<ClientOptions, "deadline"> {
  urls: string[];
  outDir: string;
  /** Pages fetched at most (default 1000). */
  maxPages?: number;
  /** Whole-run time budget, ms (default 1 h). */
  maxTimeMs?: number;
  /** Hosts fetched in parallel (each host still one request at a time; default 4). */
  concurrency?: number;
  /** Site name written into each sidecar (a configured source's name). */
  site?: string;
  onProgress?: (done: number, total: number, url: string) => void;
  /** An existing client (discovery already used it: robots.txt and rate limits carry over). */
  client?: PoliteClient;
}

/** Refusals are the site's or our rules (robots, type, size, redirects); failures are errors (HTTP, network). */
const REFUSAL_CODES = new Set<ErrorCode>(["robots", "unsupported", "too-large", "redirects"]);

export function storedPath(outDir: string, url: string): string {
  const u = new URL(url);
  const hash = createHash("sha256").update(url).digest("hex").slice(0, 16);
  const host = u.host.replace(/[^\w.-]/g, "_");
  return path.join(outDir, host, `${hash}.html`);
}

export const sidecarPathOf = (page: string) => page.replace(/\.html$/, ".json");

export function readStoredSidecar(page: string): Partial<FetchSidecar> | null {
  try {
    return JSON.parse(fs.readFileSync(sidecarPathOf(page), "utf8")) as Partial<FetchSidecar>;
  } catch {
    return null;
  }
}

function detectEncoding(bytes: Uint8Array, declared: string | null): string | null {
  try {
    return decodeBytes(bytes, { declared: declared ?? undefined }).encoding;
  } catch {
    return null;
  }
}

/** Writes a file through a temporary name, so an interrupted run never leaves half a page. */
function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

export function emptyCounts(): Record<FetchStatus, number> {
  return { new: 0, updated: 0, unchanged: 0, "not-modified": 0, refused: 0, failed: 0, skipped: 0 };
}

export async function fetchUrls(opts: FetchRunOptions): Promise<FetchSummary> {
  const started = Date.now();
  const maxTimeMs = opts.maxTimeMs ?? 3_600_000;
  const client = opts.client ?? new PoliteClient({ ...opts, deadline: started + maxTimeMs });
  const maxPages = opts.maxPages ?? 1000;
  const queue: string[] = [];
  const queued = new Set<string>();
  const results: FetchResult[] = [];
  for (const raw of opts.urls) {
    let url: string;
    try {
      url = canonicalUrl(raw);
    } catch {
      results.push({ url: raw, status: "failed", code: "bad-request", reason: `${raw}: not a URL` });
      continue;
    }
    if (queued.has(url)) continue;
    if (client.asked.has(url)) {
      results.push({ url, status: "skipped", reason: "already fetched in this run" });
      continue;
    }
    client.asked.add(url);
    queued.add(url);
    queue.push(url);
  }
  const total = queue.length;
  let fetched = 0;
  let done = 0;

  const one = async (url: string): Promise<FetchResult> => {
    if (fetched >= maxPages) return { url, status: "skipped", code: "budget", reason: `page budget of ${maxPages} reached` };
    if (Date.now() - started >= maxTimeMs) return { url, status: "skipped", code: "budget", reason: `time budget of ${Math.round(maxTimeMs / 1000)} s spent` };
    if (client.reached.has(url)) return { url, status: "skipped", reason: "already fetched in this run (a redirect led to it)" };
    fetched++;
    const file = storedPath(opts.outDir, url);
    const stored = fs.existsSync(file) ? readStoredSidecar(file) : null;
    try {
      const res = await client.get(url, { accept: isHtmlType, acceptLabel: "HTML", etag: stored?.etag, lastModified: stored?.lastModified });
      const rel = path.relative(process.cwd(), file);
      if (res.status === 304) {
        client.reached.add(res.finalUrl);
        return { url, status: "not-modified", httpStatus: 304, finalUrl: res.finalUrl, file: rel };
      }
      // A redirect to a page already fetched in this run is not stored twice.
      if (client.reached.has(res.finalUrl)) return { url, status: "skipped", finalUrl: res.finalUrl, reason: `redirects to ${res.finalUrl}, already fetched in this run` };
      client.reached.add(res.finalUrl);
      const contentType = res.headers.get("content-type");
      const declared = headerCharset(contentType);
      const sidecar: FetchSidecar = {
        url,
        finalUrl: res.finalUrl,
        fetchedAt: new Date().toISOString(),
        status: res.status,
        etag: res.headers.get("etag"),
        lastModified: res.headers.get("last-modified"),
        contentType,
        headerCharset: declared,
        encoding: detectEncoding(res.body, declared),
        bytes: res.body.byteLength,
        ...(opts.site ? { site: opts.site } : stored?.site ? { site: stored.site } : {}),
      };
      const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (before && Buffer.compare(before, Buffer.from(res.body)) === 0) {
        // Same bytes: only the validators change, so the ingest has nothing to redo.
        writeAtomic(sidecarPathOf(file), JSON.stringify({ ...stored, ...sidecar, fetchedAt: stored?.fetchedAt ?? sidecar.fetchedAt }, null, 2));
        return { url, status: "unchanged", httpStatus: res.status, finalUrl: res.finalUrl, file: rel };
      }
      writeAtomic(file, res.body);
      const { encoding, ...rest } = sidecar;
      // The ingest reads `encoding` as a declaration: omit it when the decoder could not tell.
      writeAtomic(sidecarPathOf(file), JSON.stringify(encoding ? sidecar : rest, null, 2));
      return { url, status: before ? "updated" : "new", httpStatus: res.status, finalUrl: res.finalUrl, file: rel };
    } catch (error) {
      const e = toAtlasError(error);
      const status: FetchStatus = e.code === "budget" ? "skipped" : REFUSAL_CODES.has(e.code) ? "refused" : "failed";
      return { url, status, code: e.code, reason: e.message };
    }
  };

  // A small pool: different hosts proceed in parallel, the client serializes each host.
  const slots = new Array<FetchResult | undefined>(queue.length);
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const k = next++;
      const url = queue[k]!;
      slots[k] = await one(url);
      opts.onProgress?.(++done, total, url);
    }
  };
  opts.onProgress?.(0, total, "");
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, queue.length)) }, worker));
  results.push(...(slots as FetchResult[]));
  const counts = emptyCounts();
  for (const r of results) counts[r.status]++;
  const changed = results.filter((r) => (r.status === "new" || r.status === "updated") && r.file).map((r) => r.file!);
  return { counts, results, requests: client.requests, ms: Date.now() - started, changed };
}
