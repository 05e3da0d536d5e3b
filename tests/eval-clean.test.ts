import { describe, expect, it } from "vitest";
import { loadAeb, loadCwced, type EvalPage } from "@/lib/eval/corpora";
import { aggregate, shingleMatch } from "@/lib/eval/shingles";
import { decodeBytes } from "@/lib/ingest/decode";
import { extractHtml } from "@/lib/ingest/html";

// Guards the cleaner's measured quality (npm run eval:clean) against silent regressions.
function score(pages: EvalPage[]) {
  return aggregate(
    pages.map((p) => shingleMatch(p.truth, extractHtml(decodeBytes(p.bytes).text).paragraphs.join("\n\n"))),
  );
}

describe("extractHtml on the corpora with ground truth", () => {
  it("cwced (69 Chinese pages): F1 ≥ 0.93", { timeout: 180_000 }, () => {
    const pages = loadCwced();
    expect(pages).toHaveLength(69);
    const r = score(pages);
    expect(r.f1).toBeGreaterThanOrEqual(0.93);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
  });

  it("aeb (181 mostly English pages): F1 ≥ 0.96", { timeout: 180_000 }, () => {
    const pages = loadAeb();
    expect(pages).toHaveLength(181);
    const r = score(pages);
    expect(r.f1).toBeGreaterThanOrEqual(0.96);
    expect(r.recall).toBeGreaterThanOrEqual(0.94);
  });
});
