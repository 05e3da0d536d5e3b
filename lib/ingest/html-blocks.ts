import type { AnyNode, Element } from "domhandler";

/**
 * Splits a (pre-cleaned) DOM into text blocks: one block per run of text between
 * block-level boundaries and `<br>`, in document order, with the counts the
 * main-block scorer needs.
 */

export interface TextBlock {
  text: string;
  /** Nearest enclosing block-level element (the block's owner in the DOM). */
  owner: Element;
  /** Tag of the owner, lowercased. */
  tag: string;
  /** Non-whitespace characters. */
  chars: number;
  /** Non-whitespace characters inside `<a href>`. */
  linkChars: number;
  /** Number of `<a href>` that start in this block. */
  links: number;
  /** Han characters. */
  han: number;
  /** Sentence punctuation marks (，。、；：！？ and their ASCII kin). */
  punct: number;
}

const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
  "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
  "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre",
  "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "text", "br",
]);

const WS_RE = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const HAN_RE = /\p{Script=Han}/gu;
// ASCII `.`/`,` count only when followed by a space or the end (not in numbers, URLs, dates).
const PUNCT_RE = /[，。、；：！？]|[,.;!?](?=\s|$)/g;


/**
 * Whether an element below `el` passes `test`, looking only inside elements `descend` accepts (all by default).
 * Iterative: scraped pages can nest thousands of unclosed elements.
 */
export function someDescendant(el: Element, test: (e: Element) => boolean, descend: (e: Element) => boolean = () => true): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type !== "tag") continue;
    const c = node as Element;
    if (test(c)) return true;
    if (descend(c)) stack.push(...c.children);
  }
  return false;
}

function hasBlockDescendant(el: Element): boolean {
  return someDescendant(el, (c) => BLOCK_TAGS.has(c.name.toLowerCase()));
}

function countNonSpace(s: string): number {
  return s.replace(WS_RE, "").length;
}

export function measure(text: string): Pick<TextBlock, "chars" | "han" | "punct"> {
  return {
    chars: countNonSpace(text),
    han: text.match(HAN_RE)?.length ?? 0,
    punct: text.match(PUNCT_RE)?.length ?? 0,
  };
}

const isEdgeSpace = (code: number) => code === 0x200b || code === 0xfeff || /\s/.test(String.fromCharCode(code));

/**
 * Whitespace runs → one space, ends trimmed (\s, &nbsp;, \u3000, zero-width). The ends are trimmed by scanning, not by
 * `/[\s…]+$/`, which retries every start of a long run of &nbsp; in mid-text and takes quadratic time on it.
 */
export function tidy(text: string): string {
  const s = text.replace(/[ \t\r\n\f\v]+/g, " ");
  let start = 0;
  let end = s.length;
  while (start < end && isEdgeSpace(s.charCodeAt(start))) start++;
  while (end > start && isEdgeSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** Walks `root` and returns its text blocks in document order. */
export function collectBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let links = 0;
  let owner: Element = root;

  const flush = () => {
    const text = tidy(parts.join(""));
    parts = [];
    const inLinks = linkChars;
    const anchors = links;
    linkChars = 0;
    links = 0;
    if (!text) return;
    const m = measure(text);
    blocks.push({ text, owner, tag: owner.name.toLowerCase(), ...m, linkChars: Math.min(inLinks, m.chars), links: anchors });
  };

  // Iterative depth-first walk (no recursion: deep, malformed pages must not overflow the stack).
  type Step =
    | { node: AnyNode; inLink: boolean }
    | { text: string }
    | { restore: Element };
  const stack: Step[] = [{ node: root, inLink: false }];
  const pushChildren = (el: Element, inLink: boolean) => {
    for (let k = el.children.length - 1; k >= 0; k--) stack.push({ node: el.children[k] as AnyNode, inLink });
  };
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    if ("text" in step) {
      parts.push(step.text);
      continue;
    }
    if ("restore" in step) {
      flush();
      owner = step.restore;
      continue;
    }
    const { node, inLink } = step;
    if (node.type === "text") {
      const data = (node as unknown as { data: string }).data;
      parts.push(data);
      if (inLink) linkChars += countNonSpace(data);
      continue;
    }
    if (node.type !== "tag") continue;
    const el = node as Element;
    const tag = el.name.toLowerCase();
    if (tag === "br" || tag === "hr") {
      flush();
      continue;
    }
    const link = inLink || (tag === "a" && el.attribs.href !== undefined);
    if (link && !inLink) links++;
    // A data cell (no blocks inside) is a column of its row, not a block of its own.
    if ((tag === "td" || tag === "th") && !hasBlockDescendant(el)) {
      parts.push(" ");
      stack.push({ text: " " });
      pushChildren(el, link);
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push({ restore: owner });
      owner = el;
      pushChildren(el, link);
      continue;
    }
    pushChildren(el, link);
  }
  flush();
  return blocks;
}
