import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "@/lib/ingest/decode";
import { processPage } from "@/lib/ingest/process";
import { freshBytes, loadFreshGold, scoreFreshPage, summarizeFresh } from "@/lib/eval/fresh";

// The five cleaning gold sets annotated by reading (tests/gold/clean-fresh*.json), held at the figures measured when
// each was last worked on (README, "Cleaning"): a change that loses junk, titles, dates or body text on them fails here.
// `npm run eval:clean -- --corpus fresh --gold <file> --errors` lists the misses.
const FLOORS: [file: string, junk: number, titles: number, dates: number, f1: number][] = [
  ["clean-fresh.json", 0.986, 0.928, 0.911, 0.98],
  ["clean-fresh2.json", 0.97, 0.952, 1, 0.996],
  ["clean-fresh3.json", 0.996, 0.899, 1, 0.99],
  // First run on the code as merged, never tuned on: 132 of 144 junk lines gone, 12 of 16 titles, 15 of 16 dates,
  // F1 0.983; titles 14 of 16 after the title-wrapper class (tests/ingest-cleaning-classes4.test.ts).
  ["clean-fresh4.json", 0.916, 0.875, 0.937, 0.983],
  // First run on the code as merged after fresh4, never tuned on: 187 of 219 junk lines gone, 10 of 14 titles, 8 of 15
  // dates, F1 0.881.
  ["clean-fresh5.json", 0.853, 0.714, 0.533, 0.881],
];

describe("cleaning gold sets read by hand", () => {
  for (const [file, junk, titles, dates, f1] of FLOORS) {
    it(`${file} holds its figures`, () => {
      const scores = loadFreshGold(path.resolve("tests/gold", file)).map((gold) => {
        const bytes = freshBytes(gold);
        return scoreFreshPage(gold, processPage(bytes, { fileName: path.basename(gold.file) }), decodeBytes(bytes).text);
      });
      const s = summarizeFresh(scores);
      expect(s.junkGone).toBeGreaterThanOrEqual(junk);
      expect(s.titleAccuracy).toBeGreaterThanOrEqual(titles);
      expect(s.dateAccuracy).toBeGreaterThanOrEqual(dates);
      expect(s.f1).toBeGreaterThanOrEqual(f1);
      expect(s.pinyinGone).toBe(1);
    });
  }
});
