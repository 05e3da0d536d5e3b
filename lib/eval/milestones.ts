/**
 * Milestone evaluation (issue 10): precision and recall of the timeline milestones `extract()` finds, against
 * gold written by reading the pages (`npm run eval:milestones`, and the tests that guard the README's figures).
 *
 * A predicted milestone matches a gold one when the dates are equal (same value, hence same precision), the
 * action is the gold's (or one it accepts) and the status agrees (`done` or `planned`; the old files have
 * done events only). One gold milestone matches one prediction: a second report of an event in the same page
 * is a false hit. Undated events (kept on the article, not on the timeline) are not scored as milestones; a
 * predicted timeline milestone for an event the gold lists as undated is counted as a date the page does not
 * support. Off-topic pages (gold: no milestone) are reported apart and also enter the overall figure; a hit on
 * one that the gold lists among the page's `trueEvents` is a true event the relevance score keeps off the
 * default timeline, any other a wrong fact. The default timeline is measured as the app filters it: a page with a
 * dated milestone is on it when its relevance score shows it (`isShownRelevance`), so an off-topic page shown is a
 * page the timeline should not carry, and an on-topic page hidden takes its milestones off the timeline.
 *
 * A page of a gold file is read from the file's `dir`, or from its own `dir` (held-out pages composed for a set live
 * in the checkout, tests/fixtures/, beside the shared corpus pages of the same file).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CleanedArticle } from "@/lib/ingest/types";
import { canonicalAction } from "@/lib/domain/milestones";
import { extract } from "@/lib/extract";
import { isShownRelevance, scoreRelevance } from "@/lib/extract/relevance";
import { requireCorpus } from "./corpora";
import { readArticle } from "./hygiene";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The gold files written by reading pages before the extractor was tuned on them, oldest first. */
export const FRESH_MILESTONE_GOLD = ["milestones-fresh.json", "milestones-fresh2.json", "milestones-fresh3.json", "milestones-fresh4.json", "milestones-fresh5.json", "milestones-fresh7.json"].map((f) => path.join(ROOT, "tests/gold", f));
/** The held-out set (fresh6): annotated before the fifth round's tuning, to be measured once on the tuned code. */
export const HELDOUT_MILESTONE_GOLD = path.join(ROOT, "tests/gold/milestones-fresh6.json");
/** The second held-out set (fresh8): 15 composed articles annotated before the sixth round's tuning, measured once on the tuned code. */
export const HELDOUT8_MILESTONE_GOLD = path.join(ROOT, "tests/gold/milestones-fresh8.json");

interface GoldMilestone {
  date: string;
  action: string | string[];
  accept?: string[];
  status?: "done" | "planned";
  subject?: string;
  entities?: string[];
}
interface GoldPage {
  file: string;
  /** Where this page is, when not in the file's `dir` (same convention). */
  dir?: string;
  offTopic?: boolean;
  milestones: GoldMilestone[];
  undated?: { action: string; subject: string }[];
  trueEvents?: GoldMilestone[];
}
interface Predicted {
  date: string | null;
  action: string;
  status: string;
  label: string;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  unsupported: number;
  /** Off-topic pages: false hits that are true events of the page (`trueEvents`). */
  trueOffTopic: number;
  misses: string[];
  extras: string[];
}

export interface MilestoneEvalResult {
  gold: string;
  pages: number;
  /** `hiddenPages`: on-topic pages with a dated milestone that the relevance score keeps off the default timeline. */
  onTopic: { pages: number; gold: number; tp: number; fp: number; fn: number; unsupported: number; precision: number; recall: number; f1: number; hiddenPages: number };
  /** `onDefaultTimeline`: off-topic pages with a dated milestone that the relevance score shows by default. */
  offTopic: { pages: number; falseMilestones: number; pagesWithMilestones: number; trueEvents: number; unsupported: number; onDefaultTimeline: number };
  overall: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  undatedOnArticle: number;
  errors: Record<string, { misses: string[]; extras: string[] }>;
}

// The shared corpus is found beside the checkout (a loud error without it), whatever the working directory.
const resolveDir = (dir: string) => (dir === "../shared/corpus" ? requireCorpus() : path.resolve(ROOT, dir));

function loadGold(file: string): { dir: string; pages: GoldPage[] } {
  const raw = JSON.parse(fs.readFileSync(path.resolve(file), "utf8")) as { dir?: string; pages?: GoldPage[]; seeds?: GoldPage[] };
  return { dir: resolveDir(raw.dir ?? "content"), pages: raw.pages ?? raw.seeds ?? [] };
}

const goldActions = (g: GoldMilestone) => new Set([...[g.action].flat(), ...(g.accept ?? [])].map(canonicalAction));

/** The page's milestones as `extract()` finds them, and whether the relevance score shows the page by default. */
function predictions(article: CleanedArticle): { pred: Predicted[]; shown: boolean } {
  const extraction = extract(article);
  const relevance = scoreRelevance({ title: article.title, paragraphs: article.paragraphs, entities: extraction.entities });
  const pred = extraction.milestones.map((m) => {
    const action = canonicalAction(m.action);
    return { date: m.date, action, status: m.status ?? "done", label: `${m.date ?? "undated"} ${action}${m.status === "planned" ? " (planned)" : ""} [${m.subject ?? m.entities.join("; ")}]` };
  });
  return { pred, shown: isShownRelevance(relevance.score, relevance.lowQuality) };
}

/** Matches the page's timeline predictions to `gold` (one prediction per gold milestone). */
function match(gold: readonly GoldMilestone[], timeline: readonly Predicted[]): { used: Set<number>; misses: GoldMilestone[] } {
  const used = new Set<number>();
  const misses: GoldMilestone[] = [];
  for (const g of gold) {
    const acts = goldActions(g);
    const i = timeline.findIndex((p, k) => !used.has(k) && p.date === g.date && acts.has(p.action) && p.status === (g.status ?? "done"));
    if (i >= 0) used.add(i);
    else misses.push(g);
  }
  return { used, misses };
}

function scorePage(gold: GoldPage, pred: Predicted[]): PageScore {
  const timeline = pred.filter((p) => p.date !== null);
  const { used, misses } = match(gold.milestones, timeline);
  const extras = timeline.filter((_, k) => !used.has(k));
  const goldDates = new Set([...gold.milestones, ...(gold.trueEvents ?? [])].map((g) => g.date));
  const undatedActions = new Set((gold.undated ?? []).map((u) => canonicalAction(u.action)));
  // A timeline date no gold milestone (or true event of an off-topic page) has, on an event the gold keeps
  // undated: a guessed date. A true event the page dates is not one, even when another event of its action is undated.
  const unsupported = extras.filter((p) => !goldDates.has(p.date as string) && undatedActions.has(p.action)).length;
  const trueOffTopic = match(gold.trueEvents ?? [], extras).used.size;
  return {
    tp: used.size,
    fp: extras.length,
    fn: misses.length,
    unsupported,
    trueOffTopic,
    misses: misses.map((g) => `${g.date} ${[g.action].flat()[0]}${g.status === "planned" ? " (planned)" : ""} [${g.subject ?? (g.entities ?? []).join("; ")}]`),
    extras: extras.map((p) => p.label),
  };
}

const prf = (c: { tp: number; fp: number; fn: number }) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** Scores `extract()` on every page of a gold file (the fresh format, or the extract-*.json files' seeds). */
export function runMilestoneEval(goldFile: string): MilestoneEvalResult {
  const { dir, pages } = loadGold(goldFile);
  const on = { tp: 0, fp: 0, fn: 0, unsupported: 0 };
  const off = { tp: 0, fp: 0, fn: 0, unsupported: 0, pagesWithMilestones: 0, trueEvents: 0, onDefaultTimeline: 0 };
  let hiddenPages = 0;
  const errors: MilestoneEvalResult["errors"] = {};
  let undatedOnArticle = 0;
  for (const page of pages) {
    const { pred, shown } = predictions(readArticle(path.resolve(page.dir ? resolveDir(page.dir) : dir, page.file)));
    const onTimeline = pred.some((p) => p.date !== null);
    if (onTimeline && shown && page.offTopic) off.onDefaultTimeline++;
    if (onTimeline && !shown && !page.offTopic) hiddenPages++;
    undatedOnArticle += pred.filter((p) => p.date === null).length;
    const s = scorePage(page, pred);
    const bucket = page.offTopic ? off : on;
    bucket.tp += s.tp;
    bucket.fp += s.fp;
    bucket.fn += s.fn;
    bucket.unsupported += s.unsupported;
    if (page.offTopic && s.fp > 0) off.pagesWithMilestones++;
    if (page.offTopic) off.trueEvents += s.trueOffTopic;
    if (s.misses.length || s.extras.length) errors[page.file] = { misses: s.misses, extras: s.extras };
  }
  const all = { tp: on.tp + off.tp, fp: on.fp + off.fp, fn: on.fn + off.fn };
  const onTopicPages = pages.filter((p) => !p.offTopic).length;
  return {
    gold: goldFile,
    pages: pages.length,
    onTopic: { pages: onTopicPages, gold: on.tp + on.fn, ...on, ...prf(on), hiddenPages },
    offTopic: { pages: pages.length - onTopicPages, falseMilestones: off.fp, pagesWithMilestones: off.pagesWithMilestones, trueEvents: off.trueEvents, unsupported: off.unsupported, onDefaultTimeline: off.onDefaultTimeline },
    overall: { ...all, ...prf(all) },
    undatedOnArticle,
    errors,
  };
}
