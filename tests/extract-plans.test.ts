import { describe, expect, it } from "vitest";
import { normalizeTitle, planAliasesFor, planPeriod, planType } from "@/lib/extract";
import { findPlans } from "@/lib/extract/plans";

const plans = (...texts: string[]) => findPlans(texts.map((text, index) => ({ index, text }))).mentions;
const names = (...texts: string[]) => [...new Set(plans(...texts).map((m) => m.name))];

const TOTAL = "长三角生态绿色一体化发展示范区国土空间总体规划(2021—2035年)";
const REPORT = `《${TOTAL}》实施体检评估报告(2024年度)`;

describe("plan titles", () => {
  it("normalizes parentheses and dashes", () => {
    expect(normalizeTitle("〈长三角地区一体化发展三年行动计划（2024－2026年）〉")).toBe("《长三角地区一体化发展三年行动计划(2024—2026年)》");
    expect(normalizeTitle("示范区重大建设项目三年行动计划(2021-2023年)")).toBe("示范区重大建设项目三年行动计划(2021—2023年)");
  });

  it("reads type and period from the title's own end, not from a nested title", () => {
    expect(planType(TOTAL)).toBe("规划");
    expect(planPeriod(TOTAL)).toBe("2021—2035年");
    expect(planType(REPORT)).toBe("报告");
    expect(planPeriod(REPORT)).toBe("2024年度");
    expect(planType("长江三角洲区域一体化发展规划纲要")).toBe("规划纲要");
    expect(planType("后包公")).toBeNull();
  });
});

describe("findPlans", () => {
  it("extracts nested 《〈…〉…》 titles as two plans", () => {
    const m = plans(`2月20日,《〈${TOTAL}〉实施体检评估报告(2024年度)》(以下简称“体检报告”)正式发布。`);
    expect(m.map((x) => [x.name, x.type, x.period])).toEqual([
      [REPORT, "报告", "2024年度"],
      [TOTAL, "规划", "2021—2035年"],
    ]);
  });

  it("resolves 以下简称 abbreviations and later bare mentions within the article", () => {
    const m = plans(`《〈${TOTAL}〉实施体检评估报告(2024年度)》(以下简称“体检报告”)正式发布。`, "这是示范区连续第二年发布“体检报告”。");
    expect(m.filter((x) => x.paragraph === 1).map((x) => [x.text, x.name])).toEqual([["体检报告", REPORT]]);
    expect(m[0]?.aliases).toContain("体检报告");
    const g = plans("同步发布《跨省域国土空间规划实施体检评估技术指南》(以下简称《技术指南》)。", "《技术指南》填补了空白。");
    expect([...new Set(g.map((x) => x.name))]).toEqual(["跨省域国土空间规划实施体检评估技术指南"]);
  });

  it("keeps different editions apart", () => {
    const m = plans(`《〈${TOTAL}〉实施体检评估报告(2024年度)》(以下简称“体检报告”)发布。`, "2023年度“体检报告”曾指出……在2024年度“体检报告”发布的同时");
    const later = m.filter((x) => x.paragraph === 1);
    expect(later).toHaveLength(1);
    expect(later[0]?.start).toBeGreaterThan(10);
    expect(names("《长三角地区一体化发展三年行动计划(2024—2026年)》印发。", "第一轮三年行动计划320项重点任务。")).toEqual([
      "长三角地区一体化发展三年行动计划(2024—2026年)",
    ]);
  });

  it("resolves known short forms across articles", () => {
    expect(names("示范区总规获国务院批复,先行启动区总规获两省一市政府批复")).toEqual([
      TOTAL,
      "长三角生态绿色一体化发展示范区先行启动区国土空间总体规划(2021—2035年)",
    ]);
    expect(planAliasesFor(TOTAL)).toContain("示范区总规");
  });

  it("finds named plans written without 《》 but not descriptions", () => {
    expect(names("示范区高质量发展条例立法有序推进")).toEqual(["示范区高质量发展条例"]);
    expect(names("再如实施示范区重大建设项目三年行动计划(2021-2023年),建立平台")).toEqual(["示范区重大建设项目三年行动计划(2021—2023年)"]);
    expect(names("完善示范区国土空间规划体系")).toEqual([]);
    expect(names("示范区出台实施全国首个跨省域的共同富裕实施方案")).toEqual([]);
  });

  it("resolves a family name to the one such plan the article titles", () => {
    expect(names("长三角新一轮行动计划发布", "印发《长三角地区一体化发展三年行动计划(2024—2026年)》")).toEqual([
      "长三角地区一体化发展三年行动计划(2024—2026年)",
    ]);
  });

  it("ignores 《》 titles that are not policy documents", () => {
    expect(names("社区书场里新上了一出评话《后包公》")).toEqual([]);
  });
});
