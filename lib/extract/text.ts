/** Small text helpers shared by the extractors. */
import { Jieba } from "@node-rs/jieba";
import { dict, idf } from "@node-rs/jieba/dict";

let plain: Jieba | undefined;
/** jieba with its own dictionary only, loaded once per process for every extractor and the search segmenter. */
export function plainJieba(): Jieba {
  plain ??= Jieba.withDict(dict);
  return plain;
}

let idfTable: Map<string, number> | undefined;

/**
 * Inverse document frequency of a word in jieba's own table (@node-rs/jieba/dict `idf`): low for words found
 * everywhere (年 2.7, 发展 3.6, 中心 4.8, 方案 ≈ 5), high for names (华为 9.9). Unknown words count as rare.
 */
export function wordIdf(word: string): number {
  if (!idfTable) {
    idfTable = new Map();
    for (const line of Buffer.from(idf).toString("utf8").split("\n")) {
      const at = line.lastIndexOf(" ");
      if (at > 0) idfTable.set(line.slice(0, at), Number(line.slice(at + 1)));
    }
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
    return this.allAt(text, pos).next().value;
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
