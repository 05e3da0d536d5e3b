/*
 * Bounds applied to a page before the expensive steps, so that no page costs more than linear time whatever its
 * shape. Real pages stay far below every cap (the longest paragraph in content/ and ../shared/corpus is 6,687
 * characters); a page that hits one is still ingested, and the cut is reported (`notes` on the file's result).
 */

/** Longest line kept as one paragraph; a longer one is split at sentence ends (else hard) into pieces this long. */
export const MAX_LINE_CHARS = 20_000;
/** A run of one repeated character (《《《…, ————…, 零零零…) longer than this is cut to this length. */
export const MAX_CHAR_RUN = 200;
/** A run of whitespace (spaces, &nbsp;, \u3000, tabs) longer than this becomes one space. */
export const MAX_SPACE_RUN = 64;
/** Elements nested deeper than this in HTML lose their tags (their text stays): the parser is quadratic in depth. */
export const MAX_HTML_DEPTH = 1_000;
/** Entity mentions and figures kept per page (the first ones). */
export const MAX_MENTIONS = 20_000;
export const MAX_FIGURES = 5_000;

const SPACE_RUN = new RegExp(`[\\s\\u00a0\\u3000\\u200b\\ufeff]{${MAX_SPACE_RUN + 1},}`, "g");
const CHAR_RUN = new RegExp(`(\\S)\\1{${MAX_CHAR_RUN},}`, "gu");
const SENTENCE_END = /[。！？!?；;]/g;

/** Split one line into pieces of at most MAX_LINE_CHARS, preferring to cut after a sentence end. */
function splitLong(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > MAX_LINE_CHARS) {
    const window = rest.slice(0, MAX_LINE_CHARS);
    let cut = -1;
    SENTENCE_END.lastIndex = Math.floor(MAX_LINE_CHARS / 2);
    for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window)) cut = m.index + 1;
    if (cut <= 0) cut = MAX_LINE_CHARS;
    // Never split a surrogate pair.
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/**
 * Lines with every cap applied: whitespace runs collapsed, character runs cut, long lines split. `notes` gets one
 * message per kind of cut (never for whitespace, which loses nothing the normalizer would keep).
 */
export function capLines(lines: string[], notes: string[]): string[] {
  let runs = 0;
  let split = 0;
  let longest = 0;
  const out: string[] = [];
  for (const raw of lines) {
    let line = raw.length > MAX_SPACE_RUN ? raw.replace(SPACE_RUN, " ") : raw;
    if (line.length > MAX_CHAR_RUN) {
      line = line.replace(CHAR_RUN, (_, ch: string) => {
        runs++;
        return ch.repeat(MAX_CHAR_RUN);
      });
    }
    if (line.length > MAX_LINE_CHARS) {
      split++;
      longest = Math.max(longest, line.length);
      out.push(...splitLong(line));
    } else out.push(line);
  }
  if (runs) addNote(notes, `${runs} run(s) of one repeated character cut to ${MAX_CHAR_RUN}`);
  if (split) addNote(notes, `${split} line(s) over ${MAX_LINE_CHARS.toLocaleString("en")} characters split (longest ${longest.toLocaleString("en")})`);
  return out;
}

export function addNote(notes: string[], note: string): void {
  if (!notes.includes(note)) notes.push(note);
}

const VOID_TAGS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "command"]);
/** Closed implicitly by a sibling (<p>a<p>b, <li>, <td>): they do not nest in the parsed tree, so they are not counted. */
const IMPLIED_END = new Set(["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rtc", "rp", "thead", "tbody", "tfoot", "colgroup", "caption"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]);
// `[^<>]*`, not `[^>]*`: a `<` without its `>` must not make every later `<` scan to the end of the page.
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/<>]*)[^<>]*>/g;

/**
 * HTML with the tags of elements nested deeper than MAX_HTML_DEPTH removed (their text kept), in one linear pass:
 * the HTML parser's cost grows with the square of the nesting depth (100,000 nested <div>s took 98 s). The depth is
 * estimated from start and end tags (void elements and those a sibling closes do not count), which is what the
 * parser builds for the unbalanced markup of real pages. Returns the input itself when nothing was cut.
 */
export function capHtmlDepth(html: string): { html: string; dropped: number; depth: number } {
  let depth = 0;
  let maxDepth = 0;
  let dropped = 0;
  let rawUntil: string | null = null;
  const parts: string[] = [];
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const [whole, slash, rawName] = m;
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    if (rawUntil) {
      if (slash && name === rawUntil) rawUntil = null;
      continue;
    }
    if (VOID_TAGS.has(name) || IMPLIED_END.has(name) || whole.endsWith("/>")) continue;
    if (!slash && RAW_TEXT.has(name)) {
      rawUntil = name;
      continue;
    }
    let drop = false;
    if (slash) {
      if (depth > MAX_HTML_DEPTH) drop = true;
      depth = Math.max(0, depth - 1);
    } else {
      depth++;
      maxDepth = Math.max(maxDepth, depth);
      if (depth > MAX_HTML_DEPTH) drop = true;
    }
    if (drop) {
      dropped++;
      parts.push(html.slice(last, m.index));
      last = m.index + whole.length;
    }
  }
  if (dropped === 0) return { html, dropped: 0, depth: maxDepth };
  parts.push(html.slice(last));
  return { html: parts.join(""), dropped, depth: maxDepth };
}
