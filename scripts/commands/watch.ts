import { Option, type Command } from "commander";
import { setTimeout as sleep } from "node:timers/promises";
import type { FetchSummary } from "@/lib/fetch/run";
import { fetchBar, fetchOptions, originOptions, parseDuration, printFetchSummary, type FetchCliOptions } from "./fetch";
import { runIngest } from "./ingest";

/** One round: every configured source fetched (one client, so robots.txt and rate limits span sources), then what changed ingested. */
async function round(opts: FetchCliOptions & { sources: string }) {
  const { fetchOrigin, loadSources } = await import("@/lib/fetch/sources");
  const { PoliteClient } = await import("@/lib/fetch/client");
  const sources = loadSources(opts.sources);
  const started = Date.now();
  const base = originOptions(opts);
  const client = new PoliteClient({ ...base, deadline: started + opts.maxTime });
  const perSource: { name: string; summary: FetchSummary }[] = [];
  for (const source of sources) {
    const bar = fetchBar(opts.json);
    const summary = await fetchOrigin(
      { sitemap: source.sitemap, feed: source.feed, urls: source.urls },
      { ...base, client, site: source.name, maxPages: Math.min(source.maxPages ?? opts.maxPages, opts.maxPages), maxTimeMs: Math.max(0, opts.maxTime - (Date.now() - started)), onProgress: bar.onProgress },
    );
    bar.stop();
    perSource.push({ name: source.name, summary });
    if (!opts.json) printFetchSummary(summary, source.name);
  }
  const changed = perSource.flatMap((s) => s.summary.changed);
  const ingest = changed.length ? (await runIngest(changed, { ...opts, quiet: true })).result : null;
  if (!opts.json && !changed.length) console.log("nothing new or changed to ingest");
  if (opts.json) console.log(JSON.stringify({ at: new Date(started).toISOString(), sources: perSource, ingest }));
}

export function registerWatch(program: Command) {
  fetchOptions(program.command("watch"))
    .description("re-fetch the configured sources (sources.json) every --every and ingest what changed")
    .option("--sources <file>", "the sources file (see sources.example.json)", "sources.json")
    .addOption(new Option("--every <duration>", "time between rounds (e.g. 6h, 30m)").argParser(parseDuration).default(6 * 3_600_000, "6h"))
    .option("--once", "one round, then exit (for cron)")
    .action(async (opts: FetchCliOptions & { sources: string; every: number; once?: boolean }) => {
      // Loaded here, not with the CLI (the other commands never need the fetcher).
      const { loadSources } = await import("@/lib/fetch/sources");
      loadSources(opts.sources); // a bad file fails now, not six hours from now
      for (;;) {
        const started = Date.now();
        try {
          await round(opts);
        } catch (error) {
          if (opts.once) throw error;
          console.error(`round failed: ${error instanceof Error ? error.message : String(error)}; next round as scheduled`);
        }
        if (opts.once) return;
        const wait = Math.max(0, opts.every - (Date.now() - started));
        if (!opts.json) console.error(`next round at ${new Date(Date.now() + wait).toISOString()}`);
        await sleep(wait);
      }
    });
}
