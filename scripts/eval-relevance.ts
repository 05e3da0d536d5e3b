/**
 * Relevance evaluation on tests/gold/relevance.json (105 pages read and labeled before the scorer existed):
 * accuracy, precision and recall of off-topic detection (positive = off-topic, below RELEVANCE_THRESHOLD) and
 * spun-page detection, on the tune half, the held-out half and all pages.
 *
 *   npm run eval:relevance              table
 *   npm run eval:relevance -- --errors  also list every misjudged page with its score and signals
 *   npm run eval:relevance -- --json
 */
import { Command } from "commander";
import Table from "cli-table3";
import { loadRelevanceGold, offTopicFigures, scoreGoldPage } from "@/lib/eval/relevance";
import { RELEVANCE_THRESHOLD } from "@/lib/extract/relevance";

const opts = new Command().option("--errors").option("--json").parse().opts<{ errors?: boolean; json?: boolean }>();
const rows = loadRelevanceGold().map((gold) => ({ gold, got: scoreGoldPage(gold) }));
const figures = {
  tune: offTopicFigures(rows.filter((r) => r.gold.split === "tune")),
  heldout: offTopicFigures(rows.filter((r) => r.gold.split === "heldout")),
  all: offTopicFigures(rows),
};
if (opts.json) {
  console.log(JSON.stringify({ threshold: RELEVANCE_THRESHOLD, figures, pages: rows.map((r) => ({ file: r.gold.file, label: r.gold.label, score: r.got.score, lowQuality: r.got.lowQuality })) }, null, 2));
} else {
  const t = new Table({ head: ["split", "pages", "accuracy", "off-topic P", "off-topic R", "spun found", "spun false"] });
  for (const [name, f] of Object.entries(figures)) t.push([name, f.pages, f.accuracy, f.precision, f.recall, `${f.spunFound}/${f.spunTotal}`, f.spunFalse]);
  console.log(`threshold ${RELEVANCE_THRESHOLD}`);
  console.log(t.toString());
  if (opts.errors) {
    for (const { gold, got } of rows) {
      const wrong = (gold.label === "off") === got.onTopic || (gold.quality === "spun") !== got.lowQuality;
      if (wrong) console.log(`${gold.label} ${got.score.toFixed(3)}${got.lowQuality ? " spun" : ""} ${gold.split} ${gold.file} ${JSON.stringify(got.signals)}`);
    }
  }
}
