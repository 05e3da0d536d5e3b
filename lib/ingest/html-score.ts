import type { Element } from "domhandler";
import type { TextBlock } from "./html-blocks";

/**
 * Block scoring for main-content selection. A block is worth its text (a Han character
 * counts like a word, about three Latin characters; link text at a discount) plus a bonus
 * per punctuation mark, minus a cost per link and a fixed cost, so short, link-heavy or
 * unpunctuated lines (navigation, share bars, tag clouds) come out negative.
 */
export interface ScoreParams {
  punctWeight: number;
  /** Share of link text counted as content. */
  linkTextValue: number;
  anchorCost: number;
  baseCost: number;
  /** Extra cost of a block shorter than a few words (labels, buttons, dates). */
  shortCost: number;
  junkCost: number;
  /** Factor on positive scores inside boilerplate-looking class/id (and 1/x on negative ones). */
  negativePrior: number;
  /** Factor on positive scores inside content-looking class/id. */
  positivePrior: number;
  /** An element with more than this share of the page text is a wrapper: no weak class prior. */
  wrapperShare: number;
  /** The best run over the whole page replaces the best element's when that one scores below this share of it. */
  globalRunRatio: number;
  /** 0: an element scores the plain sum of its blocks; n > 0: a block counts for its first n ancestors only, decaying (as Readability). */
  decayLevels: number;
  /** How many levels above the best element to look for a larger plain sum. */
  climbLevels: number;
  /** Leave out blocks under boilerplate-looking class/id inside the main element. */
  dropMarkedInMain: boolean;
  /** Siblings of the main element join it when their own sum reaches this share of its sum. */
  siblingShare: number;
}

export const DEFAULT_SCORE_PARAMS: ScoreParams = {
  punctWeight: 5,
  linkTextValue: 0,
  anchorCost: 8,
  baseCost: 8,
  shortCost: 3,
  junkCost: 60,
  negativePrior: 0.3,
  positivePrior: 1.5,
  wrapperShare: 0.6,
  globalRunRatio: 0.7,
  decayLevels: 5,
  climbLevels: 1,
  dropMarkedInMain: true,
  siblingShare: 0.2,
};

// Weak priors from class/id, as Readability and trafilatura use them.
const STRONG_NEGATIVE_RE = /comment|reply|respond|discuss/i;
const NEGATIVE_RE =
  /footer|sidebar|share|sharing|caption|credit|gallery|slideshow|carousel|lightbox|social|related|recommend|advert|sponsor|promo|banner|breadcrumb|crumb|copyright|widget|popup|modal|subscribe|newsletter|toolbar|pagination|pager|disclaimer|masthead|(^|[\s_-])(nav|navbar|menu|ad|ads|tags?|foot|login|hot|rank)([\s_-]|$)/i;
const POSITIVE_RE = /article|content|main|body|text|post|entry|story|detail|zhengwen|正文/i;

const URL_RE = /(https?:\/\/|www\.)\S+/gi;
// Escaped markup shown as text.
const MARKUP_RE = /^<[a-z]+\s[^>]*=/i;
export const COPYRIGHT_RE = /版权所有|copyright|©|all rights reserved|icp备|icp证|备案号|免责声明|不得转载|未经授权/i;

/**
 * -2 for comment-like class/id (applies even to big elements), -1 for boilerplate-looking,
 * +1 for content-looking, 0 otherwise.
 */
export function classPrior(el: Element): number {
  const tag = el.name.toLowerCase();
  if (tag === "figure" || tag === "figcaption") return -1;
  const name = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`.trim();
  if (!name) return 0;
  if (STRONG_NEGATIVE_RE.test(name)) return -2;
  if (NEGATIVE_RE.test(name)) return -1;
  if (POSITIVE_RE.test(name)) return 1;
  return 0;
}

export function effectiveLength(b: Pick<TextBlock, "chars" | "han">): number {
  return b.han + (b.chars - b.han) / 3;
}

export function scoreBlock(b: TextBlock, prior: number, p: ScoreParams = DEFAULT_SCORE_PARAMS): number {
  const eff = effectiveLength(b);
  // A bare URL written out as text is worth no more than a link.
  const urlChars = b.text.match(URL_RE)?.reduce((n, u) => n + u.length, 0) ?? 0;
  const linkEff = eff * (Math.min(b.chars, b.linkChars + urlChars) / Math.max(1, b.chars));
  let s = eff - linkEff * (1 - p.linkTextValue) + p.punctWeight * b.punct - p.anchorCost * b.links - p.baseCost;
  if (eff < 5) s -= p.shortCost;
  if ((b.chars < 200 && COPYRIGHT_RE.test(b.text)) || MARKUP_RE.test(b.text)) s = -p.junkCost - Math.abs(s);
  if (prior < 0) s = s > 0 ? s * p.negativePrior : s / p.negativePrior;
  else if (prior > 0 && s > 0) s *= p.positivePrior;
  return s;
}

// Short lines that open the page's after-article sections (related, comments, newsletter).
const SECTION_END_RE =
  /^(related( articles| posts| stories| content| news)?|you (may|might) (also )?(like|enjoy)|more (from|stories|on|in)\b|recommended( for you| reading)?|read (next|also)|popular( now| posts)?|trending|comments?|\d+ comments?|leave a (comment|reply)|share this( article| story)?|about the author|sign up|subscribe|newsletter|tags?:?|topics?:?|相关(新闻|阅读|文章|链接|报道|推荐|专题)|推荐阅读|延伸阅读|热门(文章|推荐|新闻)|猜你喜欢|更多(新闻|精彩|阅读)|网友评论|发表评论|我要评论)([\s:：|.…»>(（-].{0,30})?$/i;

export function isSectionEnd(text: string): boolean {
  return text.length <= 40 && SECTION_END_RE.test(text.trim());
}
