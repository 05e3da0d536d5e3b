import type { Element } from "domhandler";
import type { TextBlock } from "./html-blocks";

/**
 * Block scoring for main-content selection. A block is worth its non-link text
 * (a Han character counts like a word, about three Latin characters) plus a bonus per
 * punctuation mark, minus its link text and a fixed cost, so short, link-heavy or
 * unpunctuated lines (navigation, share bars, tag clouds) come out negative.
 */

const PUNCT_WEIGHT = 6;
const LINK_WEIGHT = 2;
const BASE_COST = 12;
const JUNK_COST = 60;

// Weak priors from class/id, as Readability and trafilatura use them.
const NEGATIVE_RE =
  /comment|footer|sidebar|share|sharing|social|related|recommend|advert|sponsor|promo|banner|breadcrumb|crumb|copyright|widget|popup|modal|subscribe|newsletter|toolbar|pagination|pager|disclaimer|masthead|(^|[\s_-])(nav|navbar|menu|ad|ads|tags?|foot|login|reply|hot|rank)([\s_-]|$)/i;
const POSITIVE_RE = /article|content|main|body|text|post|entry|story|detail|zhengwen|正文/i;

const COPYRIGHT_RE = /版权所有|copyright|©|all rights reserved|icp备|icp证|备案号|免责声明|不得转载|未经授权/i;

/** -1 for boilerplate-looking class/id, +1 for content-looking, 0 otherwise. */
export function classPrior(el: Element): number {
  const name = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`.trim();
  if (!name) return 0;
  if (NEGATIVE_RE.test(name)) return -1;
  if (POSITIVE_RE.test(name)) return 1;
  return 0;
}

export function effectiveLength(b: Pick<TextBlock, "chars" | "han">): number {
  return b.han + (b.chars - b.han) / 3;
}

export function scoreBlock(b: TextBlock, prior: number): number {
  const eff = effectiveLength(b);
  const linkEff = eff * (b.linkChars / Math.max(1, b.chars));
  let s = eff - linkEff + PUNCT_WEIGHT * b.punct - LINK_WEIGHT * linkEff - BASE_COST;
  if (b.chars < 200 && COPYRIGHT_RE.test(b.text)) s = -JUNK_COST - Math.abs(s);
  if (prior < 0) s = s > 0 ? s * 0.3 : s * 1.5;
  else if (prior > 0 && s > 0) s *= 1.5;
  return s;
}
