import * as OpenCC from "opencc-js";

/**
 * Shingle scorer of the article-extraction-benchmark (scrapinghub), evaluate.py:
 * 4-token shingles, multiset TP/FP/FN normalised per document, P and R macro-averaged
 * over documents, F1 from the averaged P and R.
 * Differences, for Chinese: every Han character is its own token (`\w+` would clump a
 * whole clause into one token) and both sides are NFKC- and traditional→simplified-normalized.
 */

export interface TpFpFn {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

// Python's `\w` (re.UNICODE) is letters, numbers and underscore; a Han character stands alone.
const WORD_RE = /[\p{L}\p{N}_]+/gu;
const HAN_RE = /\p{Script=Han}/gu;

/** NFKC + traditional→simplified, as applied to both sides before tokenizing. */
export function normalizeForScoring(text: string): string {
  return toSimplified(text.normalize("NFKC"));
}

/** Tokens: runs of word characters, except that each Han character is a token by itself. */
export function tokenize(text: string): string[] {
  const spaced = normalizeForScoring(text).replace(HAN_RE, " $& ");
  return spaced.match(WORD_RE) ?? [];
}

/** Multiset of n-token shingles; a text shorter than n gives one short shingle (as evaluate.py). */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + n).join("\u0001");
    if (!shingle) continue;
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** TP/FP/FN of predicted vs true shingles, normalised to sum to 1 (when not all zero). */
export function shingleMatch(truth: string, pred: string, n = 4): TpFpFn {
  const t = shingles(truth, n);
  const p = shingles(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    fp += Math.max(0, pc - tc);
  }
  const s = tp + fp + fn;
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp, fp, fn };
}

export function precisionScore({ tp, fp, fn }: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallScore({ tp, fp, fn }: TpFpFn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Macro-averaged precision and recall over documents; F1 from the averages. */
export function aggregate(docs: TpFpFn[]): Prf {
  const precision = mean(docs.filter((d) => d.tp + d.fp > 0).map(precisionScore));
  const recall = mean(docs.filter((d) => d.tp + d.fn > 0).map(recallScore));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Scores predictions against ground truth keyed alike; a missing prediction counts as "". */
export function scoreCorpus(truth: Record<string, string>, pred: Record<string, string>): Prf {
  return aggregate(Object.keys(truth).map((k) => shingleMatch(truth[k] ?? "", pred[k] ?? "")));
}
