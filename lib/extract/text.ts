/** Small text helpers shared by the extractors. */

export interface Span {
  start: number;
  end: number;
}

/** A dictionary of surface forms, matched longest-first at each position. */
export class Dictionary<T> {
  private readonly byFirst = new Map<string, { form: string; value: T }[]>();

  constructor(entries: Iterable<[string, T]>) {
    for (const [form, value] of entries) {
      if (form.length < 2) continue;
      const first = form[0] as string;
      const list = this.byFirst.get(first) ?? [];
      if (!list.some((e) => e.form === form)) list.push({ form, value });
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.form.length - a.form.length);
  }

  /** Longest form starting at `pos`, if any. */
  longestAt(text: string, pos: number): { form: string; value: T } | undefined {
    const list = this.byFirst.get(text[pos] as string);
    if (!list) return undefined;
    for (const e of list) if (text.startsWith(e.form, pos)) return e;
    return undefined;
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
