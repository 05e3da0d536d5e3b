/**
 * Milestone classes found on tests/gold/milestones-fresh7.json (issue 10), each tested on sentences composed for
 * these tests (not the fresh7 passages): verbs beyond the obvious (推出/公示 a document, 建立/增设 a body or a
 * mechanism, 正式对外开放, 通过…评审/验收), 印发实施 as one event, 起…在…实施, a dated 由…组建, a call (呼吁…) as no
 * event, 本月8日, 年内, a dateline's 今天, 这一年/当年 naming the year last named, a year stated alone governing the
 * paragraph's months, coordinated dates after 先后, and 座谈会上 referring to the last meeting of its kind.
 */
import { describe, expect, it } from "vitest";
import { extract, type Milestone } from "@/lib/extract";
import { findDates, relativeAnchor } from "@/lib/extract/dates";

const run = (paragraphs: string[], published: string | null = "2023-06-15", title = "测试") =>
  extract({ title, paragraphs, published, publishedPrecision: published ? "day" : null }).milestones;
const line = (m: Milestone) => `${m.date ?? "undated"} ${m.action}${m.status === "planned" ? " planned" : ""}`;
const brief = (ms: Milestone[]) => ms.map(line);
const date = (text: string, published = "2023-06-15") => findDates(text, { published, precision: "day" }).map((d) => `${d.text}=${d.value ?? "null"}`);

describe("verbs beyond the obvious", () => {
  it("推出 and 公示 publish a document or a list, not a product", () => {
    expect(brief(run(["今年3月,杭州都市圈联合推出《人才互认实施细则》。"]))).toEqual(["2023-03 发布"]);
    expect(brief(run(["5月10日,南京市规划局公示了江北新区控制性详细规划草案。"]))).toEqual(["2023-05-10 发布"]);
    expect(brief(run(["5月10日,某手机厂商推出一款折叠屏新机。"]))).toEqual([]);
  });

  it("建立 and 增设 set up a body or a mechanism; 建立联系 and 建立健全 are no founding", () => {
    expect(brief(run(["2022年4月,苏锡常三市共同建立跨界污染联防联控机制。"]))).toEqual(["2022-04 成立"]);
    expect(brief(run(["今年2月,市交通局增设长三角协调处。"]))).toEqual(["2023-02 成立"]);
    expect(brief(run(["今年2月,两校建立了密切联系。"]))).toEqual([]);
    expect(brief(run(["到2027年,长三角碳普惠互认机制基本建立。"]))).toEqual(["2027 成立 planned"]);
  });

  it("扩容至 N 个城市 is members joining, 起步于 a date a start; 扩容至 a capacity and 起步于 a place are not", () => {
    expect(brief(run(["2021年5月,长三角生态旅游联盟成员扩容至28个城市。"]))).toEqual(["2021-05 纳入"]);
    expect(brief(run(["2021年5月,该变电站扩容至500兆瓦。"]))).toEqual([]);
    expect(brief(run(["示范区跨域数据共享试点起步于2020年4月。"]))).toEqual(["2020-04 启动"]);
    expect(brief(run(["2021年5月,通苏嘉甬铁路开工。该线起步于南通西站。"]))).toEqual(["2021-05 开工"]);
  });

  it("a dateline and byline are not part of the subject", () => {
    const ms = run(["本报合肥10月15日电(记者 王强)长三角城市经济协调会联席会议今天在芜湖举行。"], "2023-10-16");
    expect(ms.map((m) => `${line(m)} ${m.subject}`)).toEqual(["2023-10-15 举行 长三角城市经济协调会联席会议"]);
  });

  it("正式对外开放 opens a place; 扩大对外开放 is a policy", () => {
    expect(brief(run(["6月1日,苏州湾美术馆正式对外开放。"]))).toEqual(["2023-06-01 投用"]);
    expect(brief(run(["2023年,宁波港进一步扩大对外开放。"]))).toEqual([]);
  });

  it("通过…评审/验收 is a review passed, but 通过竣工验收 is the 竣工", () => {
    expect(brief(run(["今年4月,《太浦河水资源保护方案》通过专家评审。"]))).toEqual(["2023-04 通过"]);
    expect(brief(run(["今年4月,湖州南浔站改造工程通过竣工验收。"]))).toEqual(["2023-04 竣工"]);
  });

  it("印发实施 is one event; 自…起在…实施 puts a rule in force", () => {
    expect(brief(run(["2021年8月,《长三角科技创新券通用通兑办法》印发实施。"]))).toEqual(["2021-08 印发"]);
    expect(brief(run(["《跨省异地就医直接结算办法》将自9月1日起在长三角全域实施。"]))).toEqual(["2023-09-01 实施 planned"]);
  });

  it("由…组建 with a date of its own is the founding; a call for a body is no event", () => {
    expect(brief(run(["长三角智能网联汽车创新联盟于2020年9月由三省一市车企共同组建。"]))).toEqual(["2020-09 成立"]);
    expect(brief(run(["2023年5月,多名议员呼吁政府建立一个国际联盟。"]))).toEqual([]);
  });
});

describe("dates", () => {
  it("本月8日 and 上月12日 are days; 年内 is the publication year", () => {
    expect(date("本月8日")).toEqual(["本月8日=2023-06-08"]);
    expect(date("上月12日", "2024-01-05")).toEqual(["上月12日=2023-12-12"]);
    expect(brief(run(["示范区年内将再发布一批重点项目清单。"]))).toEqual(["2023 发布 planned"]);
  });

  it("a report's 今天 is its dateline's day", () => {
    const paragraphs = ["本报杭州3月2日电 杭绍甬智慧高速今天正式通车。"];
    expect(relativeAnchor(paragraphs, { published: "2023-03-03", precision: "day" })).toEqual({ published: "2023-03-02", precision: "day" });
    expect(brief(run(paragraphs, "2023-03-03"))).toEqual(["2023-03-02 开通"]);
  });

  it("这一年 names the year the page last named, also from an earlier paragraph, and governs the months after it", () => {
    const ms = run(["2022年是长三角G60科创走廊建设的关键一年。", "这一年4月,松江综合保税区二期封顶。8月,走廊产业协同创新中心揭牌。"], "2023-01-06");
    expect(brief(ms)).toEqual(["2022-04 封顶", "2022-08 揭牌"]);
    // Without a year named before, 这一年 dates nothing.
    expect(brief(run(["这一年4月,松江综合保税区二期封顶。"], "2023-01-06"))).toEqual(["undated 封顶"]);
  });

  it("a year stated alone governs the bare months of its sentence; 先后于A和B gives each its event", () => {
    const ms = run(["2022年,《长三角示范区河湖管理条例》先后于4月和11月通过一审和二审。"], "2023-03-01");
    expect(brief(ms).sort()).toEqual(["2022-04 通过", "2022-11 通过"]);
  });

  it("当年, refers to the year of the event the page just told", () => {
    const ms = run(["2020年7月1日,长三角电子税务局正式上线。", "上线当年,嘉兴、湖州先后于8月和10月加入长三角税务协作联盟。"], "2024-04-01");
    expect(brief(ms)).toEqual(["2020-07-01 上线", "2020-08 纳入", "2020-10 纳入"]);
  });
});

describe("a meeting referred to by its kind", () => {
  it("座谈会上 takes the date of the last 座谈会, even two paragraphs later", () => {
    const ms = run(["6月12日,长三角文旅联盟成立三周年座谈会在芜湖举行。", "三年来,联盟累计推出精品线路120条。", "座谈会上,联盟还发布了《长三角红色旅游地图》。"]);
    expect(brief(ms)).toEqual(["2023-06-12 举行", "2023-06-12 发布"]);
  });

  it("会上 in a new paragraph after a flashback meeting borrows no date (which meeting is unclear)", () => {
    const ms = run(["6月12日,长三角文旅联盟第五届年会在芜湖举行。", "联盟首届年会于2019年5月在上海举行。", "会上,联盟还发布了《长三角红色旅游地图》。"]);
    expect(brief(ms)).toEqual(["2023-06-12 举行", "2019-05 举行"]);
    // In the flashback's own paragraph, 会上 is that meeting.
    expect(brief(run(["6月12日,长三角文旅联盟第五届年会在芜湖举行。", "联盟首届年会于2019年5月在上海举行。会上,联盟发布了《长三角旅游地图》。"]))).toEqual(["2023-06-12 举行", "2019-05 举行", "2019-05 发布"]);
  });

  it("会上 two paragraphs after the meeting still borrows nothing", () => {
    const ms = run(["6月12日,长三角文旅联盟年会在芜湖举行。", "联盟成员已有300余家。", "会上,联盟还发布了《长三角红色旅游地图》。"]);
    expect(brief(ms)).toEqual(["2023-06-12 举行"]);
  });
});

describe("the year of a later sentence, and a sentence opening with a short reference", () => {
  it("今年 ends the narration of an earlier year: a bare month after it is the publication's", () => {
    const ms = run(["长三角区域合作办公室于2018年1月在上海组建。按照计划,今年三省一市将联合出台评估办法,预计8月前后上线评估平台。"]);
    expect(brief(ms)).toEqual(["2018-01 成立", "2023 印发 planned", "2023-08 上线 planned"]);
  });

  it("该工程…,计划于…完工: the sentence is about the project the reference names", () => {
    const ms = run(["11月,太浦河清水走廊工程开工建设。该工程横跨两省一市,全长约40公里,计划于明年6月完工。"], "2023-12-10");
    expect(ms.map((m) => `${line(m)} ${m.subject}`)).toEqual(["2023-11 开工 太浦河清水走廊工程", "2024-06 竣工 planned 太浦河清水走廊工程"]);
  });
});
