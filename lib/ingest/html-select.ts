import type { AnyNode, Element } from "domhandler";
import type { TextBlock } from "./html-blocks";
import { classPrior, COPYRIGHT_RE, DEFAULT_SCORE_PARAMS, isSectionEnd, scoreBlock, type ScoreParams } from "./html-score";

/**
 * Picks the main block among a page's text blocks: the element whose blocks add up to
 * the most, trimmed to its best contiguous run; when the article's paragraphs sit beside
 * page furniture in one container (table layouts), the best run over the whole page.
 */

export interface Selection {
  /** Indexes into the blocks, in document order. */
  chosen: number[];
  scores: number[];
  main: Element;
}

function ancestors(el: Element, stop: Element): Element[] {
  const out: Element[] = [];
  let cur: Element | null = el;
  while (cur) {
    out.push(cur);
    if (cur === stop) break;
    const parent: AnyNode | null = cur.parent;
    cur = parent && parent.type === "tag" ? (parent as Element) : null;
  }
  return out;
}

function isInside(el: Element, container: Element): boolean {
  let cur: AnyNode | null = el;
  while (cur) {
    if (cur === container) return true;
    cur = cur.parent;
  }
  return false;
}

/** Index range [start, end] of the contiguous run with the largest score sum. */
export function maxSubarray(scores: number[]): [number, number] {
  let best = -Infinity;
  let bestRange: [number, number] = [0, scores.length - 1];
  let sum = 0;
  let start = 0;
  scores.forEach((s, i) => {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += s;
    if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  });
  return bestRange;
}

/**
 * Lists of teasers: most items hold a title that is all link plus other text (a summary,
 * a byline, a date). Article lists carry their links inside the sentences.
 */
function teaserLists(blocks: TextBlock[], chains: Element[][]): Set<Element> {
  const items = new Map<Element, { blocks: number; titled: boolean }>();
  blocks.forEach((b, i) => {
    const li = (chains[i] ?? []).find((a) => a.name === "li");
    if (!li) return;
    const item = items.get(li) ?? { blocks: 0, titled: false };
    item.blocks++;
    if (b.links > 0 && b.linkChars >= 0.9 * b.chars) item.titled = true;
    items.set(li, item);
  });
  const lists = new Map<Element, { items: number; teasers: number }>();
  for (const [li, item] of items) {
    const list = li.parent as Element | null;
    if (!list || list.type !== "tag") continue;
    const l = lists.get(list) ?? { items: 0, teasers: 0 };
    l.items++;
    if (item.titled && item.blocks >= 2) l.teasers++;
    lists.set(list, l);
  }
  return new Set([...lists].filter(([, l]) => l.teasers >= 3 && l.teasers >= 0.5 * l.items).map(([el]) => el));
}

/** Below this share of sentence text (not links, not a copyright line), a run is not an article. */
const MIN_PROSE_SHARE = 0.3;
/** At most this many blocks (a picture, a quote box, a pager) may interrupt an article that then goes on. */
const MAX_INTERRUPTION = 3;
/** …and what follows must weigh at least this share of what came before. */
const CONTINUATION_SHARE = 0.25;

const chars = (blocks: TextBlock[], ix: number[]) => ix.reduce((t, i) => t + (blocks[i]?.chars ?? 0), 0);

/** Characters of sentence text: punctuated blocks that are mostly not links and not a copyright notice. */
function prose(blocks: TextBlock[], ix: number[]): number {
  return ix.reduce((t, i) => {
    const b = blocks[i];
    const isProse = !!b && b.punct > 0 && b.linkChars < 0.5 * b.chars && !COPYRIGHT_RE.test(b.text);
    return t + (isProse ? b.chars : 0);
  }, 0);
}

/**
 * The best run [a, z] of `inMain`, continued past up to MAX_INTERRUPTION negative blocks (an image, a quote box, a
 * pager) when substantial text follows them; the interrupting blocks themselves stay out.
 */
function continueAfterInterruptions(inMain: number[], a: number, z: number, scores: number[], sum: (ix: number[]) => number): number[] {
  let chosen = inMain.slice(a, z + 1);
  let end = z;
  while (end + 1 < inMain.length) {
    const rest = inMain.slice(end + 1);
    const [ra, rz] = maxSubarray(rest.map((i) => scores[i] ?? 0));
    const next = rest.slice(ra, rz + 1);
    if (ra > MAX_INTERRUPTION || sum(next) <= 0 || sum(next) < CONTINUATION_SHARE * sum(chosen)) break;
    chosen = [...chosen, ...next];
    end += 1 + rz;
  }
  return chosen;
}

function enclosingTable(el: Element): Element | null {
  for (let cur: AnyNode | null = el; cur; cur = cur.parent) if (cur.type === "tag" && (cur as Element).name === "table") return cur as Element;
  return null;
}

/** A grid: two rows (directly or in tbody/thead/tfoot) of two cells or more. */
function isGrid(table: Element): boolean {
  const rows = table.children.flatMap((c) => (c.type === "tag" && ["tbody", "thead", "tfoot"].includes((c as Element).name) ? (c as Element).children : [c]));
  return rows.filter((r) => r.type === "tag" && (r as Element).name === "tr" && (r as Element).children.filter((c) => c.type === "tag").length >= 2).length >= 2;
}

/** The text announces what follows: 附:招生专业及考试科目, …如下:, 附表1. */
const ANNOUNCES = /[:：]\s*$|^(附|附件|附表|表\s*\d)|如下/;

/**
 * A data table the text announces, right after the run (附:招生专业及考试科目 and then the table of specialties): its
 * short cells score below zero one by one, so the run stops before it. It is taken in when it starts in the next
 * block, is a grid (two rows of two cells or more), holds no links to speak of and does not hold the run itself.
 */
function withAnnouncedTable(blocks: TextBlock[], chosen: number[]): number[] {
  const last = chosen.at(-1);
  if (last === undefined) return chosen;
  const announces = (b: TextBlock | undefined) => !!b && ANNOUNCES.test(b.text.trim());
  // The short announcing line itself may have fallen just outside the run.
  const lead = blocks[last + 1];
  const extra = !announces(blocks[last]) && lead && lead.chars <= 40 && announces(lead) && !enclosingTable(lead.owner) ? [last + 1] : [];
  if (!announces(blocks[last]) && extra.length === 0) return chosen;
  const at = last + extra.length;
  const first = blocks[at + 1];
  const table = first ? enclosingTable(first.owner) : null;
  if (!table || isInside(blocks[at]!.owner, table)) return chosen;
  if (!isGrid(table)) return chosen;
  let end = at + 1;
  while (end + 1 < blocks.length && isInside(blocks[end + 1]!.owner, table)) end++;
  const cells = blocks.slice(at + 1, end + 1);
  const total = cells.reduce((t, b) => t + b.chars, 0);
  const links = cells.reduce((t, b) => t + b.linkChars, 0);
  if (total < 50 || links > 0.1 * total) return chosen;
  return [...chosen, ...extra, ...cells.map((_, k) => at + 1 + k)];
}

/** Where a wiki article's own matter ends: its notes, references and links out. */
const REFERENCE_HEADING = /^(注释|註釋|注解|註解|参考资料|參考資料|参考文献|參考文獻|参考来源|參考來源|外部链接|外部連結|外部链结|相关条目|相關條目|参见|參見|延伸阅读|延伸閱讀|脚注|腳註)(\[(编辑|編輯)\])?$/;
const HEADING_TAG = /^h[2-6]$/;
/** A data table the article goes on into takes at most this share of link text (wiki cells link names; a navigation box or a related list is mostly links). */
const MAX_TABLE_LINK_SHARE = 0.6;

/** The grid table a block sits in (two rows of two cells or more), inside `main`, not holding `run`'s first block. */
function dataTable(b: TextBlock, main: Element, runStart: Element): Element | null {
  const table = enclosingTable(b.owner);
  if (!table || !isInside(table, main) || isInside(runStart, table)) return null;
  return isGrid(table) ? table : null;
}

/**
 * The article going on into its data tables (a wiki page's discography, a lesson's worksheet): after the run, tables
 * inside the main element, with the headings between them, are taken in while they hold little link text and no
 * copyright notice; a heading of notes/references, or anything else that is not prose, ends them. Sixth round.
 */
function withFollowingTables(blocks: TextBlock[], chosen: number[], scores: number[], main: Element): number[] {
  const last = chosen.at(-1);
  const first = chosen[0];
  if (last === undefined || first === undefined) return chosen;
  const runStart = blocks[first]!.owner;
  const taken: number[] = [];
  let pending: number[] = [];
  let k = last + 1;
  while (k < blocks.length) {
    const b = blocks[k]!;
    if (!isInside(b.owner, main)) break;
    const table = dataTable(b, main, runStart);
    if (table) {
      let end = k;
      while (end + 1 < blocks.length && isInside(blocks[end + 1]!.owner, table)) end++;
      const cells = blocks.slice(k, end + 1);
      const total = cells.reduce((t, c) => t + c.chars, 0);
      const links = cells.reduce((t, c) => t + c.linkChars, 0);
      if (links > MAX_TABLE_LINK_SHARE * total || cells.some((c) => COPYRIGHT_RE.test(c.text))) break;
      taken.push(...pending, ...cells.map((_, j) => k + j));
      pending = [];
      k = end + 1;
      continue;
    }
    const text = b.text.trim();
    if (REFERENCE_HEADING.test(text) || isSectionEnd(text) || COPYRIGHT_RE.test(text)) break;
    if ((scores[k] ?? 0) > 0 && b.punct > 0 && b.linkChars < 0.5 * b.chars) {
      taken.push(...pending, k);
      pending = [];
    } else if (HEADING_TAG.test(b.tag) || (b.chars <= 20 && b.links === 0)) {
      pending.push(k);
      if (pending.length > MAX_INTERRUPTION) break;
    } else break;
    k++;
  }
  return taken.length && taken.some((i) => enclosingTable(blocks[i]!.owner)) ? [...chosen, ...taken] : chosen;
}

export function selectMain(blocks: TextBlock[], root: Element, p: ScoreParams = DEFAULT_SCORE_PARAMS): Selection {
  const chains = blocks.map((b) => ancestors(b.owner, root));
  const charsOf = new Map<Element, number>();
  blocks.forEach((b, i) => {
    for (const a of chains[i] ?? []) charsOf.set(a, (charsOf.get(a) ?? 0) + b.chars);
  });
  const total = charsOf.get(root) ?? 0;
  const teasers = teaserLists(blocks, chains);
  const priorCache = new Map<Element, number>();
  const priorOf = (el: Element): number => {
    let prior = priorCache.get(el);
    if (prior === undefined) {
      prior = teasers.has(el) ? -1 : classPrior(el);
      if (prior === -1 && (charsOf.get(el) ?? 0) > total * p.wrapperShare) prior = 0;
      if (el === root) prior = 0;
      priorCache.set(el, prior);
    }
    return prior;
  };

  const markedAt: (Element | null)[] = [];
  const scores = blocks.map((b, i) => {
    let prior = 0;
    let marked: Element | null = null;
    for (const a of chains[i] ?? []) {
      const pa = priorOf(a);
      if (pa < 0) {
        prior = -1;
        marked = a;
        break;
      }
      if (pa > 0) prior = 1;
    }
    markedAt.push(marked);
    return scoreBlock(b, prior, p);
  });

  // Plain sums decide how far the article reaches; decayed sums (optional) where it sits.
  const subtree = new Map<Element, number>();
  const decayed = new Map<Element, number>();
  blocks.forEach((_, i) => {
    const s = scores[i] ?? 0;
    (chains[i] ?? []).forEach((a, level) => {
      subtree.set(a, (subtree.get(a) ?? 0) + s);
      if (p.decayLevels > 0 && level <= p.decayLevels) {
        const w = level <= 1 ? 1 : level === 2 ? 0.5 : 1 / (level * 3);
        decayed.set(a, (decayed.get(a) ?? 0) + s * w);
      }
    });
  });
  const ranking = p.decayLevels > 0 ? decayed : subtree;
  let main: Element = root;
  let mainScore = -Infinity;
  for (const [el, s] of ranking) {
    if (s > mainScore || (s === mainScore && (charsOf.get(el) ?? 0) < (charsOf.get(main) ?? 0))) {
      main = el;
      mainScore = s;
    }
  }
  // The densest element may hold only part of the article: a nearby ancestor whose plain
  // sum is larger also takes in the sibling containers the rest sits in.
  for (let k = 0, cur = main; k < p.climbLevels && cur !== root; k++) {
    const parent = cur.parent as Element | null;
    if (!parent || parent.type !== "tag") break;
    cur = parent;
    if ((subtree.get(cur) ?? 0) > (subtree.get(main) ?? 0)) main = cur;
  }
  const members = new Set<Element>([main]);
  if (p.decayLevels > 0 && main.parent && main !== root) {
    const own = subtree.get(main) ?? 0;
    for (const sib of main.parent.children) {
      if (sib.type !== "tag" || sib === main) continue;
      const s = subtree.get(sib as Element) ?? 0;
      if (s > 0 && s >= p.siblingShare * own) members.add(sib as Element);
    }
  }

  const inMain: number[] = [];
  blocks.forEach((b, i) => {
    // Share bars, related lists and the like inside the article are cut out, not weighed.
    const member = [...members].find((m) => isInside(b.owner, m));
    if (!member) return;
    const marked = markedAt[i];
    if (p.dropMarkedInMain && marked && marked !== member && isInside(marked, member)) return;
    inMain.push(i);
  });
  const sum = (ix: number[]) => ix.reduce((t, i) => t + (scores[i] ?? 0), 0);
  const [a, z] = maxSubarray(inMain.map((i) => scores[i] ?? 0));
  let chosen = continueAfterInterruptions(inMain, a, z, scores, sum);
  const [ga, gz] = maxSubarray(scores);
  const first = blocks[ga]?.owner;
  const global = Array.from({ length: Math.max(0, gz - ga + 1) }, (_, k) => ga + k).filter((i) => {
    const marked = markedAt[i];
    return !p.dropMarkedInMain || !marked || !first || isInside(first, marked);
  });
  if (sum(chosen) < p.globalRunRatio * sum(global)) chosen = global;
  // A run of links to other articles, or a copyright notice, never wins over prose found elsewhere on the page.
  if (prose(blocks, chosen) < MIN_PROSE_SHARE * chars(blocks, chosen) && prose(blocks, global) > 2 * prose(blocks, chosen)) chosen = global;
  // Stop at a heading like "Related articles" once most of the run's text is behind us.
  const runTotal = sum(chosen);
  let acc = 0;
  for (let k = 0; k < chosen.length; k++) {
    const i = chosen[k] as number;
    const b = blocks[i] as TextBlock;
    if (k > 0 && acc >= 0.5 * runTotal && isSectionEnd(b.text)) {
      chosen = chosen.slice(0, k);
      break;
    }
    acc += scores[i] ?? 0;
  }
  chosen = withAnnouncedTable(blocks, chosen);
  // Nothing scores above zero: no article on this page (a list, a login form, an error page).
  if (sum(chosen) <= 0) chosen = [];
  // Short cells score below zero one by one: the tables are weighed as the article's only once it is found.
  else chosen = withFollowingTables(blocks, chosen, scores, main);
  return { chosen, scores, main };
}
