// The search evaluation behind `npm run eval:search` (and its test): recall@10 and nDCG@10 of three engines on
// hand-judged queries: Meilisearch with default settings, Delta Atlas's tuned Meilisearch, and the SQLite FTS5
// fallback. The corpus (content/ + ../shared/corpus/yrd-dev) goes through the real pipeline into a temporary
// DATA_DIR, with a fresh local Meilisearch that is stopped (and the folder removed) at the end.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isNotNull } from "drizzle-orm";
import { openDb } from "@/db/client";
import { articles } from "@/db/schema";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { engineFor } from "@/lib/search/engine";
import { search, syncIndex } from "@/lib/search/index";
import { ensureLocalServer } from "@/lib/search/local-server";
import { parseSearchParams } from "@/lib/url-state";
import { normalizeForSearch } from "@/lib/search/segment";
import { ensureSucceeded } from "@/lib/search/sync";
import { requireCorpus } from "./corpora";

export interface Judged {
  q: string;
  intent: string;
  judgments: Record<string, number>;
  /** Pages read and found to hold the query's literal string while being irrelevant (fresh2 onward). */
  traps?: string[];
}

export const K = 10;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const JUDGMENTS_FILE = path.join(ROOT, "tests/gold/search-judgments.json");
/** The fourth fresh set (issue 12): 35 queries held out from the fifth round's tuning (`-- --fresh4`). */
export const FRESH4_JUDGMENTS_FILE = path.join(ROOT, "tests/gold/search-judgments-fresh4.json");
/** Queries and pages the search was not tuned on (issue 12): content/ + yrd-dev + gne. */
export const FRESH_JUDGMENTS_FILE = path.join(ROOT, "tests/gold/search-judgments-fresh.json");
/** The second fresh set (issue 12, round 3): 33 more queries, with the trap pages marked by hand. */
export const FRESH2_JUDGMENTS_FILE = path.join(ROOT, "tests/gold/search-judgments-fresh2.json");
/** The third fresh set (issue 12, round 4): 45 more queries, mostly on gne pages no earlier set used. */
export const FRESH3_JUDGMENTS_FILE = path.join(ROOT, "tests/gold/search-judgments-fresh3.json");

/** A judgments file may name its corpus: `content` (the demo corpus) or a folder of ../shared/corpus. */
function inputsOf(names: string[] | undefined): string[] {
  if (!names?.length) return [path.join(ROOT, "content"), requireCorpus("yrd-dev")];
  return names.map((n) => (n === "content" ? path.join(ROOT, "content") : requireCorpus(n)));
}

export const ENGINES = {
  default: "Meilisearch, default settings",
  tuned: "Delta Atlas tuned Meilisearch",
  fallback: "SQLite FTS5 fallback",
} as const;
export type EngineKey = keyof typeof ENGINES;

/** `content/x.txt` / `yrd-dev/x.txt`: the last two path segments, as the judgments name files. */
const fileKey = (p: string) => p.split(/[\\/]/).slice(-2).join("/");

export function ndcgAtK(ranked: string[], grades: Map<string, number>, k = K): number {
  const dcg = ranked.slice(0, k).reduce((s, id, i) => s + (2 ** (grades.get(id) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return idcg === 0 ? 1 : dcg / idcg;
}

/** Relevant found in the top k over the relevant that fit in k (so a query with 12 relevant can reach 1). */
export function recallAtK(ranked: string[], grades: Map<string, number>, k = K): number {
  const relevant = [...grades].filter(([, g]) => g > 0).map(([id]) => id);
  if (!relevant.length) return 1;
  const found = ranked.slice(0, k).filter((id) => relevant.includes(id)).length;
  return found / Math.min(k, relevant.length);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : 0;
}

export interface QueryScore {
  q: string;
  recall: number;
  ndcg: number;
  /** The top k as `file:grade`, for --verbose. */
  ranking: string[];
  /** Unjudged (grade 0) pages among the first 3 hits. */
  irrelevantTop3: number;
  /**
   * Literal-but-irrelevant pages among the first 3 hits: grade 0 and either marked as a trap in the judgments or
   * holding the normalized query as a string in their title or body (a hit inside an unrelated word, a sidebar).
   */
  literalTop3: number;
}

export interface EngineScore {
  key: EngineKey;
  name: string;
  /** Means over the judged queries. */
  recall: number;
  ndcg: number;
  /** Queries with a grade-0 page in their top 3. */
  irrelevantTop3: number;
  /** Queries with a literal-but-irrelevant page in their top 3 (the top-3 rule). */
  literalTop3: number;
  /** 95th percentile of the wall time of one query (ms), for the table only: timings are noisy. */
  p95Ms: number;
  queries: QueryScore[];
}

export interface SearchEvalResult {
  queries: number;
  files: number;
  indexed: number;
  /** Judged files that were not ingested (each one is also a warning). */
  missing: string[];
  engines: Record<EngineKey, EngineScore>;
}

export async function runSearchEval(
  opts: { inputs?: string[]; judgmentsFile?: string; log?: (msg: string) => void } = {},
): Promise<SearchEvalResult> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const gold = JSON.parse(fs.readFileSync(opts.judgmentsFile ?? JUDGMENTS_FILE, "utf8")) as { inputs?: string[]; queries: Judged[] };
  const inputs = opts.inputs ?? inputsOf(gold.inputs);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-eval-search-"));
  const db = openDb(path.join(dir, "atlas.db"));
  try {
    const server = await ensureLocalServer({ dataDir: dir });
    try {
      const summary = ingestPaths({ db, paths: inputs });
      log(`ingested ${summary.files.length} files: ${JSON.stringify(summary.counts)}`);

      // file → article id (a near-duplicate counts as its twin).
      const rows = db.select({ id: articles.id, filePath: articles.filePath, duplicateOf: articles.duplicateOf }).from(articles).where(isNotNull(articles.filePath)).all();
      const idOf = new Map(rows.map((r) => [fileKey(r.filePath ?? ""), r.duplicateOf ?? r.id]));
      const fileOf = new Map([...idOf].map(([file, id]) => [id, file]));
      // Normalized title + body of every article, to tell a literal hit (the query as a string) from another match.
      const textOf = new Map(db.select({ id: articles.id, title: articles.title, body: articles.body }).from(articles).all().map((a) => [a.id, normalizeForSearch(`${a.title}\n${a.body}`)]));
      const missing = new Set<string>();
      const gradesFor = (j: Judged) => {
        const m = new Map<string, number>();
        for (const [file, g] of Object.entries(j.judgments)) {
          const id = idOf.get(file);
          if (!id) {
            if (!missing.has(file)) log(`warning: judged file ${file} was not ingested`);
            missing.add(file);
            continue;
          }
          m.set(id, Math.max(m.get(id) ?? 0, g));
        }
        return m;
      };

      const tuned = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "eval_tuned", local: server });
      const synced = await syncIndex({ db, engine: tuned });
      if (synced.engine !== "meilisearch") throw new Error(`the tuned index was not built: ${synced.engineError ?? "no engine"}`);

      // Baseline: the same articles (title + body) in an index with Meilisearch's default settings.
      const baseline = tuned.client.index("eval_default");
      const docs = db.select({ id: articles.id, title: articles.title, body: articles.body }).from(articles).all();
      const twins = new Set(rows.filter((r) => r.duplicateOf).map((r) => r.id));
      ensureSucceeded(await baseline.addDocuments(docs.filter((d) => !twins.has(d.id)), { primaryKey: "id" }).waitTask({ timeout: 120_000 }), "baseline documents");

      const params = (q: string) => parseSearchParams(new URLSearchParams({ q, pageSize: String(K) }));
      const run: Record<EngineKey, (q: string) => Promise<string[]>> = {
        default: async (q) => (await baseline.search(q, { limit: K })).hits.map((h) => String(h.id)),
        tuned: async (q) => {
          const r = await search(params(q), { db, engine: tuned });
          if (r.engine !== "meilisearch") throw new Error("tuned search fell back to SQLite");
          return r.hits.map((h) => h.id);
        },
        fallback: async (q) => {
          const r = await search(params(q), { db, engine: null });
          if (r.engine !== "sqlite") throw new Error("the fallback was not answered by SQLite");
          return r.hits.map((h) => h.id);
        },
      };

      const engines = {} as Record<EngineKey, EngineScore>;
      for (const key of Object.keys(ENGINES) as EngineKey[]) {
        const queries: QueryScore[] = [];
        const times: number[] = [];
        for (const j of gold.queries) {
          const grades = gradesFor(j);
          const t0 = performance.now();
          const ranked = await run[key](j.q);
          times.push(performance.now() - t0);
          const ranking = ranked.map((id) => `${fileOf.get(id)?.replace(/^content\/(\d+)_\w+/, "seed $1").replace(/^yrd-dev\//, "") ?? id}:${grades.get(id) ?? 0}`);
          const irrelevantTop3 = ranked.slice(0, 3).filter((id) => !grades.get(id)).length;
          const traps = new Set((j.traps ?? []).map((f) => idOf.get(f)));
          const literal = normalizeForSearch(j.q);
          const literalTop3 = ranked.slice(0, 3).filter((id) => !grades.get(id) && (traps.has(id) || textOf.get(id)?.includes(literal))).length;
          queries.push({ q: j.q, recall: recallAtK(ranked, grades), ndcg: ndcgAtK(ranked, grades), ranking, irrelevantTop3, literalTop3 });
        }
        const mean = (f: (s: QueryScore) => number) => queries.reduce((s, x) => s + f(x), 0) / queries.length;
        engines[key] = { key, name: ENGINES[key], recall: mean((x) => x.recall), ndcg: mean((x) => x.ndcg), irrelevantTop3: queries.filter((x) => x.irrelevantTop3 > 0).length, literalTop3: queries.filter((x) => x.literalTop3 > 0).length, p95Ms: percentile(times, 0.95), queries };
      }
      return { queries: gold.queries.length, files: idOf.size, indexed: docs.length - twins.size, missing: [...missing], engines };
    } finally {
      await server.stop();
    }
  } finally {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
