import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { findOrgsProjects } from "@/lib/extract/orgs-projects";

const ents = (text: string) => findOrgsProjects(text, 0).map((e) => [e.kind, e.name, e.region ?? null]);

describe("findOrgsProjects", () => {
  it("finds known organizations and projects by name and alias, with their region", () => {
    expect(ents("示范区执委会生态和规划建设部主管何良将说")).toEqual([["organization", "长三角生态绿色一体化发展示范区执行委员会", "yrd-demo"]]);
    expect(ents("华为练秋湖研发中心建成投用")).toEqual([
      ["project", "华为青浦研发中心", "310118"],
      ["organization", "华为", null],
    ]);
  });

  it("finds pattern names with a sensible left boundary and the region they name", () => {
    expect(ents("未来将重点推进青浦复旦国际融合创新中心建设")).toEqual([["project", "青浦复旦国际融合创新中心", "310118"]]);
    expect(ents("嘉善县联合上海财经大学设立长三角一体化发展(嘉善)研究院")).toEqual([
      ["organization", "上海财经大学", "31"],
      ["organization", "长三角一体化发展(嘉善)研究院", "330421"],
    ]);
    expect(ents("浙江博时新能源技术有限公司总经理姚旺说")).toEqual([["organization", "浙江博时新能源技术有限公司", "33"]]);
  });

  it("keeps a project's phase and joins nested suffixes", () => {
    expect(ents("苏州大学未来校区(二期)建成投用").map((e) => e[1])).toContain("苏州大学未来校区(二期)");
    expect(ents("会上,华新·中交数字智造港产业园项目落地").map((e) => e[1])).toEqual(["华新·中交数字智造港产业园项目"]);
  });

  it("rejects descriptions made of category words", () => {
    expect(ents("持续推进145个亮点项目建设,安排标志性工程项目64个,加强示范区重大项目建设")).toEqual([]);
    expect(ents("完成一批重点项目,推进十大标志性工程")).toEqual([]);
  });

  it("names government bodies written without their place", () => {
    expect(ents("今年6月,浙江省委、省政府召开大会").map((e) => e[1])).toEqual(["浙江省委", "浙江省政府"]);
    expect(ents("8月1日,嘉善县召开县委全体会议").map((e) => e[1])).toEqual(["嘉善县委"]);
  });

  it("reads the items of an enumeration of projects as projects", () => {
    expect(ents("加快引进西塘宋城演艺谷、梦幻嘉善等一批重大旅游产业项目").map((e) => e[1])).toEqual(["西塘宋城演艺谷", "宋城演艺", "梦幻嘉善"]);
    expect(ents("上海青浦区世外高级中学、嘉善县妇幼保健院等高品质公共服务设施项目建成投用").map((e) => e.slice(0, 2))).toEqual([
      ["project", "上海青浦区世外高级中学"],
      ["project", "嘉善县妇幼保健院"],
    ]);
    expect(ents("一系列涵盖生态环保、互联互通、公共服务等重点领域的项目加快建设")).toEqual([]);
  });

  it("never takes a name across spans it is told to skip", () => {
    const text = "2019年苏州大学";
    expect(findOrgsProjects(text, 0, [{ start: 0, end: 5 }]).map((e) => e.name)).toEqual(["苏州大学"]);
  });

  it("takes the region written right before a name (位于…的, …内的) when the name has none", () => {
    const x = extract({ title: "t", paragraphs: ["位于嘉善的兰钧新能源科技有限公司是合作方,位于上海市青浦区的华为练秋湖研发中心已入驻。"], published: null, publishedPrecision: null });
    expect(x.entities.filter((e) => e.kind === "organization" || e.kind === "project").map((e) => [e.name, e.region])).toEqual([
      ["兰钧新能源科技有限公司", "330421"],
      ["华为青浦研发中心", "310118"],
      ["华为", null],
    ]);
  });

  it("cuts at one-character words only where they stand alone", () => {
    expect(ents("核心团队由上海同济城市规划设计研究院组成").map((e) => e[1])).toEqual(["上海同济城市规划设计研究院"]);
    expect(ents("示范区与浙江工业大学合作").map((e) => e[1])).toEqual(["浙江工业大学"]);
    expect(ents("嘉善经济技术开发区管委会").map((e) => e[1])).toEqual(["嘉善经济技术开发区管委会"]);
  });
});

describe("names are not sentence fragments (issue 9)", () => {
  const names = (text: string) => findOrgsProjects(text, 0).map((e) => e.name);
  it.each([
    ["如果工程进展顺利，将提前完工", []],
    ["很多人以为银行会兜底", []],
    ["她办了两张银行卡", []],
    ["加之部分项目进度滞后", []],
    ["这意味着龙湖观宸项目将延期交付", ["龙湖观宸项目"]],
    ["关于龙湖水晶郦城项目的说明", ["龙湖水晶郦城项目"]],
  ])("%s → %j", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it("keeps a verb that names the thing (创新大道) and dictionary names as they are", () => {
    expect(names("加快建设创新大道(一期)等项目")).toContain("创新大道(一期)");
    expect(names("华为青浦研发中心全面建成")).toContain("华为青浦研发中心");
  });
});

describe("an organization's region comes from its own name or the data files, never from a clause about one of its sites", () => {
  it("keeps 华为 unplaced when an article places one of its sites", () => {
    const x = extract({ title: "", paragraphs: ["我们来到了位于青浦区金泽镇的华为全球最大的研发中心。位于嘉善经济技术开发区内的华为还有一个基地。"], published: null, publishedPrecision: null });
    const huawei = x.entities.filter((e) => e.kind === "organization" && e.name === "华为");
    expect(huawei.length).toBeGreaterThan(0);
    for (const h of huawei) expect(h.region ?? null).toBeNull();
  });
});
