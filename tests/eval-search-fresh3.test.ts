// Guards the README's figures on the third fresh set (issue 12, round 4: tests/gold/search-judgments-fresh3.json,
// 45 queries judged on content/ + yrd-dev + gne before any run, trap pages marked): `npm run eval:search -- --fresh3`.
// First run (before the round): tuned 0.831 recall / 0.800 nDCG, fallback 0.793 / 0.774, default 0.765 / 0.734;
// 9 / 8 / 7 queries with a literal-but-irrelevant page in the top 3. Targets sit a little below the figures after.
import { beforeAll, describe, expect, it } from "vitest";
import { FRESH3_JUDGMENTS_FILE, runSearchEval, type SearchEvalResult } from "@/lib/eval/search";

let r: SearchEvalResult;

beforeAll(async () => {
  r = await runSearchEval({ judgmentsFile: FRESH3_JUDGMENTS_FILE, log: () => {} });
}, 600_000);

const ndcg = (key: keyof SearchEvalResult["engines"], q: string) => r.engines[key].queries.find((x) => x.q === q)?.ndcg ?? 0;

describe("eval:search on the third fresh judgments", () => {
  it("judges every query on content/ + yrd-dev + gne", () => {
    expect(r.queries).toBeGreaterThanOrEqual(30);
    expect(r.missing).toEqual([]);
  });

  it("tuned Meilisearch: recall@10 ≥ 0.85, nDCG@10 ≥ 0.82", () => {
    expect(r.engines.tuned.recall).toBeGreaterThanOrEqual(0.85);
    expect(r.engines.tuned.ndcg).toBeGreaterThanOrEqual(0.82);
  });

  it("SQLite fallback: recall@10 ≥ 0.81, nDCG@10 ≥ 0.79", () => {
    expect(r.engines.fallback.recall).toBeGreaterThanOrEqual(0.81);
    expect(r.engines.fallback.ndcg).toBeGreaterThanOrEqual(0.79);
  });

  it("the round's classes hold on both engines: an article about the place first, a compound's head, a province's cities", () => {
    for (const key of ["tuned", "fallback"] as const) {
      expect(ndcg(key, "中山")).toBe(1);
      expect(ndcg(key, "广州")).toBe(1);
      expect(ndcg(key, "电子游戏")).toBeGreaterThan(0.5);
      expect(ndcg(key, "智能手机")).toBeGreaterThan(0.5);
      expect(ndcg(key, "湖北")).toBeGreaterThan(0.9);
    }
  });

  it("the tuned index beats Meilisearch's default settings", () => {
    expect(r.engines.tuned.ndcg).toBeGreaterThan(r.engines.default.ndcg + 0.08);
    expect(r.engines.tuned.recall).toBeGreaterThan(r.engines.default.recall + 0.08);
  });
});
