import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

/** A page with hand-made ground truth from the external test corpus (../shared/corpus). */
export interface EvalPage {
  id: string;
  bytes: Buffer;
  truth: string;
}

/**
 * The external test corpus: `../shared/corpus` beside the checkout (resolved from this file, not the working
 * directory), or ATLAS_CORPUS_DIR when set.
 */
export const CORPUS_DIR = process.env.ATLAS_CORPUS_DIR
  ? path.resolve(process.env.ATLAS_CORPUS_DIR)
  : path.resolve(fileURLToPath(new URL("../../..", import.meta.url)), "shared", "corpus");

/**
 * The absolute path of the corpus (or of one of its folders), or a loud error when it is missing:
 * tests and evaluations that read it must fail, never skip, without it.
 */
export function requireCorpus(sub = ""): string {
  const dir = path.join(CORPUS_DIR, sub);
  if (!existsSync(dir)) {
    const env = process.env.ATLAS_CORPUS_DIR;
    throw new Error(
      `../shared/corpus${sub ? `/${sub}` : ""} not found at ${dir}: the test corpus must sit beside the checkout` +
        (env ? ` (ATLAS_CORPUS_DIR=${env} is set)` : " (or set ATLAS_CORPUS_DIR to where it is)"),
    );
  }
  return dir;
}

type Truth = Record<string, { articleBody: string }>;

function readTruth(file: string): Truth {
  return JSON.parse(readFileSync(file, "utf8")) as Truth;
}

/** cwced: 69 Chinese pages (mostly GBK), body text made by hand. */
export function loadCwced(dir = requireCorpus("cwced")): EvalPage[] {
  return Object.entries(readTruth(path.join(dir, "eval/cleaned_ground.json"))).map(([id, t]) => ({
    id,
    bytes: readFileSync(path.join(dir, "original", `${id}.html`)),
    truth: t.articleBody,
  }));
}

/** aeb: the 181 gzipped pages of the article-extraction-benchmark, mostly English. */
export function loadAeb(dir = requireCorpus("aeb")): EvalPage[] {
  const files = new Set(readdirSync(path.join(dir, "html")));
  return Object.entries(readTruth(path.join(dir, "ground-truth.json")))
    .filter(([id]) => files.has(`${id}.html.gz`))
    .map(([id, t]) => ({
      id,
      bytes: gunzipSync(readFileSync(path.join(dir, "html", `${id}.html.gz`))),
      truth: t.articleBody,
    }));
}
