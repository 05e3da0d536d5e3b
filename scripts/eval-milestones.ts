/**
 * Milestone evaluation (issue 10): precision and recall of the timeline milestones `extract()` finds, against
 * gold written by reading the pages.
 *
 *   npm run eval:milestones                                   tests/gold/milestones-fresh.json
 *   npm run eval:milestones -- --gold tests/gold/extract-heldout.json   the older held-out files (date + action)
 *   npm run eval:milestones -- --errors                       every miss and false hit, per page
 *   npm run eval:milestones -- --json
 *
 * A predicted milestone matches a gold one when the dates are equal (same value, hence same precision), the
 * action is the gold's (or one it accepts) and the status agrees (`done` or `planned`; the old files have
 * done events only). One gold milestone matches one prediction: a second report of an event in the same page
 * is a false hit. Undated events (kept on the article, not on the timeline) are not scored as milestones; a
 * predicted timeline milestone for an event the gold lists as undated is counted as a date the page does not
 * support. Off-topic pages (gold: no milestone) are reported apart and also enter the overall figure.
 */
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { processPage } from "@/lib/ingest/process";
import type { CleanedArticle } from "@/lib/ingest/types";
import { canonicalAction } from "@/lib/domain/milestones";
import { extract } from "@/lib/extract";

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
  offTopic?: boolean;
  milestones: GoldMilestone[];
  undated?: { action: string; subject: string }[];
}
interface Predicted {
  date: string | null;
  action: string;
  status: string;
  label: string;
}

function loadArticle(file: string): CleanedArticle {
  const sidecarPath = file.replace(/\.[a-z]+$/, ".json");
  const side = fs.existsSync(sidecarPath) ? (JSON.parse(fs.readFileSync(sidecarPath, "utf8")) as Record<string, string | undefined>) : {};
  return processPage(fs.readFileSync(file), { fileName: path.basename(file), sidecar: { url: side.url, site: side.site, encoding: side.encoding, fetchedAt: side.fetchedAt } });
}

function loadGold(file: string): { dir: string; pages: GoldPage[] } {
  const raw = JSON.parse(fs.readFileSync(path.resolve(file), "utf8")) as { dir?: string; pages?: GoldPage[]; seeds?: GoldPage[] };
  return { dir: raw.dir ?? "content", pages: raw.pages ?? raw.seeds ?? [] };
}

const goldActions = (g: GoldMilestone) => new Set([...[g.action].flat(), ...(g.accept ?? [])].map(canonicalAction));

function predictions(article: CleanedArticle): Predicted[] {
  return extract(article).milestones.map((m) => {
    const x = m as typeof m & { status?: string; subject?: string | null; date: string | null };
    const action = canonicalAction(x.action);
    return { date: x.date, action, status: x.status ?? "done", label: `${x.date ?? "undated"} ${action}${x.status === "planned" ? " (planned)" : ""} [${x.subject ?? x.entities.join("; ")}]` };
  });
}

interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  unsupported: number;
  misses: string[];
  extras: string[];
}

function scorePage(gold: GoldPage, pred: Predicted[]): PageScore {
  const timeline = pred.filter((p) => p.date !== null);
  const used = new Set<number>();
  const misses: string[] = [];
  for (const g of gold.milestones) {
    const acts = goldActions(g);
    const i = timeline.findIndex((p, k) => !used.has(k) && p.date === g.date && acts.has(p.action) && p.status === (g.status ?? "done"));
    if (i >= 0) used.add(i);
    else misses.push(`${g.date} ${[g.action].flat()[0]}${g.status === "planned" ? " (planned)" : ""} [${g.subject ?? (g.entities ?? []).join("; ")}]`);
  }
  const extras = timeline.filter((_, k) => !used.has(k));
  const goldDates = new Set(gold.milestones.map((g) => g.date));
  const undatedActions = new Set((gold.undated ?? []).map((u) => canonicalAction(u.action)));
  // A timeline date no gold milestone of the page has, on an event the gold keeps undated: a guessed date.
  const unsupported = extras.filter((p) => !goldDates.has(p.date as string) && undatedActions.has(p.action)).length;
  return { tp: used.size, fp: extras.length, fn: misses.length, unsupported, misses, extras: extras.map((p) => p.label) };
}

const prf = (c: { tp: number; fp: number; fn: number }) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

function run(opts: { gold: string; errors?: boolean; json?: boolean }) {
  const { dir, pages } = loadGold(opts.gold);
  const sums = { onTopic: { tp: 0, fp: 0, fn: 0, unsupported: 0 }, offTopic: { tp: 0, fp: 0, fn: 0, unsupported: 0, pagesWithMilestones: 0 } };
  const errors: Record<string, { misses: string[]; extras: string[] }> = {};
  let undatedOnArticle = 0;
  for (const page of pages) {
    const article = loadArticle(path.resolve(dir, page.file));
    const pred = predictions(article);
    undatedOnArticle += pred.filter((p) => p.date === null).length;
    const s = scorePage(page, pred);
    const bucket = page.offTopic ? sums.offTopic : sums.onTopic;
    bucket.tp += s.tp;
    bucket.fp += s.fp;
    bucket.fn += s.fn;
    bucket.unsupported += s.unsupported;
    if (page.offTopic && s.fp > 0) sums.offTopic.pagesWithMilestones++;
    if (s.misses.length || s.extras.length) errors[page.file] = { misses: s.misses, extras: s.extras };
  }
  const all = { tp: sums.onTopic.tp + sums.offTopic.tp, fp: sums.onTopic.fp + sums.offTopic.fp, fn: sums.onTopic.fn + sums.offTopic.fn };
  const onTopicPages = pages.filter((p) => !p.offTopic).length;
  const offTopicPages = pages.length - onTopicPages;
  const result = {
    gold: opts.gold,
    pages: pages.length,
    onTopic: { pages: onTopicPages, gold: sums.onTopic.tp + sums.onTopic.fn, ...sums.onTopic, ...prf(sums.onTopic) },
    offTopic: { pages: offTopicPages, falseMilestones: sums.offTopic.fp, pagesWithMilestones: sums.offTopic.pagesWithMilestones },
    overall: { ...all, ...prf(all) },
    undatedOnArticle,
  };
  if (opts.json) {
    console.log(JSON.stringify({ ...result, ...(opts.errors ? { errors } : {}) }, null, 2));
    return;
  }
  const f = (x: number) => x.toFixed(3);
  console.log(`## Milestones (${opts.gold})\n`);
  console.log("| pages | gold milestones | found | false hits | P | R | F1 | dates the page does not support |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const on = result.onTopic;
  console.log(`| ${onTopicPages} on-topic | ${on.gold} | ${on.tp} | ${on.fp} | ${f(on.precision)} | ${f(on.recall)} | ${f(on.f1)} | ${on.unsupported} |`);
  if (offTopicPages) {
    console.log(`| ${offTopicPages} off-topic | 0 | 0 | ${sums.offTopic.fp} (on ${sums.offTopic.pagesWithMilestones} pages) | | | | ${sums.offTopic.unsupported} |`);
    console.log(`| all | ${all.tp + all.fn} | ${all.tp} | ${all.fp} | ${f(result.overall.precision)} | ${f(result.overall.recall)} | ${f(result.overall.f1)} | |`);
  }
  console.log(`\nUndated events kept on their articles (not on the timeline): ${undatedOnArticle}`);
  if (opts.errors) {
    for (const [file, e] of Object.entries(errors)) {
      console.log(`\n### ${file}`);
      if (e.misses.length) console.log(`- missed: ${e.misses.join(" | ")}`);
      if (e.extras.length) console.log(`- extra: ${e.extras.join(" | ")}`);
    }
  }
}

const program = new Command()
  .option("--gold <file>", "gold file (milestones-fresh.json format, or the extract-*.json files' seeds)", "tests/gold/milestones-fresh.json")
  .option("--errors", "list misses and false hits per page")
  .option("--json", "print JSON")
  .parse();
run(program.opts<{ gold: string; errors?: boolean; json?: boolean }>());
