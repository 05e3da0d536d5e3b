// Organization and project names a reader can trust (issue 9): no clause pieces or category words as names,
// and the hygiene report of eval:extract (tests/gold/entity-hygiene.json, judged by reading).
import { describe, expect, it } from "vitest";
import { currentNames, hygieneReport, readJudgements, type HygieneName } from "@/lib/eval/hygiene";
import { findOrgsProjects } from "@/lib/extract/orgs-projects";

const names = (text: string) => findOrgsProjects(text, 0).map((e) => e.name);

describe("a name never crosses a clause", () => {
  it.each([
    ["这份方案并未覆盖项目本身", []],
    ["极有可能因整改效果不佳而陷入项目停滞", []],
    ["很多人冒充银行工作人员", []],
    ["他带小花去过许多医院", []],
  ])("%s → %j", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it("starts at the place after a verb (赶到|台江县人民医院) and after the previous name's suffix (公司|常州…基地)", () => {
    expect(names("陈校长赶到台江县人民医院")).toEqual(["台江县人民医院"]);
    expect(names("将为公司常州锂电新材料产业基地提供用地")).toEqual(["常州锂电新材料产业基地"]);
  });

  it("keeps routes, phases and names joined by 及 whole", () => {
    expect(names("嘉善至西塘市域铁路开工")).toContain("嘉善至西塘市域铁路");
    expect(names("水乡客厅蓝环嘉善段一期工程完工")).toContain("水乡客厅蓝环嘉善段一期工程");
    expect(names("嘉兴中心河拓浚及河湖连通工程(一期嘉善段)开工")).toContain("嘉兴中心河拓浚及河湖连通工程(一期嘉善段)");
  });

  it("drops a category jieba knows as one common noun (保险公司, 主体工程), not a known name (苹果公司)", () => {
    expect(names("这家保险公司拒绝理赔")).toEqual([]);
    expect(names("主体工程已经完工")).toEqual([]);
    expect(names("苹果公司发布新手机")).toEqual(["苹果公司"]);
  });
});

describe("the hygiene report", () => {
  const n = (name: string, listed: boolean): HygieneName => ({ kind: "project", name, articles: listed ? 2 : 1, confidence: 0.5, listed });
  it("scores judged names, counts listed fragments apart and lists the names not judged yet", () => {
    const r = hygieneReport([n("如果工程", false), n("嘉善大道", true), n("新名字项目", false)], [
      { kind: "project", name: "如果工程", verdict: "fragment", judged: "2026-12-02" },
      { kind: "project", name: "嘉善大道", verdict: "ok", judged: "2026-12-02" },
    ]);
    expect(r).toMatchObject({ names: 3, judged: 2, fragments: 1, listed: 1, listedJudged: 1, listedFragments: 0 });
    expect(r.unjudged.map((u) => u.name)).toEqual(["新名字项目"]);
  });

  it("on content/ + yrd-dev + gne: nearly every name judged, under 3 % fragments among the listed ones", () => {
    const r = hygieneReport(currentNames(), readJudgements());
    expect(r.names).toBeGreaterThan(300);
    expect(r.judged / r.names).toBeGreaterThanOrEqual(0.95);
    expect(r.listedJudged).toBeGreaterThan(40);
    expect(r.listedFragments / r.listedJudged).toBeLessThan(0.03);
    expect(r.fragments / r.judged).toBeLessThan(0.15);
  });
});
