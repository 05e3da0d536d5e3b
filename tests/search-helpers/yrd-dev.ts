// Real pages for search tests: content/ and ../shared/corpus/yrd-dev ingested into a database, the last few pages of
// yrd-dev held back for a later ingest (a test of what a write changes).
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { requireCorpus } from "@/lib/eval/corpora";
import { ingestPaths } from "@/lib/ingest/pipeline";

/** Ingest all but the last `held` pages (a .txt and its .json each); returns the held-back files, in order. */
export function ingestYrdDevHoldingBack(db: Db, held: number): string[] {
  const corpus = requireCorpus("yrd-dev");
  const pages = fs.readdirSync(corpus).filter((f) => f.endsWith(".txt")).sort();
  const files = (names: string[]) => names.flatMap((f) => [f, f.replace(/\.txt$/, ".json")]).map((f) => path.join(corpus, f)).filter((f) => fs.existsSync(f));
  ingestPaths({ db, paths: ["content", ...files(pages.slice(0, -held))] });
  return files(pages.slice(-held));
}
