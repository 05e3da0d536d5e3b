/** `npm run eval:regions [-- --gold FILE] [-- --errors]`: region recognition on a hand-annotated sentence set (see lib/eval/regions.ts). */
import { REGION_GOLD, runRegionEval } from "@/lib/eval/regions";

const at = process.argv.indexOf("--gold");
const file = at > 0 && process.argv[at + 1] ? (process.argv[at + 1] as string) : REGION_GOLD;
const r = runRegionEval(file);
console.log(`## Regions on ${r.sentences} annotated sentences of ${file} (${r.traps} traps or ambiguous names)\n`);
console.log("| P | R | F1 | false regions | trap sentences with a false region |");
console.log("| ---: | ---: | ---: | ---: | ---: |");
console.log(`| ${r.precision.toFixed(3)} | ${r.recall.toFixed(3)} | **${r.f1.toFixed(3)}** | ${r.fp} | ${r.trapsWithFalseRegions} of ${r.traps} |`);
if (process.argv.includes("--errors")) for (const e of r.errors) console.log(`- ${e.id} ${e.text.slice(0, 60)}\n  missed: ${e.missed.join(" | ")}\n  extra: ${e.extra.join(" | ")}`);
