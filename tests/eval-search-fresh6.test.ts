// Floors of the sixth fresh set (issue 12: tests/gold/search-judgments-fresh6.json, 49 queries judged by reading
// content/ + yrd-dev + gne + cwced/original before any run, HELD OUT from tuning): `npm run eval:search -- --fresh6`.
// Baseline, run once on main d6077b6 (recall@10 / nDCG@10 / queries with a literal-but-irrelevant page in the top 3):
// default Meilisearch 0.816 / 0.765 / 7, tuned Meilisearch 0.879 / 0.840 / 4, SQLite fallback 0.884 / 0.850 / 4.
// The set was then run once more after round 10 (main 6b0d0cb: tuned 0.879 / 0.837 / 5, fallback 0.882 / 0.852 / 5) and
// is TUNED ON from round 11 (README "Issue 12, round 11"). The floors are round 11's figures (tuned 0.879 / 0.864 / 5,
// fallback 0.892 / 0.868 / 5), rounded down to the third decimal.
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runSearchEval, type SearchEvalResult } from "@/lib/eval/search";

const FRESH6_JUDGMENTS_FILE = fileURLToPath(new URL("./gold/search-judgments-fresh6.json", import.meta.url));

let r: SearchEvalResult;

beforeAll(async () => {
  r = await runSearchEval({ judgmentsFile: FRESH6_JUDGMENTS_FILE, log: () => {} });
}, 600_000);

describe("eval:search on the sixth fresh judgments (tuned on since round 11)", () => {
  it("judges every query on content/ + yrd-dev + gne + cwced, every judged page ingested", () => {
    expect(r.queries).toBeGreaterThanOrEqual(45);
    expect(r.missing).toEqual([]);
  });

  it("tuned Meilisearch: recall@10 ≥ 0.878, nDCG@10 ≥ 0.863, at most 5 queries with a literal trap in the top 3", () => {
    expect(r.engines.tuned.recall).toBeGreaterThanOrEqual(0.878);
    expect(r.engines.tuned.ndcg).toBeGreaterThanOrEqual(0.863);
    expect(r.engines.tuned.literalTop3).toBeLessThanOrEqual(5);
  });

  it("SQLite fallback: recall@10 ≥ 0.891, nDCG@10 ≥ 0.867, at most 5 queries with a literal trap in the top 3", () => {
    expect(r.engines.fallback.recall).toBeGreaterThanOrEqual(0.891);
    expect(r.engines.fallback.ndcg).toBeGreaterThanOrEqual(0.867);
    expect(r.engines.fallback.literalTop3).toBeLessThanOrEqual(5);
  });

  it("the tuned index stays ahead of Meilisearch's default settings", () => {
    expect(r.engines.tuned.ndcg).toBeGreaterThan(r.engines.default.ndcg);
    expect(r.engines.tuned.recall).toBeGreaterThan(r.engines.default.recall);
  });
});
