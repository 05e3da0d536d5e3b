// The sixth fresh sentence set (tests/gold/regions-sentences-fresh6.json, issue 9) is a HELD-OUT set: written and
// committed before any extractor ran on it, by a helper who changed no code, so that code tuned by someone who never
// saw it can be measured once. This test is a floor, set at the first run of main at the set's branch point
// (P 0.913, R 0.899 = 241 of 268, 23 false regions in 22 of 114 trap sentences), raised to the one run after the fifth
// round's tuning (P 0.932, R 0.925, 18 false regions in 18 trap sentences). It is TUNED now: the sixth round fixed its
// failures by class (tests/regions-classes6.test.ts) and the floor is that round's after-figure (P 0.978, R 0.978, 6 false
// regions in 6 trap sentences), a tuned figure, no longer a held-out one.
import { describe, expect, it } from "vitest";
import { runRegionEval } from "@/lib/eval/regions";

describe("the sixth fresh sentence set (tuned on in the sixth round)", () => {
  it("fresh6: at least the sixth round's tuned figures (R ≥ 0.977, P ≥ 0.977, at most 6 false regions in at most 6 trap sentences)", () => {
    const r = runRegionEval("tests/gold/regions-sentences-fresh6.json");
    expect(r.sentences).toBeGreaterThanOrEqual(110);
    expect(r.traps * 2).toBeGreaterThanOrEqual(r.sentences);
    expect(r.recall).toBeGreaterThanOrEqual(0.977);
    expect(r.precision).toBeGreaterThanOrEqual(0.977);
    expect(r.fp).toBeLessThanOrEqual(6);
    expect(r.trapsWithFalseRegions).toBeLessThanOrEqual(6);
  });
});
