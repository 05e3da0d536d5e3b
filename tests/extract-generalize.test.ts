/**
 * General rules added after the second held-out check (tests/gold/extract-heldout2.json): each case
 * here failed before its rule. Sentences are written for the test or are typical news phrasings.
 */
import { describe, expect, it } from "vitest";
import { afterPublication, extract } from "@/lib/extract";
import { findDates } from "@/lib/extract/dates";
import { findFigures } from "@/lib/extract/figures";
import { findOrgsProjects } from "@/lib/extract/orgs-projects";

const names = (text: string, kind?: "organization" | "project") =>
  findOrgsProjects(text, 0)
    .filter((e) => !kind || e.kind === kind)
    .map((e) => e.name);

describe("project names: boundaries", () => {
  it("keeps a work verb right before the suffix (…修复提升工程) but still cuts at a verb before the name", () => {
    expect(names("与此同时,祥符荡生态修复提升工程也在加紧推进")).toEqual(["祥符荡生态修复提升工程"]);
    expect(names("加快重点建设项目")).toEqual([]);
    expect(names("示范区未来三年重大建设项目")).toEqual([]);
  });

  it("keeps 及 inside a project name and a phase or section note after it", () => {
    expect(names("嘉兴中心河拓浚及河湖连通工程(一期嘉善段)开工")).toEqual(["嘉兴中心河拓浚及河湖连通工程(一期嘉善段)"]);
    expect(names("位于青浦的江南圩田展示园一期面积约190公顷")).toEqual(["江南圩田展示园一期"]);
    // But not a conjunction after a full name or at the end.
    // (项目公司 alone is now a category jieba knows as one common noun, so the name after 及 is a proper one.)
    expect(names("确立项目及善通运输公司", "organization")).toEqual(["善通运输公司"]);
    expect(names("存在及项目")).toEqual([]);
  });

  it("reads through parentheses and a single dash between two names", () => {
    expect(names("互联互通类2个,青浦大道(三分荡路—沪青平公路)新建工程和嘉善大道—金商公路(平黎公路联络线)工程。")).toEqual([
      "青浦大道(三分荡路—沪青平公路)新建工程",
      "嘉善大道—金商公路(平黎公路联络线)工程",
    ]);
    // A dash after a full name introduces another name.
    expect(names("来到了华为全球最大的研发中心—练秋湖研发中心。", "project")).toEqual(["练秋湖研发中心"]);
  });

  it("cuts at motion verbs and drops the mode of transport before a station", () => {
    expect(names("记者前往练塘科创园实地探访")).toEqual(["练塘科创园"]);
    expect(names("高铁嘉兴南站启用")).toEqual(["嘉兴南站"]);
  });

  it("reads 高铁 as a line only after a route of place abbreviations", () => {
    expect(names("随着嘉善县域内通苏嘉甬高铁建设")).toEqual(["通苏嘉甬高铁"]);
    expect(names("嘉兴高铁新城和长三角高铁里程")).toEqual([]);
  });

  it("does not guess the start of a name longer than the walk allows", () => {
    expect(names("2024年长三角G60科创走廊高水平应用型高校协同创新联盟年会举行", "organization")).toEqual([]);
  });

  it("takes a known name that ends where the candidate ends, not the verb before it", () => {
    expect(names("投资浙江大学")).toEqual(["浙江大学"]);
  });
});

describe("project names: descriptions are not names", () => {
  it("rejects a place's role or goal (region + category words)", () => {
    expect(names("加快建设上海全球科创中心")).toEqual([]);
    expect(names("合肥与南京产业创新中心联动发展")).toEqual([]);
    expect(names("实施示范区重大建设项目三年行动")).toEqual([]);
    // A region name alone before the suffix is a name.
    expect(names("嘉善县科创中心建成")).toEqual(["嘉善县科创中心"]);
  });

  it("rejects magnitude ratings and superlatives", () => {
    expect(names("打造千万千瓦级绿色储能基地")).toEqual([]);
    expect(names("这是华为全球最大研发中心", "project")).toEqual([]);
  });

  it("rejects a set phrase read across a suffix (祖国大地 + 铁路)", () => {
    expect(names("子弹头列车在祖国大地铁路上一字排开")).toEqual([]);
  });
});

describe("project lists", () => {
  it("reads items of an enumeration closed by 等…工程, even with 提升 inside an item", () => {
    expect(names("水乡客厅蓝环工程、元荡岸线生态修复及功能提升(三期)等10个重点项目全面开工")).toEqual([
      "水乡客厅蓝环工程",
      "元荡岸线生态修复及功能提升(三期)",
    ]);
    expect(names("元荡三期、蓝色珠链水环境综合治理(一期)、竹小汇零碳科创聚落一期等工程也在加紧推进")).toEqual([
      "元荡三期",
      "蓝色珠链水环境综合治理(一期)",
      "竹小汇零碳科创聚落一期",
    ]);
    // Parts of one work (等桥梁工程) are not projects of their own.
    expect(names("横跨练秋湖的月亮桥、彩虹桥、拱桥等桥梁工程正处于收尾阶段")).toEqual([]);
    // Nor are kinds (等四类亮点项目).
    expect(names("展示生态环保、互联互通、创新发展、公共服务等四类亮点项目")).toEqual([]);
  });

  it("makes every item a project in a list where most items are projects by suffix", () => {
    const text = "创新产业类4个,包括青浦区万达科技总部、科西嘉(上海)智能科技有限公司新建项目、迈为光伏、嘉善善睿半导体项目。";
    // The company keeps its own mention beside its project.
    expect(names(text, "organization")).toContain("科西嘉(上海)智能科技有限公司");
    expect(names(text, "project")).toEqual([
      "青浦区万达科技总部",
      "科西嘉(上海)智能科技有限公司新建项目",
      "迈为光伏",
      "嘉善善睿半导体项目",
    ]);
    // The last item of "A、B、C等…" ends at 等.
    expect(names("随着通苏嘉甬高铁、嘉善至西塘市域铁路、智慧绿洲连接道路、嘉善大道等区域重大交通设施全面建设")).toEqual([
      "通苏嘉甬高铁",
      "嘉善至西塘市域铁路",
      "智慧绿洲连接道路",
      "嘉善大道",
    ]);
    // Not when most items are something else.
    expect(names("聚焦集成电路、人工智能、生物医药、汽车零部件产业园项目")).toEqual(["汽车零部件产业园项目"]);
  });
});

describe("organizations", () => {
  it("reads abbreviated government commissions, but the full 委员会 when it is written", () => {
    expect(names("上海市交通委介绍,青浦区经委副主任说")).toEqual(["上海市交通委", "青浦区经委"]);
    expect(names("上海市交通委员会发布")).toEqual(["上海市交通委员会"]);
    expect(names("记者从上海市人大常委会召开的新闻发布会上获悉")).toEqual(["上海市人大常委会"]);
    expect(names("长三角三省一市人大常委会同步审议", "organization")).toEqual([]);
  });

  it("does not merge several bodies counted together into one name", () => {
    expect(names("由苏浙皖沪四地行业协会共同发起", "organization")).toEqual([]);
  });

  it("reads a company's short name (brand + industry) at the start of its project", () => {
    expect(names("伟明环保提标改造工程也在推进", "organization")).toEqual(["伟明环保"]);
    expect(names("嘉善善睿半导体项目开工", "organization")).toEqual(["善睿半导体"]);
    expect(names("新建绿色环保产业园项目", "organization")).toEqual([]);
    expect(names("吴江盛泽污水处理生态环保工程", "organization")).toEqual([]);
  });

  it("knows well-known companies without a suffix", () => {
    expect(names("科大讯飞、比亚迪和蔚来汽车", "organization")).toEqual(["科大讯飞", "比亚迪", "蔚来"]);
  });
});

describe("dates, figures and milestones", () => {
  const PUB = { published: "2022-07-01", precision: "day" as const };
  it("reads 年底/年初 after a year, alone, and a month's part", () => {
    const d = (t: string, pub: Parameters<typeof findDates>[1] = PUB) => findDates(t, pub).map((x) => [x.text, x.value]);
    expect(d("2025年底前进驻")).toEqual([["2025年底", "2025-12"]]);
    expect(d("并将在年底完工")).toEqual([["年底", "2022-12"]]);
    expect(d("每年底考核")).toEqual([]);
    expect(d("2024年初步建成")).toEqual([["2024年", "2024"]]);
    expect(d("5月底即将竣工", { published: null, precision: null })).toEqual([["5月底", null]]);
  });

  it("reads durations in years and floors, and people counted in 万名", () => {
    const f = (t: string) => findFigures(t, 0, []).map((x) => [x.value, x.unit]);
    expect(f("建设周期6年")).toEqual([[6, "年"]]);
    expect(f("80年代、3年级、3年前")).toEqual([]);
    expect(f("地上14层")).toEqual([[14, "层"]]);
    expect(f("分为发展背景、推进规划实施等十二章")).toEqual([[12, "章"]]);
    expect(f("将进驻2万多名研发人员")).toEqual([[20000, "人"]]);
  });

  it("does not date an event by a year that is part of its name when the sentence's own date is unresolved", () => {
    const ms = (t: string, pub: string | null) =>
      extract({ title: "t", paragraphs: [t], published: pub, publishedPrecision: pub ? "day" : null }).milestones.map((m) => `${m.date} ${m.action}${m.status === "planned" ? " planned" : ""}`);
    const text = "5月23日,2024年长三角G60科创走廊高校协同创新联盟年会在上海工程技术大学举行。";
    // Kept on the article as an undated event, never on the timeline with the name's year.
    expect(ms(text, null)).toEqual(["null 举行"]);
    expect(ms(text, "2024-05-25")).toEqual(["2024-05-23 举行"]);
    // An event dated after the publication has not happened yet: a planned milestone with its date.
    expect(ms("9月下旬,三省一市人大常委会审议通过了《一卡通规定》,自10月1日起同步施行。", "2022-09-30")).toEqual(["2022-09 通过", "2022-10-01 实施 planned"]);
    expect(afterPublication("2022-05", "2022-01-01", "year")).toBe(false);
    // A year that dates its sentence still does.
    expect(ms("2024年,合肥市政府发布了新政。", null)).toEqual(["2024 发布"]);
  });
});
