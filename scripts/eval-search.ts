// npm run eval:search [-- --verbose] [--judgments FILE] (default tests/gold/search-judgments.json; --fresh … --fresh6: the fresh files) — recall@10 and nDCG@10 of three engines on hand-judged queries:
// Meilisearch with default settings, Delta Atlas's tuned Meilisearch, and the SQLite FTS5 fallback.
// The measurement is lib/eval/search.ts (tests/eval-search.test.ts runs the same and checks the targets).
import { FRESH4_JUDGMENTS_FILE } from "@/lib/eval/search";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FRESH2_JUDGMENTS_FILE, FRESH3_JUDGMENTS_FILE, FRESH_JUDGMENTS_FILE, runSearchEval } from "@/lib/eval/search";

/** The fifth fresh set (issue 12): held out from the tuning of its round (`-- --fresh5`). */
const FRESH5_JUDGMENTS_FILE = fileURLToPath(new URL("../tests/gold/search-judgments-fresh5.json", import.meta.url));
/** The sixth fresh set (issue 12): held out, adds the cwced pages to the corpus (`-- --fresh6`). */
const FRESH6_JUDGMENTS_FILE = fileURLToPath(new URL("../tests/gold/search-judgments-fresh6.json", import.meta.url));
const verbose = process.argv.includes("--verbose");
const at = process.argv.indexOf("--judgments");
const judgmentsFile = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]!) : process.argv.includes("--fresh3") ? FRESH3_JUDGMENTS_FILE : process.argv.includes("--fresh2") ? FRESH2_JUDGMENTS_FILE : process.argv.includes("--fresh") ? FRESH_JUDGMENTS_FILE : undefined;

async function main() {
  const r = await runSearchEval({ judgmentsFile: process.argv.includes("--fresh6") ? FRESH6_JUDGMENTS_FILE : process.argv.includes("--fresh5") ? FRESH5_JUDGMENTS_FILE : process.argv.includes("--fresh4") ? FRESH4_JUDGMENTS_FILE : judgmentsFile });
  const table: string[] = ["| engine | recall@10 | nDCG@10 | queries with an unjudged page in the top 3 | queries with a literal-but-irrelevant page in the top 3 | p95 ms | queries with nDCG@10 < 0.8 |", "| --- | ---: | ---: | ---: | ---: | ---: | --- |"];
  const perQuery: string[] = [];
  for (const e of Object.values(r.engines)) {
    const weak = e.queries.filter((x) => x.ndcg < 0.8).map((x) => `${x.q} (${x.ndcg.toFixed(2)})`);
    table.push(`| ${e.name} | ${e.recall.toFixed(3)} | ${e.ndcg.toFixed(3)} | ${e.irrelevantTop3} | ${e.literalTop3} | ${Math.round(e.p95Ms)} | ${weak.join(", ") || "none"} |`);
    for (const x of e.queries) perQuery.push(`| ${e.name} | ${x.q} | ${x.recall.toFixed(2)} | ${x.ndcg.toFixed(2)} | ${x.literalTop3 || ""} | ${x.ranking.join(" ")} |`);
  }
  console.log(`Search evaluation: ${r.queries} judged queries, ${r.files} files ingested (${r.indexed} articles indexed)\n`);
  console.log(table.join("\n"));
  if (verbose) console.log(["", "| engine | query | recall@10 | nDCG@10 | literal-but-irrelevant in the top 3 | top 10 (file:grade) |", "| --- | --- | ---: | ---: | ---: | --- |", ...perQuery].join("\n"));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
