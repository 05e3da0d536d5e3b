/** Splitting a paragraph into plain and annotated runs (pure, so it can be unit-tested). */

export interface Annotation {
  start: number;
  end: number;
  kind: string;
  /** Entity id or figure id: what the run links to / describes. */
  ref: string;
  label?: string;
  href?: string | null;
}

export type Segment = { text: string; annotation: Annotation | null };

/**
 * Non-overlapping runs covering the whole text. On overlap the annotation that starts first wins,
 * and among those the longest (a plan title beats the region name inside it).
 */
export function segmentText(text: string, annotations: readonly Annotation[]): Segment[] {
  const valid = annotations
    .filter((a) => a.start >= 0 && a.end > a.start && a.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const a of valid) {
    if (a.start < pos) continue;
    if (a.start > pos) out.push({ text: text.slice(pos, a.start), annotation: null });
    out.push({ text: text.slice(a.start, a.end), annotation: a });
    pos = a.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), annotation: null });
  return out;
}

/** Offsets of a figure's text in its paragraph (figures carry text, not offsets); null when absent. */
export function locate(text: string, needle: string, from = 0): { start: number; end: number } | null {
  if (!needle) return null;
  const i = text.indexOf(needle, from);
  return i < 0 ? null : { start: i, end: i + needle.length };
}
