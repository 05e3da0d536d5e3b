/** Highlight markers that cannot occur in cleaned text: escaped HTML is built around them. */
export const PRE_TAG = "\u0001";
export const POST_TAG = "\u0002";

const MARKER_SPLIT = new RegExp(`([${PRE_TAG}${POST_TAG}])`);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Text with PRE/POST markers → safe HTML with <mark> (everything else escaped; stray markers dropped). */
export function markersToHtml(marked: string): string {
  let out = "";
  let open = false;
  // Adjacent highlights (CJK characters highlighted one by one) become one <mark>.
  for (const part of marked.replaceAll(`${POST_TAG}${PRE_TAG}`, "").split(MARKER_SPLIT)) {
    if (part === PRE_TAG) {
      if (!open) out += "<mark>";
      open = true;
    } else if (part === POST_TAG) {
      if (open) out += "</mark>";
      open = false;
    } else out += escapeHtml(part);
  }
  return open ? `${out}</mark>` : out;
}

export function stripMarkers(text: string): string {
  return text.split(PRE_TAG).join("").split(POST_TAG).join("");
}

/** Wrap every occurrence of the terms (longest first) in markers. */
export function markTerms(text: string, terms: string[]): string {
  const ts = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (!ts.length) return text;
  const re = new RegExp(ts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "giu");
  return text.replace(re, (m) => `${PRE_TAG}${m}${POST_TAG}`);
}

/**
 * A snippet of about `length` characters around the first occurrence of any term,
 * with the terms highlighted, as safe HTML.
 */
export function buildSnippet(body: string, terms: string[], length = 120): string {
  const text = body.replace(/\s+/g, " ").trim();
  const lower = text.toLowerCase();
  let first = -1;
  for (const t of terms) {
    if (!t) continue;
    const at = lower.indexOf(t.toLowerCase());
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(length / 3));
  const end = Math.min(text.length, start + length);
  const cut = text.slice(start, end);
  return (start > 0 ? "…" : "") + markersToHtml(markTerms(cut, terms)) + (end < text.length ? "…" : "");
}
