/**
 * `npm run eval:regions [-- --gold FILE] [-- --errors] [-- --all]`: region recognition on a hand-annotated sentence set
 * (see lib/eval/regions.ts). `--all` prints one row per region gold set, the older sets and the held-out ones alike.
 */
import { REGION_GOLD, runRegionEval, type RegionEvalResult } from "@/lib/eval/regions";

/** Every region sentence set, in the order they were written; fresh6 is held out (never tuned on, see its $comment). */
const ALL_SETS = [
  REGION_GOLD,
  ...["fresh", "fresh2", "fresh3", "fresh4", "fresh6"].map((s) => `tests/gold/regions-sentences-${s}.json`),
];

const row = (r: RegionEvalResult) => `| ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | **${r.f1.toFixed(3)}** | ${r.fp} | ${r.trapsWithFalseRegions} of ${r.traps} |`;

if (process.argv.includes("--all")) {
  console.log("## Regions on every annotated sentence set\n");
  console.log("| set | sentences | P | R | F1 | false regions | trap sentences with a false region |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const file of ALL_SETS) {
    const r = runRegionEval(file);
    console.log(`| ${file.replace(/^tests\/gold\//, "")} | ${r.sentences} ${row(r)}`);
  }
} else {
  const at = process.argv.indexOf("--gold");
  const file = at > 0 && process.argv[at + 1] ? (process.argv[at + 1] as string) : REGION_GOLD;
  const r = runRegionEval(file);
  console.log(`## Regions on ${r.sentences} annotated sentences of ${file} (${r.traps} traps or ambiguous names)\n`);
  console.log("| P | R | F1 | false regions | trap sentences with a false region |");
  console.log("| ---: | ---: | ---: | ---: | ---: |");
  console.log(row(r));
  if (process.argv.includes("--errors")) for (const e of r.errors) console.log(`- ${e.id} ${e.text.slice(0, 60)}\n  missed: ${e.missed.join(" | ")}\n  extra: ${e.extra.join(" | ")}`);
}
