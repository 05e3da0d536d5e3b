import { describe, expect, it } from "vitest";
import { findFigures } from "@/lib/extract/figures";
import { parseChineseNumber } from "@/lib/extract/numbers";

const f = (text: string) => findFigures(text, 0).map(({ paragraph: _p, ...rest }) => rest);

describe("parseChineseNumber", () => {
  it("reads Chinese numerals", () => {
    expect(parseChineseNumber("一百二十二")).toBe(122);
    expect(parseChineseNumber("十二")).toBe(12);
    expect(parseChineseNumber("三千五百万")).toBe(35_000_000);
    expect(parseChineseNumber("二〇二四")).toBe(2024);
    expect(parseChineseNumber("百亿")).toBe(10_000_000_000);
    expect(parseChineseNumber("abc")).toBeNull();
  });
});

describe("findFigures", () => {
  it("converts amounts to base units", () => {
    expect(f("6个重点产业项目落地,总投资167亿元。")).toEqual([
      { text: "6个", value: 6, unit: "个", subject: "重点产业项目" },
      { text: "167亿元", value: 16_700_000_000, unit: "元", subject: "总投资" },
    ]);
    expect(f("“一卡通”已覆盖283万居民")).toEqual([{ text: "283万", value: 2_830_000, unit: "人", subject: "居民" }]);
    expect(f("成功引进总投资7000万欧元的项目")[0]).toMatchObject({ value: 70_000_000, unit: "欧元", subject: "总投资" });
  });

  it("reads changes as one figure with before and after", () => {
    expect(f("四年来,示范区地表水优Ⅲ类断面比例从75%上升到96.2%,")).toEqual([
      { text: "从75%上升到96.2%", value: 96.2, unit: "%", subject: "示范区地表水优Ⅲ类断面比例", before: 75, after: 96.2 },
    ]);
    expect(f("上市公司数量从44家增至75家")[0]).toMatchObject({ value: 75, before: 44, after: 75, unit: "家" });
  });

  it("keeps bounds", () => {
    expect(f("已集聚各类人才超1100人")).toEqual([{ text: "1100人", value: 1100, unit: "人", subject: "各类人才", bound: ">=" }]);
    expect(f("营业收入近50亿元")[0]).toMatchObject({ value: 5_000_000_000, bound: "~" });
    expect(f("产值不足百亿元")[0]).toMatchObject({ value: 10_000_000_000, unit: "元", bound: "<" });
    expect(f("院士等高层次人才30余人次")[0]).toMatchObject({ value: 30, unit: "人次", bound: ">" });
    expect(f("完成率均在90%以上")[0]).toMatchObject({ value: 90, bound: ">=" });
    expect(f("共签约8个重点项目")[0]).not.toHaveProperty("bound");
  });

  it("reads Chinese numerals with a measure word, but not rhetoric or ranks", () => {
    expect(f("初步梳理出一百二十二个重大项目")).toEqual([{ text: "一百二十二个", value: 122, unit: "个", subject: "重大项目" }]);
    expect(f("紧扣两个关键,取得六大成效,推进一张图")).toEqual([]);
    expect(f("是唯一一个进入前100名的城市,第3个")).toEqual([]);
  });

  it("skips codes, ratings and spans it is told to skip", () => {
    expect(f("G60科创走廊、5G网络、5A级景区、1+1+N+X体系、千亿级集群")).toEqual([]);
    expect(findFigures("2019年产值", 0, [{ start: 0, end: 5 }])).toEqual([]);
  });

  it("skips approximate ranges and knows month and page units", () => {
    expect(f("如果有七八百个外国科学家")).toEqual([]);
    expect(f("只用了8个月,形成了厚达400页的综合报告").map((x) => [x.value, x.unit])).toEqual([
      [8, "个月"],
      [400, "页"],
    ]);
  });
});
