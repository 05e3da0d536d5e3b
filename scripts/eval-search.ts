// npm run eval:search — recall@10 and nDCG@10 of three engines on hand-judged queries:
// Meilisearch with default settings, Delta Atlas's tuned Meilisearch, and the SQLite FTS5 fallback.
// The corpus (content/ + ../shared/corpus/yrd-dev) goes through the real pipeline into a temporary DATA_DIR.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isNotNull } from "drizzle-orm";
import { openDb } from "@/db/client";
import { articles } from "@/db/schema";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { engineFor } from "@/lib/search/engine";
import { search, syncIndex } from "@/lib/search/index";
import { ensureLocalServer } from "@/lib/search/local-server";
import { parseSearchParams } from "@/lib/url-state";
import { ensureSucceeded } from "@/lib/search/sync";

interface Judged {
  q: string;
  intent: string;
  judgments: Record<string, number>;
}

const K = 10;
const gold = JSON.parse(fs.readFileSync(path.resolve("tests/gold/search-judgments.json"), "utf8")) as { queries: Judged[] };
const inputs = [path.resolve("content"), path.resolve("../shared/corpus/yrd-dev")];
const verbose = process.argv.includes("--verbose");

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

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-eval-search-"));
  const db = openDb(path.join(dir, "atlas.db"));
  const server = await ensureLocalServer({ dataDir: dir });
  try {
    const summary = ingestPaths({ db, paths: inputs });
    console.error(`ingested ${summary.files.length} files: ${JSON.stringify(summary.counts)}`);

    // file → article id (a near-duplicate counts as its twin).
    const rows = db.select({ id: articles.id, filePath: articles.filePath, duplicateOf: articles.duplicateOf }).from(articles).where(isNotNull(articles.filePath)).all();
    const idOf = new Map(rows.map((r) => [fileKey(r.filePath ?? ""), r.duplicateOf ?? r.id]));
    const fileOf = new Map([...idOf].map(([file, id]) => [id, file]));
    const gradesFor = (j: Judged) => {
      const m = new Map<string, number>();
      for (const [file, g] of Object.entries(j.judgments)) {
        const id = idOf.get(file);
        if (!id) {
          console.error(`warning: judged file ${file} was not ingested`);
          continue;
        }
        m.set(id, Math.max(m.get(id) ?? 0, g));
      }
      return m;
    };

    const tuned = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "eval_tuned", local: server });
    await syncIndex({ db, engine: tuned });

    // Baseline: the same articles (title + body) in an index with Meilisearch's default settings.
    const baseline = tuned.client.index("eval_default");
    const docs = db.select({ id: articles.id, title: articles.title, body: articles.body }).from(articles).all();
    const twins = new Set(rows.filter((r) => r.duplicateOf).map((r) => r.id));
    ensureSucceeded(await baseline.addDocuments(docs.filter((d) => !twins.has(d.id)), { primaryKey: "id" }).waitTask({ timeout: 120_000 }), "baseline documents");

    const engines: Record<string, (q: string) => Promise<string[]>> = {
      "Meilisearch, default settings": async (q) => (await baseline.search(q, { limit: K })).hits.map((h) => String(h.id)),
      "Delta Atlas tuned Meilisearch": async (q) => {
        const r = await search(parseSearchParams(new URLSearchParams({ q, pageSize: String(K) })), { db, engine: tuned });
        if (r.engine !== "meilisearch") throw new Error("tuned search fell back to SQLite");
        return r.hits.map((h) => h.id);
      },
      "SQLite FTS5 fallback": async (q) => (await search(parseSearchParams(new URLSearchParams({ q, pageSize: String(K) })), { db, engine: null })).hits.map((h) => h.id),
    };

    const table: string[] = ["| engine | recall@10 | nDCG@10 | queries with nDCG@10 < 0.8 |", "| --- | ---: | ---: | --- |"];
    const perQuery: string[] = [];
    for (const [name, run] of Object.entries(engines)) {
      let r = 0;
      let n = 0;
      const weak: string[] = [];
      for (const j of gold.queries) {
        const grades = gradesFor(j);
        const ranked = await run(j.q);
        const nd = ndcgAtK(ranked, grades);
        r += recallAtK(ranked, grades);
        n += nd;
        if (nd < 0.8) weak.push(`${j.q} (${nd.toFixed(2)})`);
        if (verbose) {
          const ranking = ranked.map((id) => `${fileOf.get(id)?.replace(/^content\/(\d+)_\w+/, "seed $1").replace(/^yrd-dev\//, "") ?? id}:${grades.get(id) ?? 0}`);
          perQuery.push(`| ${name} | ${j.q} | ${recallAtK(ranked, grades).toFixed(2)} | ${nd.toFixed(2)} | ${ranking.join(" ")} |`);
        }
      }
      const c = gold.queries.length;
      table.push(`| ${name} | ${(r / c).toFixed(3)} | ${(n / c).toFixed(3)} | ${weak.join(", ") || "none"} |`);
    }
    console.log(`Search evaluation: ${gold.queries.length} judged queries, ${idOf.size} files ingested (${docs.length - twins.size} articles indexed)\n`);
    console.log(table.join("\n"));
    if (verbose) console.log(["", "| engine | query | recall@10 | nDCG@10 | top 10 (file:grade) |", "| --- | --- | ---: | ---: | --- |", ...perQuery].join("\n"));
  } finally {
    await server.stop();
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
