// Organization and project names as entities (issue 9, classes found on fresh pages): a category is no name, the
// clause before a name is not part of it, and the fresh hygiene set (tests/gold/entity-hygiene-fresh.json).
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { FRESH_HYGIENE_GOLD, FRESH_HYGIENE_SETS, freshReport } from "@/lib/eval/hygiene";
import { findOrgsProjects, isCategory } from "@/lib/extract/orgs-projects";

const names = (text: string) => findOrgsProjects(text, 0).map((e) => e.name);
const article = (...paragraphs: string[]) => extract({ title: "测试", paragraphs, published: "2024-05-01", publishedPrecision: "day" });
const orgsAndProjects = (...paragraphs: string[]) => [...new Set(article(...paragraphs).entities.filter((e) => e.kind === "organization" || e.kind === "project").map((e) => e.name))];

describe("a category is no name: nothing before the suffix tells this one from the others", () => {
  it.each([
    ["他毕业后去了一家食品公司上班", []],
    ["饱受煤价之苦的发电公司松了口气，电网公司压力也大", []],
    ["这笔钱先用来偿还银行贷款", []],
    ["对方最早拿下项目合同", []],
    ["禁止新建、扩建和改建项目", []],
    ["不少国有银行放慢了放贷", []],
    ["这是一项大型工程", []],
    ["利益集团从中作梗", []],
    ["一家日本公司收购了它", []],
    ["那所英国学校名气不大", []],
    ["全国铁路客流创新高", []],
  ])("%s → %j", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ["民营的海达公司退出了谈判", "海达公司"],
    ["宁波交通投资公司占股一半", "宁波交通投资公司"],
    ["外环线隧道已经通车", "外环线隧道"],
    ["半岛电力有限公司签了协议", "半岛电力有限公司"],
    ["国家安全委员会召开会议", "国家安全委员会"],
    ["世界银行发布报告", "世界银行"],
    ["润扬大桥是长江上的一座大桥", "润扬大桥"],
    ["平遥牛肉集团扩建厂房", "平遥牛肉集团"],
    ["沪昆铁路全线贯通", "沪昆铁路"],
    ["中国戏曲导演学会换届", "中国戏曲导演学会"],
  ])("%s keeps %s", (text, name) => {
    expect(names(text)).toContain(name);
  });

  it("the body of the article's own level (省发展改革委) is left for the article to place, not a category", () => {
    expect(isCategory("省发展改革委")).toBe(false);
    expect(isCategory("市委市政府")).toBe(true);
  });
});

describe("the clause before a name is not part of it", () => {
  it("a verb before an organization jieba knows whole ends the clause (去找|清华大学, 入|中国戏曲学院)", () => {
    expect(names("校长去找清华大学教授商量")).toEqual(["清华大学"]);
    expect(names("同年入中国戏曲学院进修")).toEqual(["中国戏曲学院"]);
  });

  it("a common word before an organization jieba knows whole is the clause, whatever its tag (现任|北京大学第一医院)", () => {
    expect(names("年轻人名李简。现任北京大学第一医院胸外科主任。")).toEqual(["北京大学第一医院"]);
    // Not before a kind of body jieba knows: 大学|音乐学院 is one name.
    expect(names("她毕业于波尔多第三大学音乐学院")).toEqual(["波尔多第三大学音乐学院"]);
  });

  it("a name of the article with common words before it is that name (委托|泰龙公司 beside 泰龙公司)", () => {
    const found = orgsAndProjects("泰龙公司是一家民营小企业。", "开发商委托泰龙公司建设并维护线路。");
    expect(found).toEqual(["泰龙公司"]);
    // A place or a brand before the other name is part of a longer name.
    expect(orgsAndProjects("青浦研发中心开工。", "华为青浦研发中心开工。")).toEqual(expect.arrayContaining(["华为青浦研发中心"]));
  });

  it("a suffix overlapping the previous one extends the name only at a word boundary (学军中学|校长, 艺术大学院)", () => {
    expect(names("杭州市学军中学校长要退休了")).toEqual(["杭州市学军中学"]);
    expect(names("他在檀国大学大众文化艺术大学院毕业")).toEqual(["檀国大学大众文化艺术大学院"]);
    expect(names("各家昆剧院团都来了")).toEqual([]);
  });

  it("organization types named by their suffix: courts, publishers, troupes, societies, schools, embassies, administrations", () => {
    expect(names("山东省高级人民法院认定")).toEqual(["山东省高级人民法院"]);
    expect(names("百花文艺出版社出版")).toEqual(["百花文艺出版社"]);
    expect(names("记者从上海昆剧团获悉")).toEqual(["上海昆剧团"]);
    expect(names("国家外汇管理局发布")).toEqual(["国家外汇管理局"]);
  });
});

describe("a known body inside a foreign body's name is not that body", () => {
  it("美国国务院 is not China's 国务院; 党中央、国务院 is", () => {
    expect(names("美国国务院和国防部表示他们有证据")).not.toContain("国务院");
    expect(names("党中央、国务院制止动乱")).toContain("国务院");
  });
});

describe("a short back-reference to a plan is that plan", () => {
  it("《办法》 after two titled 办法 is the nearest one written before it, not a plan named 办法", () => {
    const x = article("去年发布了《境外项目融资管理暂行办法》。", "最近又发布了《市政公用事业特许经营管理办法》,这个《办法》涉及的行业面窄。");
    const plans = x.entities.filter((e) => e.kind === "plan");
    expect(plans.map((p) => p.name)).not.toContain("办法");
    expect(plans.filter((p) => p.text === "办法").map((p) => p.name)).toEqual(["市政公用事业特许经营管理办法"]);
  });
});

describe("an organization's region comes from its own name or the clause that places it", () => {
  it("a known company is not moved by one clause about one of its sites (华为, 青浦)", () => {
    const x = article("位于青浦区的华为研发中心投入使用。", "华为发布了新的芯片。");
    expect(x.entities.filter((e) => e.kind === "organization" && e.name === "华为").every((e) => e.region === null)).toBe(true);
  });
  it("a government body tags its place; a category before a suffix gives no organization to place", () => {
    const x = article("嘉善县人民政府印发实施意见。", "一家日本公司在嘉善设厂。");
    expect(x.entities.some((e) => e.kind === "region" && e.name.startsWith("嘉善"))).toBe(true);
    expect(x.entities.filter((e) => e.kind === "organization").map((e) => e.name)).toEqual(["嘉善县人民政府"]);
  });
});

describe("the fresh hygiene sets (cwced pages read name by name before the code ran on them)", () => {
  // Floors: the first fresh set at well under its first run (55.9 %, recall 0.377; tuned on since, so no longer an
  // honest figure), the second at its own first run (24.4 % fragments, recall 0.313: tests/gold/entity-hygiene-fresh2.json).
  const floors: Record<string, { minJudged: number; maxShare: number; minRecall: number }> = {
    [FRESH_HYGIENE_GOLD]: { minJudged: 50, maxShare: 0.3, minRecall: 0.45 },
    "tests/gold/entity-hygiene-fresh2.json": { minJudged: 35, maxShare: 0.245, minRecall: 0.31 },
    // The third at its figures after the classes it prompted (first run 27.4 %, recall 0.224: tests/entity-classes5.test.ts).
    "tests/gold/entity-hygiene-fresh3.json": { minJudged: 150, maxShare: 0.05, minRecall: 0.65 },
    // The fourth at its one run before any change (24.1 %, recall 0.303), then one regression fixed (杭州佑昌照明电器有限公司).
    // Recall 20 → 18 of 66 (and 21 → 18 on the entity branch) when the fifth cleaning round made `<X>提供:` credit lines
    // furniture: the car test's 服装提供/化妆造型/场地提供 lines held three of the gold's names (a model agency, a school, a
    // dealer). The cleaning gold drops those lines, so the names are no longer in the article.
    "tests/gold/entity-hygiene-fresh4.json": { minJudged: 25, maxShare: 0.241, minRecall: 0.27 },
  };
  it.each(FRESH_HYGIENE_SETS.map((s) => [s.label, s.file]))("%s: every name output is judged, fragments and recall no worse than the floor", (_label, file) => {
    const floor = floors[file];
    expect(floor).toBeDefined();
    const r = freshReport(file);
    expect(r.unjudged).toEqual([]);
    expect(r.judged).toBeGreaterThan(floor!.minJudged);
    expect(r.fragments / r.judged).toBeLessThanOrEqual(floor!.maxShare);
    expect(r.found / r.gold).toBeGreaterThanOrEqual(floor!.minRecall);
  });
});
