/**
 * `npm run bench:pages`: time to first byte of the pages and APIs on the production build, warm, on the
 * demo corpus (content/) in a temporary DATA_DIR. Prints p50/p95 per URL and the ratio to /api/timeline
 * measured in the same run, and writes bench/results-pages.json. Timings are noisy here: read the ratios.
 *   --runs N     requests per URL (default 40)
 *   --no-build   reuse an existing .next build
 */
import fs from "node:fs";
import Table from "cli-table3";
import { Command } from "commander";
import { pct, startBenchServer, ttfb } from "@/lib/bench/server";

const opts = new Command().option("--runs <n>", "requests per URL", "40").option("--no-build", "reuse the existing .next build").parse().opts<{ runs: string; build: boolean }>();
const runs = Math.max(5, Number(opts.runs));
const TARGET_MS = 150;

async function main() {
  const { base, stop } = await startBenchServer({ ingest: ["content"], build: opts.build, ready: "/api/timeline" });
  try {
    const urls = ["/api/timeline", "/timeline", `/timeline?region=${encodeURIComponent("嘉善")}`, "/api/timeline?region=region:yrd-demo", "/", `/?q=${encodeURIComponent("示范区")}`];
    const rows: { url: string; p50: number; p95: number }[] = [];
    for (const url of urls) {
      for (let i = 0; i < 5; i++) await ttfb(base + url); // warm
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await ttfb(base + url));
      rows.push({ url, p50: pct(times, 50), p95: pct(times, 95) });
    }
    const baseline = rows[0]!.p95;
    const table = new Table({ head: ["URL", "p50 ms", "p95 ms", "p95 / api"] });
    for (const r of rows) table.push([decodeURIComponent(r.url), r.p50.toFixed(1), r.p95.toFixed(1), (r.p95 / baseline).toFixed(2)]);
    console.log(table.toString());
    const timeline = rows[1]!;
    console.log(`/timeline p95 ${timeline.p95.toFixed(1)} ms: ${timeline.p95 <= TARGET_MS ? "within" : "OVER"} the ${TARGET_MS} ms target (${runs} warm requests per URL)`);
    fs.mkdirSync("bench", { recursive: true });
    fs.writeFileSync("bench/results-pages.json", JSON.stringify({ at: new Date().toISOString(), runs, targetMs: TARGET_MS, rows }, null, 2));
  } finally {
    await stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
