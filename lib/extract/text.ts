/** Small text helpers shared by the extractors. */
import { Jieba } from "@node-rs/jieba";
import { dict, idf } from "@node-rs/jieba/dict";

let plain: Jieba | undefined;
/** jieba with its own dictionary only, loaded once per process for every extractor and the search segmenter. */
export function plainJieba(): Jieba {
  plain ??= Jieba.withDict(dict);
  return plain;
}

/**
 * A read-only string → number table over one big UTF-8 text, without a JS object per entry: open addressing in
 * typed arrays (keys are byte ranges of the text, compared byte by byte with the UTF-8 form of the key). jieba's IDF
 * table as a Map took 34 MB of heap in every thread that extracts (each ingest worker); decoded into one JS string
 * it still held 9 MB of heap a thread (4.5M characters, two bytes each); over the bytes jieba's module already holds,
 * it adds only the typed arrays (~8 MB outside the heap), with the same values (a later line wins).
 */
export class CompactTable {
  private readonly starts: Uint32Array;
  private readonly lengths: Uint16Array;
  private readonly values: Float64Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The UTF-8 form of the key being looked up (grown on demand, reused). */
  private key = new Uint8Array(256);

  /** `entries`: [start, end, value] of each key in `bytes` (byte offsets), in order. */
  constructor(
    private readonly bytes: Uint8Array,
    entries: Iterable<[number, number, number]>,
    count: number,
  ) {
    this.starts = new Uint32Array(count);
    this.lengths = new Uint16Array(count);
    this.values = new Float64Array(count);
    let size = 1;
    while (size < count * 2) size <<= 1;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    let n = 0;
    for (const [start, end, value] of entries) {
      const slot = this.find(bytes, start, end);
      const at = this.slots[slot]!;
      if (at >= 0) {
        this.values[at] = value;
        continue;
      }
      if (n >= count) throw new RangeError("CompactTable: more entries than announced");
      this.starts[n] = start;
      this.lengths[n] = end - start;
      this.values[n] = value;
      this.slots[slot] = n++;
    }
  }

  get(key: string): number | undefined {
    if (key.length * 3 > this.key.length) this.key = new Uint8Array(key.length * 3);
    const { written } = UTF8.encodeInto(key, this.key);
    const at = this.slots[this.find(this.key, 0, written)]!;
    return at >= 0 ? this.values[at] : undefined;
  }

  /** The slot holding the bytes b[start, end), or the empty slot where they would go. */
  private find(b: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    const len = end - start;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot]!;
      if (at < 0) return slot;
      if (this.lengths[at] !== len) continue;
      const from = this.starts[at]!;
      let i = 0;
      while (i < len && this.bytes[from + i] === b[start + i]) i++;
      if (i === len) return slot;
    }
  }
}

const UTF8 = new TextEncoder();

let idfTable: CompactTable | undefined;

/** The lines `word idf` of jieba's table as [start, end, value] of the word (byte offsets). */
function* idfEntries(bytes: Buffer): Generator<[number, number, number]> {
  for (let from = 0; from < bytes.length; ) {
    let to = bytes.indexOf(0x0a, from);
    if (to < 0) to = bytes.length;
    // (Buffer's lastIndexOf reads a negative offset from the end: an empty line has no word.)
    const at = to > from ? bytes.lastIndexOf(0x20, to - 1) : -1;
    if (at > from) yield [from, at, Number(bytes.toString("latin1", at + 1, to))];
    from = to + 1;
  }
}

/**
 * Inverse document frequency of a word in jieba's own table (@node-rs/jieba/dict `idf`): low for words found
 * everywhere (年 2.7, 发展 3.6, 中心 4.8, 方案 ≈ 5), high for names (华为 9.9). Unknown words count as rare.
 */
export function wordIdf(word: string): number {
  if (!idfTable) {
    // The module's own bytes, not a copy.
    const bytes = Buffer.from(idf.buffer, idf.byteOffset, idf.byteLength);
    let lines = 0;
    for (const _ of idfEntries(bytes)) lines++;
    idfTable = new CompactTable(bytes, idfEntries(bytes), lines);
  }
  return idfTable.get(word) ?? Infinity;
}

export interface Span {
  start: number;
  end: number;
}

/** A dictionary of surface forms, matched longest-first at each position (a hash lookup per candidate length). */
export class Dictionary<T> {
  private readonly byFirst = new Map<string, { lengths: number[]; forms: Map<string, T> }>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [form, value] of entries) {
      if (form.length < 2) continue;
      const first = form[0] as string;
      let slot = this.byFirst.get(first);
      if (!slot) this.byFirst.set(first, (slot = { lengths: [], forms: new Map() }));
      if (slot.forms.has(form)) continue;
      slot.forms.set(form, value);
      if (!slot.lengths.includes(form.length)) slot.lengths.push(form.length);
    }
    for (const slot of this.byFirst.values()) slot.lengths.sort((a, b) => b - a);
  }

  /** Longest form starting at `pos`, if any. */
  longestAt(text: string, pos: number): { form: string; value: T } | undefined {
    // The first of allAt, without a generator per position (scan calls this at every character of a text).
    const slot = this.byFirst.get(text[pos] as string);
    if (!slot) return undefined;
    for (const len of slot.lengths) {
      if (pos + len > text.length) continue;
      const form = text.slice(pos, pos + len);
      const value = slot.forms.get(form);
      if (value !== undefined) return { form, value };
    }
    return undefined;
  }

  /** Every form starting at `pos`, longest first. */
  *allAt(text: string, pos: number): Generator<{ form: string; value: T }> {
    const slot = this.byFirst.get(text[pos] as string);
    if (!slot) return;
    for (const len of slot.lengths) {
      if (pos + len > text.length) continue;
      const form = text.slice(pos, pos + len);
      const value = slot.forms.get(form);
      if (value !== undefined) yield { form, value };
    }
  }

  /** Non-overlapping longest matches, left to right. */
  scan(text: string, accept?: (m: { form: string; value: T; start: number; end: number }) => boolean) {
    const out: { form: string; value: T; start: number; end: number }[] = [];
    for (let i = 0; i < text.length; ) {
      const e = this.longestAt(text, i);
      if (e) {
        const m = { ...e, start: i, end: i + e.form.length };
        if (!accept || accept(m)) {
          out.push(m);
          i = m.end;
          continue;
        }
      }
      i++;
    }
    return out;
  }
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function insideAny(s: Span, spans: readonly Span[]): boolean {
  return spans.some((o) => overlaps(s, o));
}

/** Stable short ASCII slug for a Chinese name: two FNV-1a 32-bit hashes in hex. */
export function slugHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 ^= h2 >>> 15;
  }
  return (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).slice(0, 12);
}


/** Sentence spans of a paragraph (split after 。！？；!?; keeps the delimiter). */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if ("。！？；!?;".includes(ch)) {
      let end = i + 1;
      while (end < text.length && "”’\")".includes(text[end] as string)) end++;
      if (end > start) out.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length && text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}
