/**
 * The SQLite search fallback in process over the database in DATA_DIR (e.g. a `npm run bench -- --docs 10000 --dir D`
 * database: DATA_DIR=D/data): the 50 bench searches (lib/bench/queries.ts) with the substring path through the
 * trigram index (migration 0012) and through the LIKE scan it replaced, interleaved in the same run, so the ratio
 * holds on a shared machine whose load moves. For each: CPU time of the substring step alone and of the whole search
 * (process.cpuUsage, after one warm-up), and a check that both paths give the same answer (total, hits, facets).
 * `npm run bench:fallback [-- runs]` (default 3). Prints tables; writes nothing.
 */
import os from "node:os";
import { getDb } from "@/db/client";
import { substringMatches } from "@/db/queries/search";
import { BENCH_QUERIES } from "@/lib/bench/queries";
import { pct } from "@/lib/bench/server";
import { analyzeQuery, getQueryContext } from "@/lib/search/query";
import { searchSqlite } from "@/lib/search/sqlite-search";
import { parseSearchParams } from "@/lib/url-state";

const runs = Number(process.argv[2] ?? 3);
const db = getDb();
const ctx = getQueryContext(db);
const paths = ["scan", "index"] as const;
type Path = (typeof paths)[number];

function cpuMs<T>(f: () => T): [number, T] {
  const c = process.cpuUsage();
  const r = f();
  const d = process.cpuUsage(c);
  return [(d.user + d.system) / 1000, r];
}

const groups = ["short", "long", "facets", "traditional"];
const groupOf = (i: number) => groups[i < 13 ? 0 : i < 25 ? 1 : i < 38 ? 2 : 3]!;
const step: Record<Path, Record<string, number[]>> = { scan: {}, index: {} };
const whole: Record<Path, Record<string, number[]>> = { scan: {}, index: {} };
const differ: string[] = [];
const load0 = os.loadavg()[0]!;

for (let run = 0; run <= runs; run++) {
  BENCH_QUERIES.forEach((qs, i) => {
    const params = parseSearchParams(new URLSearchParams(qs));
    const aq = analyzeQuery(params.q, ctx);
    const answers: Partial<Record<Path, string>> = {};
    // Alternate which path goes first, so neither always meets a cold cache.
    for (const p of run % 2 ? [...paths].reverse() : paths) {
      const [s] = aq.like.length ? cpuMs(() => substringMatches({ db, strings: aq.like, path: p })) : [0];
      const [w, r] = cpuMs(() => searchSqlite(db, params, aq, ctx, { substringPath: p }));
      answers[p] = JSON.stringify({ ...r, tookMs: 0 });
      if (run === 0) continue; // warm-up
      for (const g of [groupOf(i), "all"]) {
        (step[p][g] ??= []).push(s);
        (whole[p][g] ??= []).push(w);
      }
    }
    if (run === 0 && answers.scan !== answers.index) differ.push(decodeURIComponent(qs));
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const rows = [...groups, "all"].map((g) => {
  const [ss, si, ws, wi] = [step.scan[g]!, step.index[g]!, whole.scan[g]!, whole.index[g]!];
  return {
    queries: g,
    "substring step, scan: mean / p95 ms": `${mean(ss).toFixed(1)} / ${pct(ss, 95).toFixed(1)}`,
    "index: mean / p95 ms": `${mean(si).toFixed(1)} / ${pct(si, 95).toFixed(1)}`,
    "index / scan": mean(ss) ? (mean(si) / mean(ss)).toFixed(2) : "-",
    "whole search, scan: mean / p95 ms": `${mean(ws).toFixed(1)} / ${pct(ws, 95).toFixed(1)}`,
    "index: mean / p95 ms ": `${mean(wi).toFixed(1)} / ${pct(wi, 95).toFixed(1)}`,
    "index / scan ": (mean(wi) / mean(ws)).toFixed(2),
  };
});
const docs = substringMatches({ db, strings: [""] }).length;
console.log(
  `SQLite fallback, ${docs} documents, ${BENCH_QUERIES.length} queries × ${runs} runs (after a warm-up), CPU ms per query; ` +
    `load average ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (shared machine: compare the ratios)`,
);
console.table(rows);
console.log(differ.length ? `DIFFERENT ANSWERS (${differ.length}): ${differ.join(", ")}` : "Same answers on both paths for all 50 queries (total, hits, facets).");
if (differ.length) process.exitCode = 1;
