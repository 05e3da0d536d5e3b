import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { regionContainers } from "@/lib/domain/regions";
import { processPage } from "@/lib/ingest/process";

const seed = (prefix: string) => {
  const file = fs.readdirSync(path.resolve("content")).find((f) => f.startsWith(prefix) && f.endsWith(".txt")) as string;
  return processPage(fs.readFileSync(path.resolve("content", file)), { fileName: file });
};

describe("extract on seed 000 through the real ingestion pipeline", () => {
  const x = extract(seed("000"));
  const names = (kind: string) => [...new Set(x.entities.filter((e) => e.kind === kind).map((e) => e.name))];

  it("finds the regions, the jurisdictions of policy documents' titles (先行启动区总规) in, org names left out", () => {
    expect(names("region").sort()).toEqual(["长三角生态绿色一体化发展示范区", "水乡客厅", "先行启动区", "青浦", "吴江", "嘉善", "苏州", "长三角"].sort());
    const qingpu = x.entities.find((e) => e.kind === "region" && e.text === "上海青浦");
    expect(qingpu).toMatchObject({ id: "region:310118", path: ["上海", "青浦"] });
    expect(regionContainers("310118")).toContain("region:yrd-demo");
  });

  it("resolves the plans, the abbreviation and the short form", () => {
    const report = x.entities.find((e) => e.kind === "plan" && e.text === "体检报告");
    expect(report?.name).toBe("《长三角生态绿色一体化发展示范区国土空间总体规划(2021—2035年)》实施体检评估报告(2024年度)");
    expect(x.entities.find((e) => e.kind === "plan" && e.text === "示范区总规")?.name).toBe("长三角生态绿色一体化发展示范区国土空间总体规划(2021—2035年)");
    expect(names("plan")).toHaveLength(5);
  });

  it("keeps 2月20日 as text: the page gives no publication year", () => {
    expect(x.entities.find((e) => e.kind === "date" && e.text === "2月20日")).toMatchObject({ value: null, precision: null });
    // 2月20日 on a page without a year: an undated event on the article, not on the timeline.
    expect(x.milestones.filter((m) => m.date).map((m) => [m.date, m.action])).toEqual([
      ["2023-02", "批复"],
      ["2024-02", "发布"],
      ["2024-02", "启动"],
    ]);
    expect(x.milestones.filter((m) => !m.date).map((m) => m.action)).toEqual(["发布"]);
  });

  it("extracts the figures with bounds", () => {
    expect(x.figures.map((f) => [f.value, f.unit, f.bound ?? null])).toEqual([
      [1100, "人", ">="],
      [90, "%", null],
      [8, "人", null],
      [10_000_000_000, "元", "<"],
      [100_000_000_000, "元", ">="],
      [11, "条", null],
    ]);
    expect(x.topics[0]?.name).toBe("规划与制度创新");
  });
});

describe("npm run eval:extract", () => {
  it("meets the targets on the hand-annotated seeds and beats the baseline", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/eval-extract.ts", "--json"], { encoding: "utf8" });
    const report = JSON.parse(out) as { rows: { kind: string; extract: { f1: number }; baseline: { f1: number } }[]};
    const f1 = Object.fromEntries(report.rows.map((r) => [r.kind, r.extract.f1]));
    for (const k of ["plans", "regions", "dates", "figures"]) expect(f1[k], k).toBeGreaterThanOrEqual(0.9);
    expect(f1.milestones).toBeGreaterThanOrEqual(0.8);
    for (const r of report.rows) expect(r.extract.f1, r.kind).toBeGreaterThan(r.baseline.f1);
  });
});
