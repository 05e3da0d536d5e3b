/**
 * `npm run eval:regions [-- --gold FILE] [-- --errors]`: region recognition on the hand-annotated sentence sets (see
 * lib/eval/regions.ts). Without --gold, every set in REGION_GOLD_SETS, one table row each; with it, that set alone.
 */
import { REGION_GOLD_SETS, runRegionEval } from "@/lib/eval/regions";

const at = process.argv.indexOf("--gold");
const files = at > 0 && process.argv[at + 1] ? [process.argv[at + 1] as string] : REGION_GOLD_SETS;
const errors = process.argv.includes("--errors");
console.log("## Regions on hand-annotated sentence sets\n");
console.log("| set | sentences | traps or ambiguous | P | R | F1 | false regions | trap sentences with a false region |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
const runs = files.map((file) => ({ file, r: runRegionEval(file) }));
for (const { file, r } of runs)
  console.log(`| \`${file}\` | ${r.sentences} | ${r.traps} | ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | **${r.f1.toFixed(3)}** | ${r.fp} | ${r.trapsWithFalseRegions} of ${r.traps} |`);
if (errors)
  for (const { file, r } of runs) {
    console.log(`\n### Errors on ${file}\n`);
    for (const e of r.errors) console.log(`- ${e.id} ${e.text.slice(0, 60)}\n  missed: ${e.missed.join(" | ")}\n  extra: ${e.extra.join(" | ")}`);
  }
