// The seventh fresh sentence set (tests/gold/regions-sentences-fresh7.json, issue 9) is a HELD-OUT set: written and
// committed before any extractor ran on it, by a helper who changed no code, so that code tuned by someone who never
// saw it (the sixth round) can be measured once. This test is a floor, set at the first run of main at the set's branch
// point (P 0.921 = 349 of 379, R 0.911 = 349 of 383, 30 false regions in 16 of 108 trap sentences). Tuned now: after its honest
// run (P 0.923, R 0.935, 30 false regions) the seventh round read its errors and fixed them by class
// (tests/regions-classes7.test.ts), so the floor is the after-figure (P 0.934 = 367 of 393, R 0.958 = 367 of 383, 26 false
// regions in 11 of 108 trap sentences) and the set is no longer unseen. Round 8 (tests/regions-classes8.test.ts) revised six of its
// sentences to the rail and axis convention (README, Regions: p007, p017, p027, p032, p053, p060) and fixed classes tuned on it:
// the floor is now P 0.994 (394 of 396), R 0.977 (394 of 403), 2 false regions in 2 of 105 trap sentences. Round 10 (the title
// convention: places in policy documents' titles count) raised R to 0.988.
import { describe, expect, it } from "vitest";
import { REGION_GOLD_SETS, runRegionEval } from "@/lib/eval/regions";

describe("the seventh fresh sentence set (tuned on in the seventh round)", () => {
  it("is listed with the other region gold sets (npm run eval:regions reports it)", () => {
    expect(REGION_GOLD_SETS).toContain("tests/gold/regions-sentences-fresh7.json");
  });
  it("fresh7: at least the figures after the tenth round (R ≥ 0.987, P ≥ 0.994, at most 2 false regions in at most 2 trap sentences)", () => {
    const r = runRegionEval("tests/gold/regions-sentences-fresh7.json");
    expect(r.sentences).toBeGreaterThanOrEqual(120);
    expect(r.traps * 2).toBeGreaterThanOrEqual(r.sentences);
    expect(r.recall).toBeGreaterThanOrEqual(0.987);
    expect(r.precision).toBeGreaterThanOrEqual(0.994);
    expect(r.fp).toBeLessThanOrEqual(2);
    expect(r.trapsWithFalseRegions).toBeLessThanOrEqual(2);
  });
});
