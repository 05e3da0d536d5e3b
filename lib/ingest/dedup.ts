import { createHash, hash } from "node:crypto";

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

/**
 * 64-bit SimHash of the shingles, as 16 hex digits: bit b is set when most shingles' md5 (its first 64 bits) have
 * it set. Counted on two 32-bit words (BigInt arithmetic cost 17 ms on a 3,000-character article).
 */
export function simhash(text: string): string {
  return simhashOf(shingles(text));
}

function simhashOf(set: Set<string>): string {
  const weights = new Int32Array(64);
  for (const sh of set) {
    const d = hash("md5", sh, "buffer");
    const hi = d.readUInt32BE(0);
    const lo = d.readUInt32BE(4);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit]! += (lo >>> bit) & 1 ? 1 : -1;
      weights[bit + 32]! += (hi >>> bit) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit]! > 0) lo |= 1 << bit;
    if (weights[bit + 32]! > 0) hi |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function hammingDistance(a: string, b: string): number {
  const word = (s: string, from: number) => parseInt(s.padStart(16, "0").slice(from, from + 8), 16);
  return popcount((word(a, 0) ^ word(b, 0)) >>> 0) + popcount((word(a, 8) ^ word(b, 8)) >>> 0);
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

/*
 * The near-duplicate index: MinHash LSH over the same shingles. Each original stores BANDS keys, each the hash of
 * ROWS min-hashes; a page is compared (by findNearDuplicate, unchanged) only with the originals that share a key.
 * Two bodies with Jaccard similarity J share a key with probability 1 − (1 − J^ROWS)^BANDS: 0.97 at J = 0.5, > 0.999
 * from J = 0.67 (where containment 0.8 between bodies of similar length lands), 0.23 at J = 0.3; long paragraphs are
 * keys too (lshKeys). A lookup reads at most MAX_KEY_POSTINGS rows per key (a key shared by more articles is boilerplate
 * and says nothing), so its cost does not grow with the number of articles (comparing with every original did).
 */
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;

/** FNV-1a over UTF-16 code units: the 32-bit hash each min-hash is mixed from. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3's finalizer of x xor a per-hash seed: one of LSH_BANDS × LSH_ROWS independent-enough hash functions. */
function mix(x: number, seed: number): number {
  x ^= seed;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: LSH_BANDS * LSH_ROWS }, (_, i) => mix(i + 1, 0x9e3779b9));

/** MinHash signature of a shingle set (LSH_BANDS × LSH_ROWS values). */
export function minhash(set: Set<string>): Uint32Array {
  const sig = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const sh of set) {
    const h = fnv1a(sh);
    for (let i = 0; i < SEEDS.length; i++) {
      const v = mix(h, SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/**
 * The index keys of a body: one per LSH band, band number in the high bits (so equal rows in different bands never
 * collide), the rows' hash in the low 32 bits; then one per long paragraph (PARAGRAPH_BAND in the high bits, the hash
 * of its content characters below). MinHash estimates Jaccard similarity, which a partial copy (the first half of a
 * story, a reprint that dropped its last paragraphs) lacks while its containment is high: the paragraphs it kept
 * find it. Safe integers, stored as SQLite integers. None for an empty body.
 */
export function lshKeys(text: string): number[] {
  return [...lshKeysOf(shingles(text)), ...paragraphKeys(text)];
}

/** The high bits of paragraph keys (after the LSH bands). */
export const PARAGRAPH_BAND = 64;
/** Content characters a paragraph needs to be a key: shorter lines (bylines, 责任编辑, captions) are everywhere. */
export const MIN_PARAGRAPH_KEY = 30;

function paragraphKeys(text: string): number[] {
  const keys = new Set<number>();
  for (const p of text.split(/\n+/)) {
    const skeleton = contentSkeleton(p);
    if (skeleton.length >= MIN_PARAGRAPH_KEY) keys.add(PARAGRAPH_BAND * 2 ** 32 + fnv1a(skeleton));
  }
  return [...keys];
}

function lshKeysOf(set: Set<string>): number[] {
  if (set.size === 0) return [];
  const sig = minhash(set);
  const keys: number[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < LSH_ROWS; r++) h = mix(Math.imul(h, 0x01000193) ^ sig[b * LSH_ROWS + r]!, b);
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

/** SimHash and near-duplicate index keys of a body, from one pass over its shingles. */
export function dedupSignature(text: string): { simhash: string; keys: number[] } {
  const set = shingles(text);
  return { simhash: simhashOf(set), keys: [...lshKeysOf(set), ...paragraphKeys(text)] };
}
