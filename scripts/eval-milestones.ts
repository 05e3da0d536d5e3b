/**
 * Milestone evaluation (issue 10): precision and recall of the timeline milestones `extract()` finds, against
 * gold written by reading the pages (scoring in lib/eval/milestones.ts).
 *
 *   npm run eval:milestones                                   tests/gold/milestones-fresh.json
 *   npm run eval:milestones -- --gold tests/gold/milestones-fresh3.json
 *   npm run eval:milestones -- --gold tests/gold/extract-heldout.json   the older held-out files (date + action)
 *   npm run eval:milestones -- --errors                       every miss and false hit, per page
 *   npm run eval:milestones -- --json
 */
import { Command } from "commander";
import { runMilestoneEval } from "@/lib/eval/milestones";

function run(opts: { gold: string; errors?: boolean; json?: boolean }) {
  const { errors, ...result } = runMilestoneEval(opts.gold);
  if (opts.json) {
    console.log(JSON.stringify({ ...result, ...(opts.errors ? { errors } : {}) }, null, 2));
    return;
  }
  const f = (x: number) => x.toFixed(3);
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
  if (off.pages) console.log(`Off-topic pages on the default timeline (a milestone, relevance at or above the threshold): ${off.onDefaultTimeline}`);
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
