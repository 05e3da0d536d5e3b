// Organization and project names (issue 9), the classes of the third fresh set (tests/gold/entity-hygiene-fresh3.json):
// a parenthesis opens or closes a name, a status before the suffix makes a category, a person doing something is a
// clause, two bodies of one place are two names, faculties named by two fields are one name. Sentences composed here.
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { findOrgsProjects, isCategory } from "@/lib/extract/orgs-projects";

const names = (text: string) => findOrgsProjects(text, 0).map((e) => e.name);
/** One test per sentence: the organization and project names found in it. */
const cases = (rows: [string, string[]][]) => it.each(rows)("%s → %j", (text, expected) => expect(names(text)).toEqual(expected));
const orgs = (...paragraphs: string[]) =>
  [...new Set(extract({ title: "测试", paragraphs, published: "2024-05-01", publishedPrecision: "day" }).entities.filter((e) => e.kind === "organization").map((e) => e.name))];

describe("a parenthesis: an affiliation is its own name, what follows it is not part of one", () => {
  cases([
    ["主讲人:张三(复旦大学)", ["复旦大学"]],
    ["评论人:李四(中国银行 行长助理)", ["中国银行"]],
    ["王五(浙江工商大学)我国上市公司治理研究", ["浙江工商大学"]],
    ["赵六(南京农业大学)银行信贷与农户收入", ["南京农业大学"]],
    ["钱七(武汉大学)院外集团与贸易政策", ["武汉大学"]],
    ["(1)杭州市人民政府副市长致辞", ["杭州市人民政府"]],
  ]);

  it("keeps a place, a phase or the company's bare form in parentheses inside the name", () => {
    expect(names("新设立的科西嘉(上海)智能科技有限公司开业")).toEqual(["科西嘉(上海)智能科技有限公司"]);
    expect(names("滚石(台湾)公司发表声明")).toEqual(["滚石(台湾)公司"]);
    expect(names("苏州大学未来校区(二期)开工")).toContain("苏州大学未来校区(二期)");
  });
});

describe("a status before the suffix says what kind of company, never which one", () => {
  it.each(["中国上市公司", "中国民营上市公司", "商用车合资公司", "在华跨国公司", "深圳证券交易所上市公司", "地方国有企业"])("%s is a category", (name) => {
    expect(isCategory(name)).toBe(true);
  });
  it.each(["中央汇金控股公司", "东方航空公司", "现代汽车(中国)投资有限公司", "对外经济贸易大学", "高等教育出版社"])("%s is a name", (name) => {
    expect(isCategory(name)).toBe(false);
  });
  it("drops them from sentences", () => {
    expect(names("研究对象是一批中国上市公司的年报")).toEqual([]);
    expect(names("双方组建了一家商用车合资公司")).toEqual([]);
  });
});

describe("a person doing something is a clause, not the opening of a name", () => {
  cases([
    ["事后张学友致电经纪公司求助", []],
    ["朋友把刘德华送往附近医院", []],
    ["随后周润发致电汇丰银行查询", ["汇丰银行"]],
  ]);
  it("a place jieba tags as a person and a verb right before the suffix stay in the name", () => {
    expect(names("阿里巴巴数字嘉善示范项目落户")).toContain("阿里巴巴数字嘉善示范项目");
  });
});

describe("an event joined by 暨 to a body ends before the body", () => {
  it("大楼揭牌暨…有限公司成立", () => {
    expect(names("上周举行了研发大楼揭牌暨长江数据(苏州)科技有限公司成立仪式")).toEqual(["长江数据(苏州)科技有限公司"]);
  });
});

describe("two bodies of one place written together are two names", () => {
  it.each([
    ["杭州市委市政府召开动员大会", ["杭州市委", "杭州市政府"]],
    ["嘉善县委县政府出台意见", ["嘉善县委", "嘉善县政府"]],
  ])("%s → %j", (text, expected) => {
    expect(orgs(text)).toEqual(expected);
  });
});

describe("bodies the suffixes lacked", () => {
  cases([
    ["巴曙松(国务院发展研究中心)发言", ["国务院发展研究中心"]],
    ["欧阳某(中共韶关市委党校)发言", ["中共韶关市委党校"]],
    ["阮某(中国人民银行厦门中心支行)发言", ["中国人民银行厦门中心支行"]],
    ["CBC广播电台、波士顿公共广播电台开始制作节目", ["CBC广播电台", "波士顿公共广播电台"]],
  ]);
  it("a research centre inside a longer name does not leave the known body alone (国务院)", () => {
    expect(names("他在国务院发展研究中心工作")).toEqual(["国务院发展研究中心"]);
  });
});

describe("a faculty named by two fields after its university is one name", () => {
  cases([
    ["主席:孙某(重庆大学经济与工商管理学院)", ["重庆大学经济与工商管理学院"]],
    ["评论人:冯某(西安交通大学经济与金融学院)", ["西安交通大学经济与金融学院"]],
  ]);
  it("two universities joined by 与 stay two", () => {
    expect(names("南京大学与浙江大学签约")).toEqual(["南京大学", "浙江大学"]);
  });
});

describe("新 opening a place is the place, not the adjective", () => {
  cases([
    ["李某(新西兰梅西大学)", ["新西兰梅西大学"]],
    ["童某(新加坡国立大学)", ["新加坡国立大学"]],
    ["郭某(新疆大学经济管理学院)", ["新疆大学经济管理学院"]],
  ]);
  it("新 before a company is still dropped", () => {
    expect(names("投资组建新华为公司")).not.toContain("新华为公司");
  });
});

describe("即 (namely) opens the name after it", () => {
  it("应急医院(即…医院)", () => {
    expect(names("改建为临时医院(即雷神山医院)")).toEqual(["雷神山医院"]);
  });
});

describe("a verb with its destination or a one-character verb with its object is a clause", () => {
  cases([
    ["她穿着睡衣赶到学校", []],
    ["把孩子送到县城读小学", []],
    ["他穿着棉袄去医院", []],
    ["把照片发给物流公司", []],
    ["这会使项目延期", []],
    ["中国高校经济学研究生会联合会成立", ["中国高校经济学研究生会联合会"]],
  ]);
});

describe("a count, a rank or a size describes a kind of body or work", () => {
  cases([
    ["获得了三大电视台的奖项", []],
    ["收购了世界第一大体育用品公司", []],
    ["兴建大中型水利水电工程", []],
    ["几家日资公司撤出", []],
    ["龙湖多地项目交付延期", []],
  ]);
  it("第三大学 is a university, not a rank", () => {
    expect(names("他在波尔多第三大学音乐学院任教")).toEqual(["波尔多第三大学音乐学院"]);
  });
});

describe("winning a bid opens the name of what was won", () => {
  it("中标…公司, 中标…工程", () => {
    expect(names("确认中标一汽大众公司焊装车间工程")).toEqual(["一汽大众公司", "一汽大众公司焊装车间工程"]);
    expect(names("天奇股份中标广汽丰田项目")).toEqual(["广汽丰田项目"]);
  });
});

describe("confidence: a registered company or a body jieba's dictionary knows whole is listed by default", () => {
  const conf = (text: string, name: string) => findOrgsProjects(text, 0).find((e) => e.name === name)?.confidence;
  it("…有限公司 and 对外经济贸易大学 are sure, a name found only by its suffix is not", () => {
    expect(conf("新设立的科西嘉(上海)智能科技有限公司开业", "科西嘉(上海)智能科技有限公司")).toBeGreaterThanOrEqual(0.7);
    expect(conf("葛某(对外经济贸易大学)发言", "对外经济贸易大学")).toBeGreaterThanOrEqual(0.7);
    expect(conf("民营的海达公司退出了谈判", "海达公司")).toBeLessThan(0.7);
    expect(conf("嘉善善睿半导体项目开工", "嘉善善睿半导体项目")).toBeLessThan(0.7);
  });
});

describe("holding an office opens the name of the body", () => {
  cases([
    ["他现任清华大学高等研究院教授", ["清华大学高等研究院"]],
    ["曾任南京大学商学院院长", ["南京大学商学院"]],
  ]);
});

describe("a trade name after a place is no person (jieba tags 昌 in 杭州佑昌 a person)", () => {
  cases([
    ["承包杭州佑昌照明电器有限公司厂房拆迁", ["杭州佑昌照明电器有限公司"]],
    ["像杭州佑昌照明电器公司厂房的拆迁", ["杭州佑昌照明电器公司"]],
  ]);
});
