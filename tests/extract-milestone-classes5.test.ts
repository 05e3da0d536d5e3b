/**
 * Milestone classes found on tests/gold/milestones-fresh5.json (issue 10), each tested on sentences composed for
 * these tests (not the fresh5 passages): relative months and weeks, 同月, a same-day reference or a meeting reference
 * in a sentence without a date, 加入 as joining, long coordinated subjects, and the false events (an anniversary, a
 * running total since a year, a state lent another clause's date, a title restating a target, two glued construction
 * verbs, a year before 中国 in a name, who formed an organization, a verb inside a project name, 完成 + a more
 * specific verb, 就会 as the future).
 */
import { describe, expect, it } from "vitest";
import { extract, type Milestone } from "@/lib/extract";
import { findDates } from "@/lib/extract/dates";

const run = (paragraphs: string[], published: string | null = "2023-06-15", title = "测试") =>
  extract({ title, paragraphs, published, publishedPrecision: published ? "day" : null }).milestones;
const line = (m: Milestone) => `${m.date ?? "undated"} ${m.action}${m.status === "planned" ? " planned" : ""}`;
const brief = (ms: Milestone[]) => ms.map(line);
const date = (text: string, published = "2023-06-15") => findDates(text, { published, precision: "day" }).map((d) => `${d.text}=${d.value ?? "null"}`);

describe("relative months and weeks", () => {
  it("上月, 上个月, 本月底 and 下月 shift the publication month (across a year end too)", () => {
    expect(date("上月")).toEqual(["上月=2023-05"]);
    expect(date("上个月", "2024-01-10")).toEqual(["上个月=2023-12"]);
    expect(date("本月底")).toEqual(["本月底=2023-06"]);
    expect(date("下月", "2023-12-05")).toEqual(["下月=2024-01"]);
  });

  it("上周 is a month only when the whole week lies in one month", () => {
    // 2023-06-15 is a Thursday: last week is 06-05 to 06-11.
    expect(date("上周")).toEqual(["上周=2023-06"]);
    // 2023-06-02 is a Friday: last week is 05-22 to 05-28; 2023-06-06 (Tuesday): 05-29 to 06-04, two months.
    expect(date("上周", "2023-06-02")).toEqual(["上周=2023-05"]);
    expect(date("上周", "2023-06-06")).toEqual(["上周=null"]);
  });

  it("an event of last month and a meeting next month (planned)", () => {
    expect(brief(run(["上月,苏州市与嘉兴市签订了《跨界生态补偿协议》。"]))).toEqual(["2023-05 签署"]);
    expect(brief(run(["示范区执委会下月将举行第五届长三角水乡论坛。"]))).toEqual(["2023-07 举行 planned"]);
  });
});

describe("同月: the month the passage narrates", () => {
  it("同月 after a month-dated event takes that month", () => {
    expect(brief(run(["2022年8月,国务院批复《某某新区总体方案》;同月,省政府印发《某某新区实施方案》。"]))).toEqual(["2022-08 批复", "2022-08 印发"]);
  });

  it("同月 without a month narrated stays undated", () => {
    expect(brief(run(["同月,省政府印发《某某新区实施方案》。"]))).toEqual(["undated 印发"]);
  });
});

describe("a sentence without a date of its own", () => {
  it("同一天 takes the last event dated to the day, in this paragraph or the one before", () => {
    expect(brief(run(["5月12日,湖州市与宣城市签署《共建产业合作园协议》。", "同一天,湖州市南太湖新区管委会与宣城经开区签订了人才交流协议。"]))).toEqual(["2023-05-12 签署", "2023-05-12 签署"]);
  });

  it("同一天 with no day-dated event close before it stays undated", () => {
    expect(brief(run(["同一天,湖州市南太湖新区管委会与宣城经开区签订了人才交流协议。"]))).toEqual(["undated 签署"]);
  });

  it("召开会议: a meeting named only 会议 is held, named after its holder", () => {
    const ms = run(["5月13日,省政府召开常务会议,审议了这一规划。", "5月20日,省委召开会议,研究部署生态保护工作。"]);
    expect(ms.map((m) => `${line(m)} ${m.subject}`)).toEqual(["2023-05-13 举行 常务会议", "2023-05-20 举行 省委会议"]);
  });

  it("会上 and 论坛期间 are the meeting just reported", () => {
    const ms = run(["6月3日,第三届长三角数字经济论坛在芜湖举行。", "论坛期间,三省一市签署了《长三角算力调度合作协议》,并为长三角算力调度中心揭牌。"]);
    expect(brief(ms)).toEqual(["2023-06-03 举行", "2023-06-03 签署", "2023-06-03 揭牌"]);
  });

  it("会议审议通过 after a meeting held the day before the publication", () => {
    expect(brief(run(["昨天,宁波都市圈第三次联席会议在舟山召开。会议审议通过了《宁波都市圈协同发展规划》。"]))).toEqual(["2023-06-14 举行", "2023-06-14 通过"]);
  });

  it("a meeting reference far from any meeting is no date", () => {
    expect(brief(run(["会上,三省一市签署了《长三角算力调度合作协议》。"]))).toEqual([]);
  });
});

describe("加入 is joining a body or a zone", () => {
  it("a city joining a metropolitan area, and a list of cities joining at two dates", () => {
    expect(brief(run(["2016年,宣城加入南京都市圈。"]))).toEqual(["2016 纳入"]);
    expect(brief(run(["2019年3月、2020年9月,滁州、马鞍山、芜湖、宣城等城市先后加入。"]))).toEqual(["2019-03 纳入", "2020-09 纳入"]);
  });

  it("adding an ingredient or joining a queue is no event", () => {
    expect(brief(run(["2023年3月,厂家在配方中加入了新的香料成分。"]))).toEqual([]);
  });
});

describe("false events", () => {
  it("an anniversary (两周年) is not the event again", () => {
    expect(brief(run(["昨天是长三角某某中心揭牌两周年的日子,中心已服务企业3000余家。"]))).toEqual([]);
  });

  it("a running total since a year (自2019年以来已开通…) is a figure", () => {
    expect(brief(run(["自2019年以来,示范区已开通跨省公交线路9条。"]))).toEqual([]);
  });

  it("a clause told as already so does not take the date of the event clause before it", () => {
    expect(brief(run(["产业园一期于2022年5月开工,目前已有多家企业签约入驻。"]))).toEqual(["2022-05 开工"]);
  });

  it("the title's year-precision target is the body's day-dated one", () => {
    const ms = run(["《关于促进某某示范区高质量发展的决定》将自2024年3月1日起施行。"], "2023-12-20", "示范区首部共同立法明年起施行");
    expect(brief(ms)).toEqual(["2024-03-01 实施 planned"]);
  });

  it("two construction verbs back to back (竣工投用, 建成开通) are one event", () => {
    expect(brief(run(["该馆计划于2025年竣工投用。"], "2023-06-15", "某某新城文化馆开工"))).toEqual(["2025 竣工 planned"]);
  });

  it("a year glued to 中国… names the meeting and dates nothing", () => {
    expect(brief(run(["2022年中国城市规划年会在武汉成功举行。"]))).toEqual([]);
    expect(brief(run(["2022年中国城市规划年会于11月5日在武汉成功举行。"], "2022-11-20"))).toEqual(["2022-11-05 举行"]);
  });

  it("由…联合组建 tells who formed an organization just set up, not a second event", () => {
    expect(brief(run(["5月20日,长三角新材料研究院宣布成立,由上海大学、江南大学和合肥工业大学联合组建。"]))).toEqual(["2023-05-20 成立"]);
  });

  it("an intransitive construction verb inside a project's name (贯通工程) is no event; the real verb is", () => {
    expect(brief(run(["淀山湖沿岸步道贯通工程已于今年4月完工。"]))).toEqual(["2023-04 竣工"]);
  });

  it("完成 with a more specific action in its clause (完成…合龙) is that action", () => {
    expect(brief(run(["今年5月,某某大桥完成主桥合龙。"]))).toEqual(["2023-05 贯通"]);
  });

  it("就会 is the future", () => {
    expect(brief(run(["本月,某某公司的新一代芯片就会正式发布。"]))).toEqual(["2023-06 发布 planned"]);
  });
});
