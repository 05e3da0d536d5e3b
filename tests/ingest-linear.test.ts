import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { findFigures } from "@/lib/extract/figures";
import { MAX_CHAR_RUN, MAX_FIGURES, MAX_HTML_DEPTH, MAX_LINE_CHARS } from "@/lib/ingest/caps";
import { tidy } from "@/lib/ingest/html-blocks";
import { prepareLine } from "@/lib/ingest/junk";
import { processPage } from "@/lib/ingest/process";
import { buildRecord } from "@/lib/ingest/record";

/*
 * Each input below is large enough that the code before issue 17 took minutes on it (quadratic in the run or page
 * length); the tests assert what comes out, and fail on the old code by running into the test timeout.
 */

const seed = fs.readFileSync("content/000_d415b53f95fb386a.txt", "utf8").split("\n").filter((l) => l.trim()).slice(0, 3).join("\n");
const LEAD = "长三角生态绿色一体化发展示范区建设取得新进展，嘉善县投资100亿元建设新项目。";

describe("whitespace runs in the line rules (junk.ts)", () => {
  it("strips a trailing 返回搜狐,查看更多 after 400,000 ideographic spaces", () => {
    const line = prepareLine(`示范区建设取得新进展${"\u3000".repeat(400_000)}x${"\u3000".repeat(400_000)}返回搜狐，查看更多`);
    expect(line.endsArticle).toBe(true);
    expect(line.text).toBe("示范区建设取得新进展 x");
  });

  it("strips a trailing | after 400,000 no-break spaces", () => {
    const line = prepareLine(`示范区建设取得新进展${"\u00a0".repeat(400_000)}x${"\u00a0".repeat(400_000)}|`);
    expect(line.original.endsWith("x")).toBe(true);
    expect(line.text).toBe("示范区建设取得新进展 x");
  });

  it("tidies an HTML block holding 400,000 &nbsp; in mid-text", () => {
    expect(tidy(` 正文${"\u00a0".repeat(400_000)}结束 \u3000`)).toBe(`正文${"\u00a0".repeat(400_000)}结束`);
    const page = processPage(Buffer.from(`<html><body><p>${LEAD}</p><p>示范区${"&nbsp;".repeat(400_000)}建设持续推进。</p></body></html>`), { fileName: "a.html" });
    expect(page.paragraphs).toEqual([LEAD.replace("，", ","), "示范区 建设持续推进。"]);
  });
});

describe("figures (figures.ts SPLIT_VERB)", () => {
  it("reads a figure after 400,000 Chinese numerals without a verb in between", () => {
    const text = `${"零".repeat(400_000)}投资10亿元。`;
    const figures = findFigures(text, 0);
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ value: 1e9, unit: "元" });
    expect(figures[0]!.subject).toBe(`${"零".repeat(12)}投资`);
  });

  it("still starts the subject after the last split verb", () => {
    expect(findFigures("示范区已集聚企业投资10亿元", 0)[0]!.subject).toBe("企业投资");
    expect(findFigures("吸引进外资10亿元", 0)[0]!.subject).toBe("外资");
  });
});

describe("buildRecord (record.ts) on a page with tens of thousands of figures and mentions", () => {
  it("attaches each figure to the nearest region before it and keeps the first MAX_FIGURES figures", () => {
    // One line (a 600 KB paragraph), no two sentences alike.
    const line = Array.from({ length: 32_000 }, (_, i) => `嘉善投资${i + 1}亿元，青浦吴江新增8个项目。`).join("");
    const cleaned = processPage(Buffer.from(`${seed}\n${line}\n`), { fileName: "a.txt" });
    const extraction = extract(cleaned);
    expect(extraction.figures.length).toBeGreaterThan(MAX_FIGURES);
    const record = buildRecord({ cleaned, extraction, filePath: null, fetchedAt: null });
    expect(record.figures).toHaveLength(MAX_FIGURES);
    expect(record.notes?.some((n) => n.includes(`only the first ${MAX_FIGURES.toLocaleString("en")} kept`))).toBe(true);
    const money = record.figures.filter((f) => f.unit === "元");
    expect(money.length).toBeGreaterThan(1000);
    expect(new Set(money.map((f) => f.entityId))).toEqual(new Set(["region:330421"]));
    const projects = record.figures.filter((f) => f.unit === "个" && f.value === 8);
    expect(new Set(projects.map((f) => f.entityId))).toEqual(new Set(["region:320509"]));
    // The long line was split at sentence ends, not cut: every piece is within the cap.
    expect(cleaned.notes?.some((n) => n.includes("split"))).toBe(true);
    expect(Math.max(...cleaned.paragraphs.map((p) => p.length))).toBeLessThanOrEqual(MAX_LINE_CHARS);
  });
});

describe("HTML depth and repeated structures", () => {
  it("parses a page of 100,000 nested <div>s, keeps its text and reports the cut", () => {
    const n = 100_000;
    const html = `<html><body><p>${LEAD}</p>${"<div>".repeat(n)}<p>最深处的段落也要保留下来，一体化示范区。</p>${"</div>".repeat(n)}</body></html>`;
    const page = processPage(Buffer.from(html), { fileName: "deep.html" });
    expect(page.paragraphs).toContain("最深处的段落也要保留下来,一体化示范区。");
    expect(page.notes?.[0]).toMatch(new RegExp(`nested 100,00\\d levels deep: .* below level ${MAX_HTML_DEPTH.toLocaleString("en")} dropped`));
  });

  it("cuts 80,000 nested 《 to a bounded run before plan extraction", () => {
    const text = `${seed}\n长三角生态绿色一体化发展示范区发布${"《".repeat(80_000)}总体方案${"》".repeat(80_000)}。\n`;
    const page = processPage(Buffer.from(text), { fileName: "a.txt" });
    expect(page.notes).toContain(`2 run(s) of one repeated character cut to ${MAX_CHAR_RUN}`);
    const extraction = extract(page);
    expect(extraction.entities.filter((e) => e.kind === "plan").length).toBeLessThan(MAX_CHAR_RUN + 2);
  });

  it("leaves a real page untouched (no notes)", () => {
    for (const f of fs.readdirSync("content").filter((f) => f.endsWith(".txt"))) {
      expect(processPage(fs.readFileSync(`content/${f}`), { fileName: f }).notes).toBeUndefined();
    }
  });
});
