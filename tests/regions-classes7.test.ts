// The region classes prompted by the seventh fresh sentence set (tests/gold/regions-sentences-fresh7.json, issue 9, tuned on
// in the seventh round): one class per describe, each with sentences composed for the test (none is a gold sentence).
import { describe, expect, it } from "vitest";
import { findRegions } from "@/lib/extract/regions";
import { cases, paths } from "./region-helpers/paths";

describe("a place name after an address chain it is not in, before 新村, 小区, 花园 …, is an estate's", () => {
  cases([
    ["他住在昆山市玉山镇长春新村三区。", ["江苏>苏州>昆山>玉山"]],
    ["海宁市许村镇香港花园的居民参加了义诊。", ["浙江>嘉兴>海宁>许村"]],
  ]);
  it("a place after its own parent is still the place (嘉兴市|嘉善 before 社区 words stays 嘉善)", () => {
    expect(paths("嘉兴市嘉善县罗星街道社区卫生服务中心开诊。")).toContain("浙江>嘉兴>嘉善>罗星");
  });
});

describe("a place jieba does not read as one, with a word that is no place, before a share price or a business act: a company", () => {
  cases([
    ["今天午盘，吉林敖东和承德露露的股价走低。", []],
    ["大连圣亚宣布了新的园区计划。", []],
  ]);
  it("a place jieba reads as one stays a place before the same verbs (杭州|发布)", () => {
    expect(paths("杭州发布了新一轮人才政策。")).toEqual(["浙江>杭州"]);
  });
});

describe("under its chain's parent, the highest level of a name wins (a city, not also its township of the same name)", () => {
  cases([["她从江苏南通来到甘肃天水工作。", ["江苏>南通", "甘肃>天水"]]]);
});

describe("a metropolitan area named after its core city names that city", () => {
  cases([
    ["宁波都市圈的轨道交通将连成网。", ["浙江>宁波都市区", "浙江>宁波"]],
    ["上海大都市圈规划今年发布。", ["长三角>上海大都市圈", "上海"]],
  ]);
});

describe("示范区 alone in a sentence naming one of the zone's members or its 两区一县 is the zone", () => {
  const zone = (text: string) => findRegions(text).filter((m) => m.id === "yrd-demo").map((m) => m.contextual);
  it("with a member (吴江) or 两区一县 in the sentence, it is no longer only contextual", () => {
    expect(zone("示范区今年在吴江新开了三所学校。")).toEqual([false]);
    expect(zone("示范区的公交卡在两区一县都能刷。")).toEqual([false]);
  });
  it("alone, or as a railway line's name, it stays contextual", () => {
    expect(zone("示范区今年新开了三所学校。")).toEqual([true]);
    // Since round 8 a line named after a place is no mention at all (regions-classes8): never the zone, whatever else.
    expect(zone("吴江示范区线的站点公布了。")).not.toContain(false);
  });
  it("a member right after it is read (示范区|吴江片区)", () => {
    expect(paths("项目落户示范区吴江片区。")).toContain("江苏>苏州>吴江");
  });
});
