/**
 * Dates from the page, honestly (issue 10, point 3), on sentences composed for these tests: an anniversary
 * (N年前的今天, 去年今日) is that day N years before the date governing the passage, which on a repost is the
 * original's (its 来源 line kept as metadata, or a 原标题/转自 line with a date), never the repost's page date; a
 * body that credits another text (本文转自…) without the original's date leaves such events undated; a bare 5年前
 * is a round figure and dates nothing.
 */
import { describe, expect, it } from "vitest";
import { extract, type Milestone } from "@/lib/extract";
import { composedPageMilestones } from "./milestone-helpers/page";
import { findDates, relativeAnchor } from "@/lib/extract/dates";

const line = (m: Milestone) => `${m.date ?? "undated"} ${m.action}`;
const run = (paragraphs: string[], published: string | null, source: string | null = null) =>
  extract({ title: "测试", paragraphs, published, publishedPrecision: published ? "day" : null, source }).milestones.map(line);
const page = (lines: string[]) => composedPageMilestones(lines).map(line);
const date = (text: string, published = "2023-06-15") => findDates(text, { published, precision: "day" }).map((d) => `${d.text}=${d.value ?? "null"}`);

describe("anniversaries: N年前的今天, 去年今日", () => {
  it("is that day N years before the anchor, with Arabic or Chinese numerals", () => {
    expect(date("3年前的今天,沪苏湖高铁开工。")).toEqual(["3年前的今天=2020-06-15"]);
    expect(date("十年前的今日,自贸区挂牌。")).toEqual(["十年前的今日=2013-06-15"]);
    expect(date("两年前的这一天,示范区揭牌。")).toEqual(["两年前的这一天=2021-06-15"]);
  });

  it("去年今日 and 去年的今天 are one day a year back, not last year plus today", () => {
    expect(date("去年今日,大桥合龙。")).toEqual(["去年今日=2022-06-15"]);
    expect(date("去年的今天,论坛开幕。")).toEqual(["去年的今天=2022-06-15"]);
    expect(date("去年6月,论坛开幕。")).toEqual(["去年6月=2022-06"]);
  });

  it("29 February a year back is no day: the month rather than a guess", () => {
    expect(date("一年前的今天,项目开工。", "2024-02-29")).toEqual(["一年前的今天=2023-02"]);
  });

  it("a bare N年前 (and 几年前, 多年前) is a round figure: a date mention with no value", () => {
    expect(date("5年前,该园区成立。")).toEqual(["5年前=null"]);
    expect(date("多年前,两地就已合作。")).toEqual(["多年前=null"]);
    expect(run(["一年前,某市设立长三角产业投资基金。"], "2023-06-15")).toEqual(["undated 成立"]);
  });
});

describe("the date that governs a repost", () => {
  const paragraphs = ["4年前的今天,国务院批复《虹桥国际开放枢纽建设总体方案》,枢纽建设由此起步。"];

  it("the original's date from the 来源 line kept as metadata, not the repost's page date", () => {
    expect(relativeAnchor(paragraphs, { published: "2023-06-15", precision: "day" }, { source: "新华日报 2023年6月10日 第2版" })).toEqual({ published: "2023-06-10", precision: "day" });
    expect(run(paragraphs, "2023-06-15", "新华日报 2023年6月10日 第2版")).toEqual(["2019-06-10 批复"]);
  });

  it("the page date when the 来源 line names no earlier date (the outlet's own article)", () => {
    expect(run(paragraphs, "2023-06-15", "新华日报")).toEqual(["2019-06-15 批复"]);
  });

  it("a page that says it reprints another text (原标题, 转自) without the original's date: undated", () => {
    expect(run(["原标题:虹桥枢纽四年间", ...paragraphs], "2023-06-15")).toEqual(["undated 批复"]);
    expect(run([...paragraphs, "(本文转自新华日报,版权归原作者所有)"], "2023-06-15")).toEqual(["undated 批复"]);
    expect(run(["原标题:虹桥枢纽四年间 2023年6月10日", ...paragraphs], "2023-06-15")).toEqual(["2019-06-10 批复"]);
  });

  it("through the cleaner: the 来源 line's date, or the 原标题 header line's; an undated 原标题 header (a same-day copy) keeps the page date", () => {
    const body = ["4年前的今天,国务院批复《虹桥国际开放枢纽建设总体方案》,枢纽建设由此起步。", "今年5月,虹桥国际中央商务区发布新一轮人才政策。"];
    const head = ["虹桥枢纽四年间", "原创 某公众号 2023年06月15日 18:02 上海"];
    expect(page([...head, "来源:新华日报 2023年6月10日 第2版", ...body])).toEqual(["2019-06-10 批复", "2023-05 发布"]);
    expect(page([...head, "来源:新华社 原标题:虹桥国际开放枢纽建设四年间 发布时间:2023-06-09", ...body])).toEqual(["2019-06-09 批复", "2023-05 发布"]);
    expect(page([...head, "来源:新华日报", "原标题:虹桥国际开放枢纽建设四年间", ...body])).toEqual(["2019-06-15 批复", "2023-05 发布"]);
  });
});
