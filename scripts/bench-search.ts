/**
 * CPU per search request in process, on both engines, before vs after: the 50 bench searches (lib/bench/queries.ts)
 * through what /api/search runs (parseSearchParams, search(), the JSON of the answer) over the database in DATA_DIR
 * (e.g. a `npm run bench -- --docs 10000 --dir D` database: DATA_DIR=D/data). For each query: this process's CPU
 * (process.cpuUsage: our code, the SQLite fallback's queries, the HTTP client) and, on Meilisearch, the engine
 * process's CPU (/proc/<pid>/stat). The figures are per request, so a cache rebuilt every few seconds is charged to
 * the request that rebuilds it.
 *
 * `--baseline DIR`: the same measurement run with the code of another checkout (DIR: e.g. a worktree of main, with
 * its node_modules), as child processes alternating with this checkout's (`--rounds`), on the same DATA_DIR, so both
 * see the same load; the answers (total, hits in order, facets, linked entities) are compared query by query.
 * Requests are measured cold (the answer cache off); "cache warm" is the same requests answered from the cache.
 * `npm run bench:search -- [--baseline DIR] [--runs 2] [--rounds 2] [--engines sqlite,meilisearch]`. Prints tables;
 * writes nothing.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { pct } from "@/lib/bench/server";

const { values: args } = parseArgs({
  options: {
    baseline: { type: "string" },
    runs: { type: "string", default: "2" },
    rounds: { type: "string", default: "2" },
    engines: { type: "string", default: "sqlite,meilisearch" },
    /** Child mode: measure, write the results to this file. */
    child: { type: "string" },
  },
});
const engines = args.engines.split(",").filter(Boolean) as ("sqlite" | "meilisearch")[];

/** One query's measures in one child: CPU ms of each run, the engine's CPU ms, and the answer (minus its time). */
interface Measured {
  cpu: number[];
  engineCpu: number[];
  answer: string;
  /** CPU ms of the same request answered from the answer cache (lib/search/cache.ts), where the code has one. */
  warm?: number;
}
/** Per engine: each query's measures, and the wall-clock ms of every request at concurrency 1 and 16, cold and warm. */
type Latencies = Record<"c1" | "c16" | "c1 warm" | "c16 warm", number[]>;
interface ChildResult {
  rows: Record<string, Measured[]>;
  latency: Record<string, Latencies>;
}

/** Each request's wall-clock ms, `concurrency` of them in flight at a time (in process: the fallback, synchronous, queues). */
async function timed(requests: (() => Promise<unknown>)[], concurrency: number): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const run = requests[next++]!;
      const t = performance.now();
      await run();
      out.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** Child: measure with the code of the current working directory (`@/` resolves through its tsconfig). */
async function child(): Promise<ChildResult> {
  const { BENCH_QUERIES } = await import("@/lib/bench/queries");
  const { getDb } = await import("@/db/client");
  const { search } = await import("@/lib/search");
  const { getEngine } = await import("@/lib/search/engine");
  const { parseSearchParams } = await import("@/lib/url-state");
  const db = getDb();
  const runs = Number(args.runs);
  const out: ChildResult = { rows: {}, latency: {} };
  for (const name of engines) {
    const engine = name === "sqlite" ? null : await getEngine();
    const pid = engine?.local?.pid;
    const engineTicks = () => {
      if (!pid) return 0;
      const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // USER_HZ = 100
    };
    const rows: Measured[] = BENCH_QUERIES.map(() => ({ cpu: [], engineCpu: [], answer: "" }));
    for (let run = 0; run <= runs; run++) {
      for (const [i, qs] of BENCH_QUERIES.entries()) {
        const c = process.cpuUsage();
        const e = engineTicks();
        const params = parseSearchParams(new URLSearchParams(qs));
        // Cold: the answer cache off, so every run computes (a checkout without the cache ignores the option).
        const r = await search(params, { db, engine, cacheSize: 0 } as Parameters<typeof search>[1]);
        const json = JSON.stringify(r);
        const d = process.cpuUsage(c);
        const de = engineTicks() - e;
        if (r.engine !== (name === "sqlite" ? "sqlite" : "meilisearch")) throw new Error(`${qs}: answered by ${r.engine}, expected ${name}`);
        if (run === 0) {
          // Warm-up: the answer, without its own time.
          rows[i]!.answer = crypto.createHash("sha256").update(JSON.stringify({ ...(JSON.parse(json) as object), tookMs: 0 })).digest("hex");
          continue;
        }
        rows[i]!.cpu.push((d.user + d.system) / 1000);
        rows[i]!.engineCpu.push(de);
      }
    }
    // Warm: the same requests again with the cache on (one pass fills it, the next is timed).
    for (const pass of [0, 1])
      for (const [i, qs] of BENCH_QUERIES.entries()) {
        const c = process.cpuUsage();
        JSON.stringify(await search(parseSearchParams(new URLSearchParams(qs)), { db, engine, cacheSize: 500 } as Parameters<typeof search>[1]));
        const d = process.cpuUsage(c);
        if (pass) rows[i]!.warm = (d.user + d.system) / 1000;
      }
    out.rows[name] = rows;
    // Latency: the 50 requests once at concurrency 1, twice at 16, cache off (cold) then on (warm, after a fill).
    const requests = (cacheSize: number, times: number) =>
      Array.from({ length: times }, () => BENCH_QUERIES.map((qs) => () => search(parseSearchParams(new URLSearchParams(qs)), { db, engine, cacheSize } as Parameters<typeof search>[1]).then((r) => JSON.stringify(r)))).flat();
    out.latency[name] = {
      c1: await timed(requests(0, 1), 1),
      c16: await timed(requests(0, 2), 16),
      "c1 warm": await timed(requests(500, 1), 1),
      "c16 warm": await timed(requests(500, 2), 16),
    };
  }
  return out;
}

function runChild(cwd: string): ChildResult {
  const script = fileURLToPath(import.meta.url);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-search-")), "result.json");
  execFileSync("npx", ["tsx", "--conditions=react-server", script, "--child", out, "--runs", args.runs, "--engines", args.engines], {
    cwd,
    // A cold engine (its index read from disk on a loaded machine) may miss the 1.5 s query deadline and fall back.
    env: { MEILI_QUERY_TIMEOUT_MS: "60000", ...process.env },
    stdio: ["ignore", "ignore", "inherit"] });
  const r = JSON.parse(fs.readFileSync(out, "utf8")) as ChildResult;
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return r;
}

const groups = ["short", "long", "facets", "traditional", "all"] as const;
const groupOf = (i: number) => (i < 13 ? "short" : i < 25 ? "long" : i < 38 ? "facets" : "traditional");
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const fmt = (xs: number[]) => (xs.length ? `${mean(xs).toFixed(1)} / ${pct(xs, 95).toFixed(1)}` : "-");

function main() {
  const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const sides: [string, string][] = args.baseline ? [["before", path.resolve(args.baseline)], ["after", here]] : [["after", here]];
  const load0 = os.loadavg()[0]!;
  const results: Record<string, ChildResult[]> = {};
  for (let round = 0; round < Number(args.rounds); round++) {
    // Alternate which side goes first, so neither always meets the other's leftovers in the page cache.
    for (const [side, dir] of round % 2 ? [...sides].reverse() : sides) {
      console.error(`round ${round + 1}: ${side} (${dir})`);
      (results[side] ??= []).push(runChild(dir));
    }
  }
  const collect = (side: string, engine: string, g: string, key: "cpu" | "engineCpu" | "warm") =>
    (results[side] ?? []).flatMap((r) => (r.rows[engine] ?? []).flatMap((m, i) => (g === "all" || groupOf(i) === g ? (m[key] ?? []) : [])));
  console.log(
    `${args.runs} runs × ${args.rounds} rounds of the 50 bench searches per side, after a warm-up; CPU ms per request, mean / p95; ` +
      `load average ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (shared machine: compare the ratios)`,
  );
  const latencyRows = engines.flatMap((engine) =>
    sides.map(([side]) => {
      const row: Record<string, string> = { engine, side };
      for (const k of ["c1", "c16", "c1 warm", "c16 warm"] as const) {
        const xs = (results[side] ?? []).flatMap((r) => r.latency[engine]?.[k] ?? []);
        row[`${k} p50 / p95 ms`] = xs.length ? `${pct(xs, 50).toFixed(0)} / ${pct(xs, 95).toFixed(0)}` : "-";
      }
      return row;
    }),
  );
  console.log("\nwall clock per request in process (what /api/search runs, without HTTP), all 50 searches; warm: the answer cache on (a checkout without it computes every request)");
  console.table(latencyRows);
  for (const engine of engines) {
    const rows = groups.map((g) => {
      const row: Record<string, string> = { queries: g };
      for (const [side] of sides) row[`${side}: ours`] = fmt(collect(side, engine, g, "cpu"));
      if (args.baseline) row["ours after/before"] = (mean(collect("after", engine, g, "cpu")) / mean(collect("before", engine, g, "cpu"))).toFixed(2);
      if (engine !== "sqlite") for (const [side] of sides) row[`${side}: engine`] = fmt(collect(side, engine, g, "engineCpu"));
      row["after, cache warm: ours"] = fmt(collect("after", engine, g, "warm"));
      return row;
    });
    console.log(`\n${engine}: this process's CPU (ours)${engine === "sqlite" ? " (SQLite runs in it)" : "; the engine's own CPU beside it"}`);
    console.table(rows);
    if (args.baseline) {
      const before = results.before?.[0]?.rows[engine] ?? [];
      const after = results.after?.[0]?.rows[engine] ?? [];
      const differ = before.flatMap((m, i) => (m.answer !== after[i]?.answer ? [i] : []));
      console.log(differ.length ? `${engine}: DIFFERENT ANSWERS for queries ${differ.join(", ")}` : `${engine}: same answers before and after for all ${before.length} queries (total, hits, facets, linked).`);
      if (differ.length) process.exitCode = 1;
    }
  }
}

if (args.child) {
  fs.writeFileSync(args.child, JSON.stringify(await child()));
  process.exit(0);
} else main();
