/**
 * npm run eval:clean [-- --json] [-- --verbose] [-- --corpus cwced|aeb|fresh] [-- --errors] [-- --gold FILE]
 * Scores the HTML cleaner against the pages with ground truth in ../shared/corpus
 * (cwced: Chinese, aeb: mostly English) with the article-extraction-benchmark shingle
 * metric, beside two baselines measured in the same run: all visible text, and
 * Readability.js (with linkedom).
 * `fresh`: the furniture/caption regression set (tests/gold/clean-fresh.json, pages annotated by reading): junk
 * gone, title and date accuracy, body F1, pinyin gone. `--errors` lists every miss on it. `--gold FILE` scores another
 * set in the same format instead (tests/gold/clean-fresh2.json … -fresh5.json: the second to fifth sets;
 * -fresh6.json: a held-out set written before the fifth round's tuning; -fresh7.json: the 30 yrd-dev text pages no
 * other set used; tests/eval-clean-fresh.test.ts holds them all at their measured figures).
 */
import { Readability } from "@mozilla/readability";
import * as cheerio from "cheerio";
import { Command } from "commander";
import path from "node:path";
import { parseHTML } from "linkedom";
import { loadAeb, loadCwced, type EvalPage } from "../lib/eval/corpora";
import { aggregate, precisionScore, recallScore, shingleMatch, type Prf, type TpFpFn } from "../lib/eval/shingles";
import { collectBlocks } from "../lib/ingest/html-blocks";
import { decodeBytes } from "../lib/ingest/decode";
import { extractHtml } from "../lib/ingest/html";
import { processPage } from "../lib/ingest/process";
import { FRESH_GOLD, freshBytes, loadFreshGold, scoreFreshPage, summarizeFresh, type FreshPageScore, type FreshSummary } from "../lib/eval/fresh";

type Page = EvalPage;

type System = (page: Page) => string;

interface Row extends Prf {
  corpus: string;
  system: string;
  pages: number;
  ms: number;
  worst: { id: string; precision: number; recall: number; f1: number }[];
}

function visibleText(html: string): string {
  const $ = cheerio.load(html);
  $("script,style,noscript,template,head").remove();
  const body = $("body").get(0);
  return body ? collectBlocks(body).map((b) => b.text).join("\n") : "";
}

function readability(html: string): string {
  try {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? "";
  } catch {
    return "";
  }
}

function run(corpus: string, name: string, pages: Page[], system: System): Row {
  const t0 = performance.now();
  const preds = pages.map((p) => {
    try {
      return system(p);
    } catch {
      return "";
    }
  });
  const ms = performance.now() - t0;
  const docs: TpFpFn[] = pages.map((p, i) => shingleMatch(p.truth, preds[i] ?? ""));
  const worst = docs
    .map((d, i) => {
      const precision = precisionScore(d);
      const recall = recallScore(d);
      const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      return { id: pages[i]?.id ?? "", precision, recall, f1 };
    })
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, 5);
  return { corpus, system: name, pages: pages.length, ms, ...aggregate(docs), worst };
}

function runFresh(file: string): { file: string; summary: FreshSummary; scores: FreshPageScore[]; ms: number } {
  const t0 = performance.now();
  const scores = loadFreshGold(file).map((gold) => {
    const bytes = freshBytes(gold);
    let pred = null;
    try {
      pred = processPage(bytes, { fileName: path.basename(gold.file) });
    } catch {
      pred = null;
    }
    return scoreFreshPage(gold, pred, decodeBytes(bytes).text);
  });
  return { file, summary: summarizeFresh(scores), scores, ms: performance.now() - t0 };
}

function printFresh({ file, summary: s, scores, ms }: ReturnType<typeof runFresh>, errors: boolean): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(`\nfresh set (${path.relative(process.cwd(), file)}, ${s.pages} pages annotated by reading), processPage:`);
  console.log("| junk gone | titles right | dates right | body P | body R | body F1 | pinyin gone | time (ms) |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  console.log(
    `| ${pct(s.junkGone)} (of ${s.junkLines}) | ${pct(s.titleAccuracy)} (of ${s.titles}) | ${pct(s.dateAccuracy)} (of ${s.pages}) | ` +
      `${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | **${s.f1.toFixed(3)}** | ${pct(s.pinyinGone)} | ${Math.round(ms)} |`,
  );
  if (!errors) return;
  for (const p of scores) {
    const out: string[] = [];
    if (p.titleOk === false) out.push(`  title: got ${JSON.stringify(p.predTitle)}`);
    if (!p.dateOk) out.push(`  date: got ${p.predDate}`);
    for (const j of p.junkLeft) out.push(`  junk kept: ${j.slice(0, 80)}`);
    if (p.pinyinLeft) out.push(`  pinyin left: ${p.pinyinLeft} of ${p.pinyinIn}`);
    const f1 = shingleF1(p);
    if (f1 < 0.9) out.push(`  body F1 ${f1.toFixed(3)} (P ${precisionScore(p.body).toFixed(3)} R ${recallScore(p.body).toFixed(3)})`);
    if (out.length) console.log(`${p.file}\n${out.join("\n")}`);
  }
}

function shingleF1(p: FreshPageScore): number {
  const pr = precisionScore(p.body);
  const rc = recallScore(p.body);
  return pr + rc > 0 ? (2 * pr * rc) / (pr + rc) : 0;
}

async function main(): Promise<void> {
  const program = new Command()
    .option("--json", "print JSON instead of a markdown table")
    .option("--verbose", "print the 5 worst pages per corpus for our cleaner")
    .option("--corpus <name>", "only this corpus (cwced, aeb or fresh)")
    .option("--errors", "list every miss on the fresh set")
    .option("--gold <file>", "score this gold file (clean-fresh.json format) as the fresh set", FRESH_GOLD)
    .parse();
  const opts = program.opts<{ json?: boolean; verbose?: boolean; corpus?: string; errors?: boolean; gold: string }>();
  const fresh = !opts.corpus || opts.corpus === "fresh" ? runFresh(path.resolve(opts.gold)) : null;

  const corpora: [string, () => Page[]][] = [
    ["cwced", loadCwced],
    ["aeb", loadAeb],
  ];
  const rows: Row[] = [];
  for (const [corpus, load] of corpora) {
    if (opts.corpus && opts.corpus !== corpus) continue;
    const pages = load();
    // Every system reads the page as the pipeline's decoder decodes it.
    const decoded = new Map(pages.map((p) => [p.id, decodeBytes(p.bytes).text]));
    const html = (p: Page) => decoded.get(p.id) ?? "";
    rows.push(run(corpus, "visible text (baseline)", pages, (p) => visibleText(html(p))));
    rows.push(run(corpus, "readability.js + linkedom", pages, (p) => readability(html(p))));
    rows.push(run(corpus, "extractHtml", pages, (p) => extractHtml(html(p)).paragraphs.join("\n\n")));
    rows.push(
      run(corpus, "processPage (decode + extractHtml + junk)", pages, (p) =>
        processPage(p.bytes, { fileName: `${p.id}.html` }).paragraphs.join("\n\n"),
      ),
    );
  }

  if (opts.json) {
    const list = rows.map(({ worst, ...r }) => (opts.verbose ? { ...r, worst } : r));
    console.log(JSON.stringify(fresh ? [...list, { corpus: "fresh", system: "processPage", ...fresh.summary }] : list, null, 2));
    return;
  }
  const f = (x: number) => x.toFixed(3);
  console.log("| corpus | system | precision | recall | F1 | pages | time (ms) |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows) {
    console.log(`| ${r.corpus} | ${r.system} | ${f(r.precision)} | ${f(r.recall)} | **${f(r.f1)}** | ${r.pages} | ${Math.round(r.ms)} |`);
  }
  if (fresh) printFresh(fresh, !!opts.errors);
  if (opts.verbose) {
    for (const r of rows.filter((x) => /^(extractHtml|processPage)/.test(x.system))) {
      console.log(`\nworst pages, ${r.corpus} / ${r.system}:`);
      for (const w of r.worst) console.log(`  ${w.id}  P=${f(w.precision)} R=${f(w.recall)} F1=${f(w.f1)}`);
    }
  }
}

await main();
