/**
 * Milestone classes found on tests/gold/milestones-fresh3.json (issue 10): each tested on sentences composed for
 * these tests, then on real pages read in place from ../shared/corpus (never copied into the repo).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract, type Milestone } from "@/lib/extract";
import { findDates, narrativeDates } from "@/lib/extract/dates";
import { requireCorpus } from "@/lib/eval/corpora";
import { readArticle } from "@/lib/eval/hygiene";

const run = (paragraphs: string[], published: string | null = "2023-06-15") =>
  extract({ title: "测试", paragraphs, published, publishedPrecision: published ? "day" : null }).milestones;
const line = (m: Milestone) => `${m.date ?? "undated"} ${m.action}${m.status === "planned" ? " planned" : ""}`;
const brief = (ms: Milestone[]) => ms.map(line);
const narrative = (text: string, published: string | null = null) => {
  const pub = { published, precision: published ? ("day" as const) : null };
  return narrativeDates(text, findDates(text, pub), pub).map((d) => `${d.text}=${d.value ?? "null"}`);
};

const page = (rel: string): Milestone[] => extract(readArticle(path.join(requireCorpus(), rel))).milestones;

describe("the year a chronological paragraph narrates", () => {
  it("次年 and 同年 follow the narration, and 同年 after 次年 is the next year", () => {
    expect(narrative("2018年,示范区执委会成立。次年3月,水乡客厅开工,同年5月,方厅水院开工。")).toEqual(["2018年=2018", "次年3月=2019-03", "同年5月=2019-05"]);
  });

  it("a bare month on a page without a publication date takes the year of its paragraph", () => {
    expect(narrative("2016年12月14日,电视台发表声明。12月16日,制作组召开紧急会议。")).toEqual(["2016年12月14日=2016-12-14", "12月16日=2016-12-16"]);
  });

  it("次年 follows the narration even when the page has a publication date", () => {
    expect(narrative("2019年,联盟成立,次年挂牌。", "2023-06-15")).toEqual(["2019年=2019", "次年=2020"]);
  });

  it("never guesses: a month before the governing one, a deadline, a year in brackets or in a name, 今年, another paragraph", () => {
    expect(narrative("2018年12月,A中心揭牌。3月,B中心揭牌。")).toEqual(["2018年12月=2018-12", "3月=null"]);
    expect(narrative("到2025年,示范区基本建成。5月,青浦大道通车。")).toEqual(["2025年=2025", "5月=null"]);
    expect(narrative("常住人口约7742万人(2020年)。5月,规划公布。")).toEqual(["2020年=2020", "5月=null"]);
    expect(narrative("2024年长三角论坛在上海举行。5月,规划公布。")).toEqual(["2024年=2024", "5月=null"]);
    expect(narrative("今年9月,规划对外公布。同年12月,纲要印发。")).toEqual(["今年9月=null", "同年12月=null"]);
    expect(brief(run(["2018年,示范区执委会成立。", "12月1日,规划纲要印发。"], null))).toEqual(["2018 成立", "undated 印发"]);
  });

  it("when the publication's year and the narrated year disagree, the month gets no year; a date of the publication's own narrates nothing", () => {
    expect(narrative("2016年12月14日,电视台发表声明。12月16日,制作组召开紧急会议。", "2020-05-01")).toEqual(["2016年12月14日=2016-12-14", "12月16日=null"]);
    expect(narrative("9月2日,他返回十堰。他上次坐火车,是8月2日。", "2019-09-09")).toEqual(["9月2日=2019-09-02", "8月2日=2019-08-02"]);
  });

  it("a year in a time clause 'after …' (在2020年…后) says when the narration starts, not the year of what follows", () => {
    expect(narrative("在2020年总统被推翻后,他抨击政变方。到了6月份,他出任总理。")).toEqual(["2020年=2020", "6月=null"]);
  });

  it("dates the events of a narrated paragraph", () => {
    expect(brief(run(["2018年,长三角区域合作办公室成立。次年3月,青浦大道新建工程开工,同年5月,长三角科创联盟揭牌。"], null))).toEqual(["2018 成立", "2019-03 开工", "2019-05 揭牌"]);
  });

  it("on real pages: narrated months get their paragraph's year, 今天(12月1日) and 今年9月 stay undated", () => {
    const runningMan = page("cwced/cleaned/d5bced5e-4ff7-49a8-8808-4344f0823c51.txt").map(line);
    expect(runningMan).toContain("2016-12-16 举行");
    expect(runningMan).toContain("2017-04-20 发布");
    expect(page("yrd-dev/063.txt").filter((m) => m.action === "印发").map(line)).toEqual(["undated 印发"]);
    expect(page("yrd-dev/059.txt").filter((m) => m.date !== null).map(line)).toEqual([]);
    // A page with a publication date: the months of its own story keep the publication's year.
    const dates = extract(readArticle(path.join(requireCorpus(), "gne/tests/toutiao/3.html"))).entities.filter((e) => e.kind === "date" && e.text === "8月2日");
    expect(dates.map((e) => (e as { value?: string | null }).value)).toContain("2019-08-02");
  });
});

describe("a clause without a subject continues the one before it", () => {
  it("future markers and auxiliaries before the verb are no subject (预计…前实现投运, 并将在年底完工)", () => {
    expect(brief(run(["青浦大道新建工程正在加紧建设,预计2026年底前实现投运。"]))).toEqual(["2026-12 投用 planned"]);
  });

  it("其 is the thing the sentence just named without an entity (…来到地铁某站,其…), and 完成建设后 is a time, not an event", () => {
    const ms = run(["记者从金泽出口来到地铁泖港站,其完成建设后已进入装修尾声,预计2026年底前实现投运。"]);
    expect(brief(ms)).toEqual(["2026-12 投用 planned"]);
    expect(ms[0]?.subject).toBe("地铁泖港站");
  });

  it("a list of projects closed by 等 is the topic as a whole", () => {
    const ms = run(["与此同时,淀山湖岸线整治工程、太浦河桥改建工程等也在加紧推进,并将在年底完工。"]);
    expect(brief(ms)).toEqual(["2023-12 竣工 planned"]);
    expect(ms[0]?.subject).toBe("淀山湖岸线整治工程等");
  });

  it("on real pages (yrd-dev/025, 033): the targets of a list of works and of a station", () => {
    expect(page("yrd-dev/025.txt").map(line)).toContain("2022-12 竣工 planned");
    const xicen = page("yrd-dev/033.txt").filter((m) => m.action === "投用");
    expect(xicen.map(line)).toEqual(["2024-12 投用 planned"]);
    expect(xicen[0]?.subject).toContain("西岑站");
  });
});

describe("dates that are not the event's", () => {
  it("a year after the verb is the object's period (公布了2022年年度报告): the leading 近日 leaves it undated", () => {
    expect(brief(run(["近日,长三角某集团公布了2022年年度报告。"]))).toEqual(["undated 发布"]);
    // …but 成立于2016年 and a ceremony's date after it (开工仪式今天举行) do date the event.
    expect(brief(run(["长三角科创联盟成立于2016年。"]))).toEqual(["2016 成立"]);
    expect(brief(run(["青松城际线开工仪式今天在金泽镇举行。"]))).toEqual(["2023-06-15 开工"]);
  });

  it("a verb in a description or a prepositional modifier (是…发起的, 对…下发的) does not take the sentence's date", () => {
    expect(brief(run(["长三角科创联盟成立于2016年,是由三省一市共同发起的协作平台。"]))).toEqual(["2016 成立"]);
    expect(run(["自3月5日至9月1日,市公安局对省厅下发的线索实施抓捕。"])).toEqual([]);
    // A date of its own inside the modifier still dates it.
    expect(brief(run(["2021年,各地根据国务院2019年印发的《长江三角洲区域一体化发展规划纲要》制定行动计划。"]))).toEqual(["2019 印发"]);
  });

  it("an event told as some time after the date (其后, 此后) is not of that date: kept undated", () => {
    expect(brief(run(["今年3月,甲集团收购乙公司,其后丙集团宣布成立长三角数据联盟。"]))).toEqual(["undated 成立"]);
    // 随后 follows at once: the date stands.
    expect(brief(run(["6月2日,签约仪式举行,随后长三角数字医疗创新联盟揭牌。"]))).toContain("2023-06-02 揭牌");
  });

  it("an emergency procedure set going (启动应急响应, 启动疏散程序) is an operation, not a milestone", () => {
    expect(run(["6月2日晚,上海市防汛指挥部启动防汛Ⅳ级应急响应。"])).toEqual([]);
    expect(brief(run(["6月2日,长三角数字经济合作行动正式启动。"]))).toEqual(["2023-06-02 启动"]);
  });

  it("the last clause of a paragraph the page cut off is a fragment", () => {
    // A paragraph that runs past a sentence and stops without its closing punctuation (not a heading).
    expect(run(["第一段。", "交流大会在宣城市举行。这是自2019年10月由松江区发起的长三角九城市人大工作交"], null).filter((m) => m.date)).toEqual([]);
    expect(brief(run(["第一段。", "交流大会在宣城市举行。这是自2019年10月由松江区发起的长三角九城市人大工作交流机制。"], null).filter((m) => m.date))).toEqual(["2019-10 启动"]);
  });

  it("on real pages: 013's cut-off 2019-10 启动, 163/1's report year, 163/3's 发起, njxfhn/1's 下发 and 疏散程序, 163/7's 其后…宣布 are off the timeline", () => {
    expect(page("yrd-dev/013.txt").filter((m) => m.date !== null)).toEqual([]);
    expect(page("gne/tests/163/1.html").filter((m) => m.date !== null)).toEqual([]);
    expect(page("gne/tests/163/3.html").map(line)).not.toContain("2016 启动");
    expect(page("gne/tests/njxfhn/1.html").filter((m) => m.date !== null)).toEqual([]);
    expect(page("gne/tests/163/7.html").filter((m) => m.date === "2019-09")).toEqual([]);
  });
});
