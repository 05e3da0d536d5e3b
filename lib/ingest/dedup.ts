import { createHash } from "node:crypto";

/** Characters that carry content: Han, kana, hangul, Latin letters and digits. Punctuation and spaces vary between reprints. */
const CONTENT_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{L}\p{N}]/u;
const SHINGLE = 5;

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Content characters only, lower-cased: two reprints of a story differ in spacing and punctuation, not in these. */
export function contentSkeleton(text: string): string {
  let out = "";
  for (const ch of text.toLowerCase()) if (CONTENT_CHAR.test(ch)) out += ch;
  return out;
}

/** Set of 5-character shingles of the content skeleton. */
export function shingles(text: string): Set<string> {
  const s = contentSkeleton(text);
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= s.length; i++) set.add(s.slice(i, i + SHINGLE));
  if (set.size === 0 && s.length > 0) set.add(s);
  return set;
}

function hash64(s: string): bigint {
  return BigInt("0x" + createHash("md5").update(s).digest("hex").slice(0, 16));
}

/** 64-bit SimHash of the shingles, as 16 hex digits. */
export function simhash(text: string): string {
  const weights = new Array<number>(64).fill(0);
  for (const sh of shingles(text)) {
    const h = hash64(sh);
    for (let bit = 0; bit < 64; bit++) weights[bit]! += (h >> BigInt(bit)) & 1n ? 1 : -1;
  }
  let out = 0n;
  for (let bit = 0; bit < 64; bit++) if (weights[bit]! > 0) out |= 1n << BigInt(bit);
  return out.toString(16).padStart(16, "0");
}

export function hammingDistance(a: string, b: string): number {
  let x = BigInt("0x" + a) ^ BigInt("0x" + b);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

/**
 * Share of the smaller text's shingles found in the larger one. A reprint that kept more or less
 * boilerplate than its twin still scores high, which plain Jaccard would not.
 */
export function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/** SimHash distance below which two bodies are compared shingle by shingle. */
export const SIMHASH_CANDIDATE_DISTANCE = 18;
/** Containment from which two articles are the same story. */
export const NEAR_DUPLICATE_CONTAINMENT = 0.8;

export interface DedupCandidate {
  id: string;
  simhash: string;
  body: string;
}

/** The earliest candidate that is the same story as `body`, or null. */
export function findNearDuplicate(body: string, hash: string, candidates: DedupCandidate[]): string | null {
  const mine = shingles(body);
  let best: { id: string; score: number } | null = null;
  for (const c of candidates) {
    if (hammingDistance(hash, c.simhash) > SIMHASH_CANDIDATE_DISTANCE) continue;
    const score = containment(mine, shingles(c.body));
    if (score >= NEAR_DUPLICATE_CONTAINMENT && (!best || score > best.score)) best = { id: c.id, score };
  }
  return best?.id ?? null;
}
