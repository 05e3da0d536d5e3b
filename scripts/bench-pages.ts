/**
 * `npm run bench:pages`: time to first byte of the pages and APIs on the production build, warm, on the
 * demo corpus (content/) in a temporary DATA_DIR. Prints p50/p95 per URL and the ratio to /api/timeline
 * measured in the same run, and writes bench/results-pages.json. Timings are noisy here: read the ratios.
 *   --runs N     requests per URL (default 40)
 *   --no-build   reuse an existing .next build
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Table from "cli-table3";
import { Command } from "commander";

const opts = new Command().option("--runs <n>", "requests per URL", "40").option("--no-build", "reuse the existing .next build").parse().opts<{ runs: string; build: boolean }>();
const runs = Math.max(5, Number(opts.runs));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "delta-atlas-bench-"));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: "", NEXT_TELEMETRY_DISABLED: "1" };
const TARGET_MS = 150;

function run(title: string, cmd: string, args: string[]) {
  console.error(`bench: ${title}…`);
  const r = spawnSync(cmd, args, { env, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`${title} failed (exit ${r.status ?? r.signal})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function ttfb(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url);
  const reader = res.body?.getReader();
  await reader?.read();
  const ms = performance.now() - started;
  await reader?.cancel();
  if (res.status >= 400) throw new Error(`${url} answered ${res.status}`);
  return ms;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function main() {
  run("ingest content/ (and index it)", "npm", ["run", "--silent", "kb", "--", "ingest", "content"]);
  if (opts.build || !fs.existsSync(".next/BUILD_ID")) run("next build", "npm", ["run", "--silent", "build"]);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: "ignore", detached: true });
  try {
    for (let i = 0; ; i++) {
      try {
        await ttfb(`${base}/api/timeline`);
        break;
      } catch {
        if (i > 300) throw new Error("the server did not start");
        await new Promise((r) => setTimeout(r, 200));
      }
    }
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
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    // The server started a local Meilisearch under DATA_DIR on its first search: stop it too.
    for (const entry of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
      try {
        if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(path.join(dataDir, "meili"))) process.kill(Number(entry), "SIGTERM");
      } catch {
        // gone meanwhile
      }
    }
    await new Promise((r) => setTimeout(r, 1500));
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
