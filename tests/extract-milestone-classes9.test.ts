/**
 * Milestone classes of the ninth round (issue 10): every way a page can fail to support a milestone's date, each
 * closed as a class and tested on sentences and pages composed for these tests (not the gold passages). Precision
 * first: when the page does not say when an event happened, it stays on its article undated.
 */
import { describe, expect, it } from "vitest";
import { extract, type Milestone } from "@/lib/extract";
import { composedPageMilestones } from "./milestone-helpers/page";
import { scoreRelevance } from "@/lib/extract/relevance";

const line = (m: Milestone) => `${m.date ?? "undated"} ${m.action}${m.status === "planned" ? " planned" : ""}`;
const run = (paragraphs: string[], published: string | null = "2024-05-20", title = "测试") =>
  extract({ title, paragraphs, published, publishedPrecision: published ? "day" : null }).milestones.map(line);
const page = (lines: string[]) => composedPageMilestones(lines).map(line);

describe("since-clauses: an event told as the start of a period has only a date of its own", () => {
  it("a year leading the sentence does not date the event its since-clause names", () => {
    expect(run(["2023年,苏州湾数字产业园挂牌以来持续引进头部企业。"])).toEqual(["undated 揭牌"]);
    expect(run(["去年,宁杭生态经济带合作联盟成立以来首次召开年度会议。"])).toEqual(expect.not.arrayContaining(["2023 成立"]));
    expect(run(["5月8日,记者走访发现,沪苏通长江公铁大桥开通运营至今,两岸往来日益频繁。"])).toEqual(["undated 开通"]);
  });

  it("a date inside the since-clause, right before its verb, still dates it", () => {
    expect(run(["自2019年11月揭牌以来,长三角区域合作办公室推动签署协议30余项。"])).toContain("2019-11 揭牌");
    expect(run(["这条航线2021年8月开通至今,已运送集装箱12万标箱。"])).toContain("2021-08 开通");
  });
});

describe("a verb naming what a report or review is about is no event of the meeting's date", () => {
  it("开工情况, 开通运营进展, 签约有关事宜: a noun phrase, not a start, an opening or a signing", () => {
    expect(run(["5月10日召开的市政府常务会议听取了临港综合枢纽开工情况汇报。"])).toEqual(["2024-05-10 举行"]);
    expect(run(["3月6日,区交通委通报了宁马城际铁路开通运营进展。"], "2024-03-08")).toEqual([]);
    expect(run(["双方于4月2日在合肥会晤,商谈共建产业园签署协议有关事宜。"])).not.toContain("2024-04-02 签署");
  });

  it("the event itself on that date is still found", () => {
    expect(run(["5月10日,临港综合枢纽开工建设。"])).toEqual(["2024-05-10 开工"]);
  });
});

describe("reposts: the original's date, also when the credit line is a reprint notice in the body", () => {
  it("本文转自…,原文发布于…: relative dates resolve against the original, not the repost's page date", () => {
    const head = ["跨省公交再添新线", "2024-06-28 来源:某某发布(微信公众号)", "原标题:《今天起,坐公交去周庄更方便》"];
    expect(page([...head, "本文转自“昆山发布”,原文发布于2024年6月3日。", "今天起,青浦至昆山周庄的跨省公交专线正式开通。"])).toEqual(["2024-06-03 开通"]);
    expect(page([...head, "本文转载自“吴江发布”,原文首发于2024年5月30日。", "昨天,吴江与嘉善两地交通部门签署《跨省公交运营合作协议》。"])).toEqual(["2024-05-29 签署"]);
  });

  it("a reprint notice without a date leaves the relative dates undated", () => {
    expect(page(["跨省公交再添新线", "2024-06-28 来源:某某发布", "本文转自“昆山发布”。", "今天起,青浦至昆山周庄的跨省公交专线正式开通。"])).toEqual(["undated 开通"]);
  });
});

describe("N年来 is a since-clause too", () => {
  it("揭牌五年来, 开通三个月来, 成立两年多来: the event is older than the date of the sentence", () => {
    expect(run(["4月9日,市委召开全会,会议指出,G60科创走廊办公室揭牌五年来成效显著。"])).toEqual(["2024-04-09 举行", "undated 揭牌"]);
    expect(run(["5月6日的调研显示,宁句城际开通三个月来客流稳步攀升。"])).toEqual(["undated 开通"]);
    expect(run(["2023年,皖江城市带承接产业转移联盟成立两年多来首次扩容。"])).not.toContain("2023 成立");
  });
});

describe("a date in brackets belongs to the bracketed name or document", () => {
  it("根据《…》(2019年12月),…启动: the document's date does not date the event outside the brackets", () => {
    expect(run(["依据《长三角科创共同体建设规划》(2020年12月),两省一市启动联合攻关。"])).toEqual([]);
    expect(run(["按照《示范区先行启动区规划》(2021年版)要求,朱家角镇开工建设游客中心。"])).toEqual([]);
  });

  it("a date with its own verb inside the brackets still dates that verb", () => {
    expect(run(["《嘉昆太协同创新核心圈建设方案》(2022年3月印发)明确了三地分工。"])).toEqual(["2022-03 印发"]);
  });
});

describe("a period of months or years is not the date of one event", () => {
  it("a done event told over a period is undated", () => {
    const bridge = run(["2020年至2022年,苏州湾大桥完成主体施工并实现通车。"]);
    expect(bridge.length).toBeGreaterThan(0);
    expect(bridge.every((m) => m.startsWith("undated"))).toBe(true);
    expect(run(["2023年7月至9月,宁芜高速扩建工程完成路面铺设。"])).toEqual(["undated 完成"]);
  });

  it("a target over a plan's period is due by its end; a meeting over days keeps its first day", () => {
    expect(run(["2023—2027年,芜湖市将建成综合货运枢纽3个。"])).toEqual(["2027 建成 planned"]);
    expect(run(["5月8日至9日,长三角地区主要领导座谈会在芜湖召开。"])).toEqual(["2024-05-08 举行"]);
  });
});

describe("年底/年初/年内 belong to the year told before them in the sentence", () => {
  it("a past year's schedule: 2019年3月开工,年底…, 去年5月开工,年底…", () => {
    expect(run(["该枢纽2019年3月开工,年底完成主体结构。"])).toEqual(["2019-03 开工", "2019-12 完成"]);
    expect(run(["宁淮城际去年5月开工建设,年底实现首段贯通。"])).toEqual(["2023-05 开工", "2023-12 贯通"]);
  });

  it("a coming year's schedule: 计划于明年…,年底前开通 is next year's end, not this year's", () => {
    expect(run(["通苏嘉甬铁路计划于明年6月开展联调联试,年底前开通运营。"], "2024-11-30")).toContain("2025-12 开通 planned");
  });

  it("alone, or in a later sentence of a paragraph about this year, 年底 stays the publication's", () => {
    expect(run(["沪苏湖铁路湖州东站将于年底建成。"])).toEqual(["2024-12 建成 planned"]);
  });

  it("in a later sentence of a paragraph narrating another year, 年底 could be either year: undated", () => {
    expect(run(["2019年,嘉兴港区启动了集装箱码头扩建工程。年底主体工程顺利完工。"])).not.toContain("2024-12 竣工 planned");
  });
});

describe("a month without a year, told as done, that the publication's year would put in the future", () => {
  it("12月28日…顺利封顶 in a March article: no year the page supports, and not a plan", () => {
    expect(run(["12月28日,宁马城际铁路马鞍山东站主体结构顺利封顶。"], "2025-03-02")).toEqual(["undated 封顶"]);
    expect(run(["9月8日,太仓港集装箱四期码头完成了首船试靠泊。"], "2025-02-20")).toEqual(["undated 完成"]);
  });

  it("a schedule told with a future word is still a plan", () => {
    expect(run(["11月8日,太仓港集装箱四期码头将正式开通运营。"], "2024-08-20")).toEqual(["2024-11-08 开通 planned"]);
  });
});

describe("a span after the date (两年后, 三个月后) is no date the page gives", () => {
  it("the event told a span after a dated one stays undated", () => {
    expect(run(["苏州湾文化中心2018年6月开工,两年后太湖新城地下环路开工建设。"])).toEqual(["2018-06 开工", "undated 开工"]);
    expect(run(["宁杭高铁二通道2023年9月开工,三个月后湖州段完成征地拆迁。"])).not.toContain("2023-09 完成");
  });
});

describe("a task deployed or a recurring occasion is no event of the date", () => {
  it("部署…开通准备工作, 检查…开工前期工作: the verb names the task", () => {
    expect(run(["6月3日,区政府召开专题会,部署沪宁沿江高铁太仓站开通准备工作。"], "2024-06-05")).toEqual(["2024-06-03 举行"]);
    expect(run(["4月2日,专班检查了合新高铁肥东段开工前期工作。"])).toEqual([]);
  });

  it("每年的…, 每逢…: a recurring occasion has no one date; a series from a date starts on it", () => {
    expect(run(["每年的9月20日,两省都会在交界处举行毗邻党建联建签约仪式。"])).toEqual([]);
    expect(run(["每逢5月,示范区都会启动跨省联合执法行动。"])).toEqual([]);
    expect(run(["2019年起,长三角数字经济大会每年在乌镇举行。"])).toContain("2019 举行");
  });
});

describe("会上 after a paragraph that opens another story", () => {
  it("a date told since the meeting's paragraph: which meeting 会上 means is unclear", () => {
    const ms = run(["4月25日,宁镇扬同城化发展联席会议在镇江召开。", "2021年,三市交通部门成立了联合指挥部。会上,三市签署了公交一卡通合作协议。"]);
    expect(ms).toEqual(["2024-04-25 举行", "2021 成立"]);
  });

  it("right after the meeting's paragraph, 会上 still takes its date", () => {
    const ms = run(["4月25日,宁镇扬同城化发展联席会议在镇江召开。", "会上,三市签署了公交一卡通合作协议。"]);
    expect(ms).toEqual(["2024-04-25 举行", "2024-04-25 签署"]);
  });
});

describe("classes that already held on main, kept as guards", () => {
  it("a document number (〔2023〕12号) or a plan's name period is no event date", () => {
    expect(run(["按照浙政办发〔2023〕18号文件要求,湖州启动了南太湖新区扩容工作。"])).toEqual([]);
    expect(run(["《宁波都市圈发展规划(2021—2035年)》提出共建甬舟一体化先行区。"])).toEqual([]);
  });

  it("a year inside a name (2026年亚运会, 十四五) dates nothing", () => {
    expect(run(["2026年亚洲青年运动会场馆在台州开工建设。"]).filter((m) => !m.startsWith("undated"))).toEqual([]);
    expect(run(["“十四五”时期,淮河生态经济带建成一批水利枢纽。"])).toEqual([]);
  });

  it("relative dates on a page without a publication date stay undated", () => {
    expect(run(["去年,南通市印发了《南通市全面接轨上海三年行动方案》。"], null)).toEqual(["undated 印发"]);
    expect(run(["昨天,上海虹桥至宁波的城际列车开通运营。"], null)).toEqual(["undated 开通"]);
    expect(run(["6月12日,常泰长江大桥主塔顺利封顶。"], null)).toEqual(["undated 封顶"]);
  });

  it("an anniversary on a page that credits another text without its date stays undated", () => {
    expect(page(["纲要印发纪念", "2024-12-05 来源:某某发布", "本文转自“某某观察”。", "5年前的今天,中共中央、国务院印发《长江三角洲区域一体化发展规划纲要》。"])).toEqual(["undated 印发"]);
  });
});

describe("relevance: a title naming a delta place's integration (沪太医疗一体化, 宁滁同城化)", () => {
  const titleSignal = (title: string) => {
    const paragraphs = ["昨天,两地签署合作协议。"];
    const { entities } = extract({ title, paragraphs, published: "2024-05-20", publishedPrecision: "day" });
    return scoreRelevance({ title, paragraphs, entities }).signals.title;
  };

  it("一体化/同城化 with a delta place in the title, even inside a name, names the integration", () => {
    expect(titleSignal("华山医院昆山分院开诊 沪昆医疗一体化提速")).toBe("integration");
    expect(titleSignal("南京滁州同城化再提速 三条跨市公交开通")).toBe("integration");
  });

  it("not a town and its villages (城乡一体化), nor an integration outside the delta", () => {
    expect(titleSignal("昆山城乡一体化示范村揭牌")).not.toBe("integration");
    expect(titleSignal("京津冀交通一体化再提速")).not.toBe("integration");
  });
});

describe("a news report's lede month-day the publication's year would put in the future", () => {
  it("本报讯 12月28日,…封顶 in a March article: a report of what happened, of no year the page gives", () => {
    expect(run(["本报讯(记者 王敏)12月28日,合肥至新桥机场S1线主体结构封顶。"], "2025-03-02")).toEqual(["undated 封顶"]);
    expect(run(["本网讯 10月9日,昆山至上海嘉定的跨省公交线路开通。"], "2025-04-11")).toEqual(["undated 开通"]);
    expect(run(["(记者 李强)10月9日,昆山至上海嘉定的跨省公交线路开通。"], "2025-04-11")).toEqual(["undated 开通"]);
  });

  it("a bare lede month without a report's marker stays a schedule (11月,…开通 in an August article)", () => {
    expect(run(["10月,昆山至上海嘉定的跨省公交线路开通。"], "2025-04-11")).toEqual(["2025-10 开通 planned"]);
  });

  it("later in the article, a month after the publication is still read as a schedule", () => {
    expect(run(["本报讯 昨天,市政府召开专题会议。", "11月18日,太仓港四期码头开通运营。"], "2024-08-20")).toContain("2024-11-18 开通 planned");
  });
});
