import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { SingleBar, Presets } from "cli-progress";
import Table from "cli-table3";
import { config } from "@/lib/config";
import { AtlasError } from "@/lib/errors";
import type { FetchSummary } from "@/lib/fetch/run";
import type { FetchOriginOptions, Origin } from "@/lib/fetch/sources";
import { ingestBudgetOptions, positive, runIngest, type IngestCliOptions } from "./ingest";

const style = process.stdout.isTTY ? {} : { head: [], border: [] };

export const DEFAULT_FETCH_OUT = "content/fetched";

/** A whole number ≥ 0. */
const count = (what: string) => (raw: string) => {
  if (!/^\d+$/.test(raw.trim())) throw new InvalidArgumentError(`${what} must be a whole number (0 or more)`);
  return Number(raw);
};

/** "90s", "30m", "6h", "1d" (or plain seconds) → ms. */
export function parseDuration(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/i.exec(raw.trim());
  if (!m) throw new InvalidArgumentError(`“${raw}” is not a duration (e.g. 90s, 30m, 6h, 1d)`);
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? "s").toLowerCase() as "s" | "m" | "h" | "d"];
  const ms = Number(m[1]) * unit;
  if (ms <= 0) throw new InvalidArgumentError(`“${raw}” must be longer than zero`);
  return ms;
}

export interface FetchCliOptions extends IngestCliOptions {
  out: string;
  rate: number;
  maxPages: number;
  maxTime: number;
  maxSize: number;
  retries: number;
  maxRedirects: number;
  requestTimeout: number;
  contact?: string;
  ingest?: boolean;
}

/** The politeness and budget options shared by `fetch` and `watch`. */
export function fetchOptions(cmd: Command): Command {
  return ingestBudgetOptions(
    cmd
      .option("--out <dir>", "where pages and their sidecar .json are stored", DEFAULT_FETCH_OUT)
      .option("--rate <n>", "requests per second to one host", positive("--rate"), 1)
      .option("--max-pages <n>", "pages fetched per run at most", positive("--max-pages", true), 1000)
      .addOption(new Option("--max-time <duration>", "time budget of the whole run (e.g. 30m, 2h)").argParser(parseDuration).default(3_600_000, "1h"))
      .option("--max-size <MB>", "largest page accepted", positive("--max-size"), 20)
      .option("--retries <n>", "retries on 429, 5xx and network errors", count("--retries"), 3)
      .option("--max-redirects <n>", "redirects followed per URL", count("--max-redirects"), 5)
      .addOption(new Option("--request-timeout <duration>", "deadline of one request (e.g. 30s)").argParser(parseDuration).default(30_000, "30s"))
      .option("--contact <url>", "contact URL named in the User-Agent (default CRAWLER_CONTACT)")
      .option("--json", "print a machine-readable summary on stdout")
      .option("--no-index", "with --ingest: do not sync the search index afterwards"),
  );
}

export function originOptions(opts: FetchCliOptions, site?: string): FetchOriginOptions {
  return {
    outDir: opts.out,
    ratePerSecond: opts.rate,
    maxPages: opts.maxPages,
    maxTimeMs: opts.maxTime,
    maxBytes: opts.maxSize * 1048576,
    retries: opts.retries,
    maxRedirects: opts.maxRedirects,
    requestTimeoutMs: opts.requestTimeout,
    contact: opts.contact ?? config.CRAWLER_CONTACT,
    ...(site ? { site } : {}),
  };
}

export function fetchBar(json: boolean | undefined) {
  const bar = process.stderr.isTTY && !json
    ? new SingleBar({ format: "fetch  [{bar}] {value}/{total} | ETA {eta_formatted} | {url}", stream: process.stderr, hideCursor: true }, Presets.shades_classic)
    : null;
  return {
    onProgress: (done: number, total: number, url: string) => {
      if (!bar) return;
      if (done === 0) bar.start(total, 0, { url: "" });
      bar.update(done, { url: url.slice(-50) });
    },
    stop: () => bar?.stop(),
  };
}

export function printFetchSummary(summary: FetchSummary, title = "") {
  const c = summary.counts;
  const t = new Table({ head: [...(title ? ["source"] : []), "new", "updated", "unchanged", "304", "refused", "failed", "skipped", "requests", "time"], style });
  t.push([...(title ? [title] : []), c.new, c.updated, c.unchanged, c["not-modified"], c.refused, c.failed, c.skipped, summary.requests, `${(summary.ms / 1000).toFixed(1)} s`]);
  console.log(t.toString());
  const bad = summary.results.filter((r) => r.status === "refused" || r.status === "failed" || (r.status === "skipped" && r.reason));
  if (bad.length) {
    const table = new Table({ head: ["url", "outcome", "code", "reason"], colWidths: [44, 10, 13, 50], wordWrap: true, style });
    for (const r of bad.slice(0, 50)) table.push([r.url, r.status, r.code ?? "", r.reason ?? ""]);
    console.log(table.toString());
    if (bad.length > 50) console.log(`… and ${bad.length - 50} more (--json lists them all)`);
  }
}

export function registerFetch(program: Command) {
  fetchOptions(program.command("fetch"))
    .description("fetch pages politely (robots.txt, per-host rate limit, retries, conditional requests) and store them with a sidecar .json")
    .option("--urls <file>", "a file of URLs, one per line (# comments)")
    .option("--sitemap <url>", "a sitemap or sitemap index")
    .option("--feed <url>", "an RSS or Atom feed")
    .option("--site <name>", "site name written into each sidecar")
    .option("--ingest", "ingest the new and changed pages afterwards")
    .action(async (opts: FetchCliOptions & Origin & { urls?: string; site?: string }) => {
      const origin: Origin = { urlsFile: opts.urls, sitemap: opts.sitemap, feed: opts.feed };
      if (!origin.urlsFile && !origin.sitemap && !origin.feed) throw new AtlasError("bad-request", "give --urls FILE, --sitemap URL or --feed URL");
      if (!(opts.contact ?? config.CRAWLER_CONTACT) && !opts.json) console.error("note: no contact URL in the User-Agent; set CRAWLER_CONTACT (or --contact) so site owners can reach you");
      const bar = fetchBar(opts.json);
      const { fetchOrigin } = await import("@/lib/fetch/sources"); // not loaded by the other commands
      const summary = await fetchOrigin(origin, { ...originOptions(opts, opts.site), onProgress: bar.onProgress });
      bar.stop();
      let ingest: unknown = null;
      if (!opts.json) printFetchSummary(summary);
      if (opts.ingest && summary.changed.length) ingest = (await runIngest(summary.changed, { ...opts, quiet: true })).result;
      else if (opts.ingest && !opts.json) console.log("nothing new or changed to ingest");
      if (opts.json) console.log(JSON.stringify({ fetch: summary, ingest }, null, 2));
      const stored = summary.counts.new + summary.counts.updated + summary.counts.unchanged + summary.counts["not-modified"];
      process.exitCode = stored > 0 || summary.results.length === 0 ? 0 : 1;
    });
}
