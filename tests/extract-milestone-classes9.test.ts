/**
 * Milestone classes of the ninth round (issue 10): every way a page can fail to support a milestone's date, each
 * closed as a class and tested on sentences and pages composed for these tests (not the gold passages). Precision
 * first: when the page does not say when an event happened, it stays on its article undated.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readArticle } from "@/lib/eval/hygiene";
import { extract, type Milestone } from "@/lib/extract";

const line = (m: Milestone) => `${m.date ?? "undated"} ${m.action}${m.status === "planned" ? " planned" : ""}`;
const run = (paragraphs: string[], published: string | null = "2024-05-20", title = "测试") =>
  extract({ title, paragraphs, published, publishedPrecision: published ? "day" : null }).milestones.map(line);
/** A composed page through the real cleaner (header and credit lines become metadata), then extraction. */
const page = (lines: string[]) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msclasses9-"));
  const file = path.join(dir, "page.txt");
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  try {
    return extract(readArticle(file)).milestones.map(line);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

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
