import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "@/lib/ingest/decode";
import { processPage } from "@/lib/ingest/process";
import { freshBytes, loadFreshGold, scoreFreshPage, summarizeFresh } from "@/lib/eval/fresh";

// The cleaning gold sets annotated by reading (tests/gold/clean-fresh*.json), held at the figures measured when
// each was last worked on (README, "Cleaning"): a change that loses junk, titles, dates or body text on them fails here.
// `npm run eval:clean -- --corpus fresh --gold <file> --errors` lists the misses.
const FLOORS: [file: string, junk: number, titles: number, dates: number, f1: number][] = [
  // Dates 41 → 42 of 45 after the fifth round's post-footer and header classes; after the eighth round
  // (tests/clean-classes8.test.ts) junk 362 of 366 (a fan-page prompt), titles 40 of 42 (an h1 logo that is the
  // <title>'s site part), dates 45 of 45 (structured data, a date above the headline, a CMS info bar).
  ["clean-fresh.json", 0.989, 0.952, 1, 0.98],
  // Titles 20 → 21 of 21 when the gold dropped the (图) mark (one convention since clean-fresh5), not a code change.
  ["clean-fresh2.json", 0.97, 1, 1, 0.997],
  // Titles 27 → 29 of 30 by the same gold convention.
  ["clean-fresh3.json", 0.996, 0.966, 1, 0.991],
  // First run on the code as merged, never tuned on: 132 of 144 junk lines gone, 12 of 16 titles, 15 of 16 dates,
  // F1 0.983; titles 14 of 16 after the title-wrapper class (tests/ingest-cleaning-classes4.test.ts); after the fifth
  // round: junk 142 of 144 (teaser box, run-in 延伸阅读, 执笔人, legend), dates 16 of 16 (forum footer), titles 15 of 16
  // (the (图) gold convention).
  ["clean-fresh4.json", 0.986, 0.937, 1, 0.988],
  // First run on the code as merged after fresh4, never tuned on: 187 of 219 junk lines gone, 10 of 14 titles, 8 of 15
  // dates, F1 0.881. After the classes of tests/ingest-cleaning-classes5.test.ts (TUNED on it): 212 of 219, 14 of 14,
  // 15 of 15, F1 0.982.
  ["clean-fresh5.json", 0.968, 1, 1, 0.982],
  // Held out: written before the fifth round's tuning and not shown to whoever tunes the cleaner. First run on main
  // as of 8c4c024: 137 of 140 junk lines gone, 12 of 14 titles, 14 of 15 dates, F1 0.962 (P 0.992, R 0.933).
  // Tuned now: after the sixth round (tests/ingest-cleaning-classes6.test.ts), found on its misses, 140 of 140 junk
  // lines, 14 of 14 titles, 15 of 15 dates, F1 0.992 (P 0.997, R 0.987). No longer held out.
  ["clean-fresh6.json", 1, 1, 1, 0.991],
  // The 30 yrd-dev text pages no other set used. First run on main b8c34c5, never tuned on: 41 of 48 junk lines gone,
  // 10 of 12 titles, 30 of 30 dates, F1 0.954 (P 0.915, R 0.997). After the seventh round
  // (tests/clean-classes7.test.ts, TUNED on it): 44 of 48, 12 of 12, 30 of 30, F1 0.955 (P 0.916, R 0.997).
  ["clean-fresh7.json", 0.916, 1, 1, 0.954],
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
