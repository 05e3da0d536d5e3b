/**
 * `npm run bench:load`: a bounded load test of the production build on 127.0.0.1 only. A temporary DATA_DIR with the
 * demo corpus and yrd-dev, then `--clients` concurrent keep-alive clients (default 50) for `--duration` seconds
 * (default 60) alternating /api/search and the search page over a list of real queries. Prints requests, errors and
 * p50/p95/p99 per target, and the RSS of the app and of the engine before and after. The API rate limit is off for
 * the run (API_RATE_LIMIT=0): every client here is the same address.
 *   --clients N    concurrent clients (1–200)
 *   --duration S   seconds of load (5–300)
 *   --no-build     reuse an existing .next build
 */
import fs from "node:fs";
import path from "node:path";
import Table from "cli-table3";
import { Command } from "commander";
import { requireCorpus } from "../lib/eval/corpora";
import { pidsMentioning, startBenchServer } from "@/lib/bench/server";

const opts = new Command()
  .option("--clients <n>", "concurrent clients", "50")
  .option("--duration <s>", "seconds of load", "60")
  .option("--no-build", "reuse the existing .next build")
  .parse()
  .opts<{ clients: string; duration: string; build: boolean }>();
const clients = Math.min(200, Math.max(1, Number(opts.clients)));
const durationS = Math.min(300, Math.max(5, Number(opts.duration)));

const QUERIES = ["示范区", "长三角一体化", "嘉善", "青浦", "吴江", "生态绿色", "水乡客厅", "虹桥", "交通", "规划纲要", "都市圈", "科创", "开工", "浙江", "上海", "苏州", "投资", "三年行动计划", "产业园", "轨道交通"];
const TARGETS = {
  "/api/search": (q: string) => `/api/search?q=${encodeURIComponent(q)}`,
  "/?q= (search page)": (q: string) => `/?q=${encodeURIComponent(q)}`,
} as const;
type Target = keyof typeof TARGETS;

/** Resident set size of a process, MB (/proc/<pid>/status VmRSS), summed over the pids given. */
function rssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

/** The app's processes: the `next start` group leader and everything in its process group. */
function groupPids(pgid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return fs.readFileSync(`/proc/${e}/stat`, "utf8").split(") ")[1]?.split(" ")[2] === String(pgid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const { base, dataDir, server, stop } = await startBenchServer({
    ingest: ["content", requireCorpus("yrd-dev")],
    build: opts.build,
    env: { API_RATE_LIMIT: "0" },
    ready: "/api/search?q=%E7%A4%BA%E8%8C%83%E5%8C%BA",
  });
  try {
    const engine = () => pidsMentioning(path.join(dataDir, "meili"));
    const app = () => groupPids(server.pid!).filter((p) => !engine().includes(p));
    // Warm: every query once on each target.
    for (const q of QUERIES) for (const make of Object.values(TARGETS)) await fetch(base + make(q)).then((r) => r.arrayBuffer());
    const before = { app: rssMb(app()), engine: rssMb(engine()) };
    const times: Record<Target, number[]> = { "/api/search": [], "/?q= (search page)": [] };
    const errors: Record<Target, number> = { "/api/search": 0, "/?q= (search page)": 0 };
    const firstErrors: string[] = [];
    const deadline = Date.now() + durationS * 1000;
    console.error(`bench: ${clients} clients for ${durationS} s against ${base}…`);
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = c; Date.now() < deadline; i++) {
          const target = (Object.keys(TARGETS) as Target[])[i % 2]!;
          const url = base + TARGETS[target](QUERIES[i % QUERIES.length]!);
          const started = performance.now();
          try {
            const res = await fetch(url);
            await res.arrayBuffer();
            if (res.status !== 200) throw new Error(`${res.status}`);
            times[target].push(performance.now() - started);
          } catch (e) {
            errors[target]++;
            if (firstErrors.length < 5) firstErrors.push(`${decodeURIComponent(url)}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      }),
    );
    const after = { app: rssMb(app()), engine: rssMb(engine()) };
    const table = new Table({ head: ["target", "requests", "req/s", "errors", "p50 ms", "p95 ms", "p99 ms"] });
    for (const t of Object.keys(TARGETS) as Target[]) {
      const sorted = [...times[t]].sort((a, b) => a - b);
      table.push([t, sorted.length + errors[t], (sorted.length / durationS).toFixed(1), errors[t], pct(sorted, 50).toFixed(0), pct(sorted, 95).toFixed(0), pct(sorted, 99).toFixed(0)]);
    }
    console.log(table.toString());
    const mem = new Table({ head: ["RSS MB", "before", "after"] });
    mem.push(["app (next start)", before.app.toFixed(0), after.app.toFixed(0)], ["engine (meilisearch)", before.engine.toFixed(0), after.engine.toFixed(0)]);
    console.log(mem.toString());
    if (firstErrors.length) console.log(`first errors:\n  ${firstErrors.join("\n  ")}`);
    process.exitCode = Object.values(errors).some((n) => n > 0) ? 1 : 0;
  } finally {
    await stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
