import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { requireCorpus } from "@/lib/eval/corpora";
import { aggregate, scoreCorpus, shingleMatch, shingles, tokenize } from "@/lib/eval/shingles";

const aeb = (file: string) => path.join(requireCorpus("aeb"), file);

function bodies(file: string, nested: boolean): Record<string, string> {
  const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const map = (nested ? raw.output : raw) as Record<string, { articleBody?: string }>;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.articleBody ?? ""]));
}

describe("tokenize", () => {
  it("splits words like \\w+ and every Han character alone", () => {
    expect(tokenize("Hello, world_1 foo-bar")).toEqual(["Hello", "world_1", "foo", "bar"]);
    expect(tokenize("长三角一体化，2024年")).toEqual(["长", "三", "角", "一", "体", "化", "2024", "年"]);
    expect(tokenize("abc中d")).toEqual(["abc", "中", "d"]);
  });
  it("normalizes NFKC and traditional to simplified", () => {
    expect(tokenize("長江三角洲 ＡＢＣ１２")).toEqual(["长", "江", "三", "角", "洲", "ABC12"]);
  });
});

describe("shingleMatch", () => {
  it("counts multiset overlaps normalised per document", () => {
    // truth: a b c d e → shingles abcd, bcde; pred: a b c d x → abcd, bcdx
    expect(shingleMatch("a b c d e", "a b c d x")).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
    expect(shingleMatch("a b c d", "a b c d")).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(shingleMatch("a b c d", "")).toEqual({ tp: 0, fp: 0, fn: 1 });
    // repeated shingles are a multiset: two copies predicted, one true
    expect(shingles("a b c d a b c d").get(["a", "b", "c", "d"].join("\u0001"))).toBe(2);
    expect(shingleMatch("a b c d", "a b c d a b c d").tp).toBeCloseTo(1 / 5);
  });
  it("handles short texts as one shingle", () => {
    expect(shingleMatch("a b", "a b")).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
});

describe("aggregate", () => {
  it("macro-averages P and R and takes F1 from the averages", () => {
    const r = aggregate([
      { tp: 0.5, fp: 0.5, fn: 0 },
      { tp: 1, fp: 0, fn: 0 },
    ]);
    expect(r.precision).toBeCloseTo(0.75);
    expect(r.recall).toBeCloseTo(1);
    expect(r.f1).toBeCloseTo((2 * 0.75) / 1.75);
  });
  it("excludes empty predictions from precision but not from recall", () => {
    const r = aggregate([
      { tp: 0, fp: 0, fn: 1 },
      { tp: 1, fp: 0, fn: 0 },
    ]);
    expect(r.precision).toBe(1);
    expect(r.recall).toBe(0.5);
  });
});

describe("reference outputs of the article-extraction-benchmark", () => {
  const truth = () => bodies(aeb("ground-truth.json"), false);
  it("readability_js scores F1 ≈ 0.947 on aeb", () => {
    const r = scoreCorpus(truth(), bodies(aeb("output/readability_js.json"), true));
    expect(r.f1).toBeCloseTo(0.947, 2);
    expect(r.precision).toBeCloseTo(0.914, 2);
    expect(r.recall).toBeCloseTo(0.982, 2);
  });
  it("trafilatura scores F1 ≈ 0.958 on aeb", () => {
    const r = scoreCorpus(truth(), bodies(aeb("output/trafilatura.json"), true));
    expect(r.f1).toBeCloseTo(0.958, 2);
    expect(r.precision).toBeCloseTo(0.938, 2);
    expect(r.recall).toBeCloseTo(0.978, 2);
  });
});
