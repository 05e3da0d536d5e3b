import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** A page with hand-made ground truth from the external test corpus (../shared/corpus). */
export interface EvalPage {
  id: string;
  bytes: Buffer;
  truth: string;
}

export const CORPUS_DIR = path.resolve("../shared/corpus");

type Truth = Record<string, { articleBody: string }>;

function readTruth(file: string): Truth {
  return JSON.parse(readFileSync(file, "utf8")) as Truth;
}

/** cwced: 69 Chinese pages (mostly GBK), body text made by hand. */
export function loadCwced(dir = path.join(CORPUS_DIR, "cwced")): EvalPage[] {
  return Object.entries(readTruth(path.join(dir, "eval/cleaned_ground.json"))).map(([id, t]) => ({
    id,
    bytes: readFileSync(path.join(dir, "original", `${id}.html`)),
    truth: t.articleBody,
  }));
}

/** aeb: the 181 gzipped pages of the article-extraction-benchmark, mostly English. */
export function loadAeb(dir = path.join(CORPUS_DIR, "aeb")): EvalPage[] {
  const files = new Set(readdirSync(path.join(dir, "html")));
  return Object.entries(readTruth(path.join(dir, "ground-truth.json")))
    .filter(([id]) => files.has(`${id}.html.gz`))
    .map(([id, t]) => ({
      id,
      bytes: gunzipSync(readFileSync(path.join(dir, "html", `${id}.html.gz`))),
      truth: t.articleBody,
    }));
}
