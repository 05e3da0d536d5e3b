/**
 * Milestone evaluation (issue 10): precision and recall of the timeline milestones `extract()` finds, against
 * gold written by reading the pages (scoring in lib/eval/milestones.ts).
 *
 *   npm run eval:milestones                                   tests/gold/milestones-fresh.json
 *   npm run eval:milestones -- --gold tests/gold/milestones-fresh3.json
 *   npm run eval:milestones -- --gold tests/gold/milestones-fresh6.json   the held-out set (measure once, never tune)
 *   npm run eval:milestones -- --gold tests/gold/milestones-fresh8.json   the second held-out set (measure once, never tune)
 *   npm run eval:milestones -- --gold tests/gold/milestones-fresh9.json   the third held-out set (measure once, never tune)
 *   npm run eval:milestones -- --gold tests/gold/milestones-fresh10.json  the fourth held-out set (measure once, never tune)
 *   npm run eval:milestones -- --all                          one row per fresh set, the held-out fresh6, fresh8, fresh9 and fresh10 included
 *   npm run eval:milestones -- --gold tests/gold/extract-heldout.json   the older held-out files (date + action)
 *   npm run eval:milestones -- --errors                       every miss and false hit, per page
 *   npm run eval:milestones -- --json
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { FRESH_MILESTONE_GOLD, HELDOUT8_MILESTONE_GOLD, HELDOUT_MILESTONE_GOLD, runMilestoneEval, type MilestoneEvalResult } from "@/lib/eval/milestones";

const f = (x: number) => x.toFixed(3);

/** The third held-out set (fresh9): 28 composed 长三角 articles and 11 composed off-topic ones, annotated while the extractor was tuned on the older sets. */
const HELDOUT9_MILESTONE_GOLD = fileURLToPath(new URL("../tests/gold/milestones-fresh9.json", import.meta.url));
/** The fourth held-out set (fresh10): 24 composed 长三角 articles and 6 composed off-topic ones, annotated while the extractor was tuned on the older sets. */
const HELDOUT10_MILESTONE_GOLD = fileURLToPath(new URL("../tests/gold/milestones-fresh10.json", import.meta.url));

/** Off-topic hits that are not true events of their page: wrong facts. */
const wrongFacts = (r: MilestoneEvalResult) => r.offTopic.falseMilestones - r.offTopic.trueEvents;

function timelineLine(r: Pick<MilestoneEvalResult, "onTopic" | "offTopic">): string {
  const { onTopic: on, offTopic: off } = r;
  return `Default timeline (relevance filter): ${off.onDefaultTimeline} of ${off.pages} off-topic pages on it; ${on.hiddenPages} of ${on.pages} on-topic pages with a dated milestone kept off it.`;
}

function runAll(json?: boolean) {
  const results = [...FRESH_MILESTONE_GOLD, HELDOUT_MILESTONE_GOLD, HELDOUT8_MILESTONE_GOLD, HELDOUT9_MILESTONE_GOLD, HELDOUT10_MILESTONE_GOLD].map((g) => runMilestoneEval(g));
  if (json) {
    console.log(JSON.stringify(results.map(({ errors: _errors, ...r }) => r), null, 2));
    return;
  }
  console.log("| gold | on-topic pages | gold milestones | P | R | unsupported dates | off-topic pages | off-topic hits (not listed as true events) | off-topic pages on the default timeline |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    const { onTopic: on, offTopic: off } = r;
    const pr = on.pages ? `${f(on.precision)} | ${f(on.recall)}` : "– | –";
    console.log(`| ${path.basename(r.gold)} | ${on.pages} | ${on.gold} | ${pr} | ${on.unsupported + off.unsupported} | ${off.pages} | ${off.falseMilestones} (${wrongFacts(r)}) | ${off.onDefaultTimeline} |`);
  }
}

function run(opts: { gold: string; errors?: boolean; json?: boolean; all?: boolean }) {
  if (opts.all) return runAll(opts.json);
  const { errors, ...result } = runMilestoneEval(opts.gold);
  if (opts.json) {
    console.log(JSON.stringify({ ...result, ...(opts.errors ? { errors } : {}) }, null, 2));
    return;
  }
  const { onTopic: on, offTopic: off, overall: all } = result;
  console.log(`## Milestones (${opts.gold})\n`);
  console.log("| pages | gold milestones | found | false hits | P | R | F1 | dates the page does not support |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  console.log(`| ${on.pages} on-topic | ${on.gold} | ${on.tp} | ${on.fp} | ${f(on.precision)} | ${f(on.recall)} | ${f(on.f1)} | ${on.unsupported} |`);
  if (off.pages) {
    const trueOnes = off.trueEvents ? `, ${off.trueEvents} of them true events of the page` : "";
    console.log(`| ${off.pages} off-topic | 0 | 0 | ${off.falseMilestones} (on ${off.pagesWithMilestones} pages${trueOnes}) | | | | ${off.unsupported} |`);
    console.log(`| all | ${all.tp + all.fn} | ${all.tp} | ${all.fp} | ${f(all.precision)} | ${f(all.recall)} | ${f(all.f1)} | |`);
  }
  console.log(`\nUndated events kept on their articles (not on the timeline): ${result.undatedOnArticle}`);
  console.log(timelineLine(result));
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
  .option("--all", "one row per fresh gold file, the held-out fresh6, fresh8, fresh9 and fresh10 included")
  .option("--errors", "list misses and false hits per page")
  .option("--json", "print JSON")
  .parse();
run(program.opts<{ gold: string; errors?: boolean; json?: boolean; all?: boolean }>());
