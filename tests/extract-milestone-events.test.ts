/**
 * The milestone event model (issue 10): one test per failure the issue lists, on sentences written for
 * these tests (not copied from the corpus).
 */
import { describe, expect, it } from "vitest";
import { extract, milestoneKey, type Milestone } from "@/lib/extract";
import { relativeAnchor } from "@/lib/extract/dates";
import { actionOf, canonicalAction, targetOutcomes } from "@/lib/domain/milestones";

const run = (paragraphs: string[], published: string | null = "2023-06-15", title = "测试") =>
  extract({ title, paragraphs, published, publishedPrecision: published ? "day" : null }).milestones;
const brief = (ms: Milestone[]) => ms.map((m) => `${m.date ?? "undated"} ${m.action}${m.status === "planned" ? " planned" : ""}`);
const timeline = (ms: Milestone[]) => ms.filter((m) => m.date !== null);

describe("the action taxonomy", () => {
  it("maps synonyms to one action and knows every id", () => {
    expect(canonicalAction("召开")).toBe("举行");
    expect(canonicalAction("公布")).toBe("发布");
    expect(canonicalAction("签订")).toBe("签署");
    expect(canonicalAction("通车")).toBe("开通");
    expect(canonicalAction("施行")).toBe("实施");
    expect(actionOf("开工")?.label).toBe("开工");
    expect(actionOf("不是动词")).toBeNull();
  });
});

describe("the wrong action: a ceremony of an action is that action", () => {
  it("开工仪式…举行 is 开工, not 举行", () => {
    expect(brief(run(["青松城际线开工仪式今天在金泽镇举行。"]))).toEqual(["2023-06-15 开工"]);
  });

  it("宣布…正式启动 is one event, 启动", () => {
    expect(brief(run(["6月12日,三地政府宣布跨界河湖联合巡查机制正式启动。"]))).toEqual(["2023-06-12 启动"]);
  });

  it("揭牌, 标志着…成立 is one event, 揭牌", () => {
    expect(brief(run(["6月2日,长三角数字医疗创新联盟举行揭牌仪式,标志着该联盟正式成立。"]))).toEqual(["2023-06-02 揭牌"]);
  });
});

describe("targets are not events", () => {
  it("到YYYY年 makes a planned milestone with its deadline", () => {
    expect(brief(run(["到2027年,示范区将基本建成跨省域的生态绿色样板区。"]))).toEqual(["2027 建成 planned"]);
  });

  it("计划于…建成投运 is planned", () => {
    const ms = run(["南湖综合客运枢纽项目计划于2026年建成投用。"]);
    expect(brief(ms)).toEqual(["2026 建成 planned"]);
    expect(ms[0]?.subject).toContain("南湖综合客运枢纽");
  });

  it("将推动…基本建成 without a date is nowhere", () => {
    expect(run(["下一步,各方将推动环湖绿道基本建成。"])).toEqual([]);
  });

  it("截至…已… is a running total, not an event", () => {
    expect(run(["截至2022年底,示范区已建成跨省公交线路12条。"])).toEqual([]);
    expect(run(["目前,两地已先后开通毗邻公交线路9条。"])).toEqual([]);
  });

  it("events inside a quoted target statement are planned, and a clause with its own (name) year borrows no date", () => {
    const ms = run(["枢纽建设按照「明年3月主体结构封顶,2030年亚运会前投入使用」的总体目标推进。"], "2023-06-15");
    expect(brief(ms)).toEqual(["2024-03 封顶 planned"]);
  });

  it("a date after the publication is a schedule", () => {
    expect(brief(run(["10月,沿江高铁南段将开通运营。"], "2023-07-20"))).toEqual(["2023-10 开通 planned"]);
    // a bare later month is this year's, not last year's
    expect(brief(run(["11月,新的省际客运线路开通。"], "2023-08-02"))).toEqual(["2023-11 开通 planned"]);
  });

  it("an entity's target is met by a later done event about the same subject", () => {
    const base = { subjectId: "project:x" } as const;
    const out = targetOutcomes([
      { ...base, id: "t", date: "2025", action: "建成", status: "planned" },
      { ...base, id: "d", date: "2025-11", action: "开通", status: "done" },
      { id: "t2", date: "2024", action: "开工", status: "planned", subjectId: "project:y" },
    ]);
    expect(out.map((o) => [o.target.id, o.metBy?.id ?? null, o.late])).toEqual([
      ["t", "d", false],
      ["t2", null, false],
    ]);
  });
});

describe("dates from the page, honestly", () => {
  it("a repost is dated by its original", () => {
    const paragraphs = ["转自:江南日报 2021-04-18", "去年12月,嘉湖城际铁路正式开工。"];
    expect(relativeAnchor(paragraphs, { published: "2024-03-01", precision: "day" })).toEqual({ published: "2021-04-18", precision: "day" });
    expect(brief(timeline(run(paragraphs, "2024-03-01")))).toEqual(["2020-12 开工"]);
  });

  it("a dateline that cannot be the page's week makes month-day dates undated", () => {
    const ms = run(["港澳社上海9月8日电 记者获悉,环湖蓝道项目已于9月5日正式开工。"], "2024-02-20");
    expect(brief(ms)).toEqual(["undated 开工"]);
  });

  it("without a publication date a month-day is undated and stays off the timeline", () => {
    const ms = run(["11月3日,嘉善至枫南市域铁路控制性工程正式开工。"], null);
    expect(brief(ms)).toEqual(["undated 开工"]);
  });

  it("coordinated dates each get their event", () => {
    expect(brief(run(["2019年、2021年,两座跨省大桥先后建成通车。"]))).toEqual(["2019 建成", "2021 建成"]);
  });

  it("a year in a name never dates an event", () => {
    expect(brief(timeline(run(["9月6日,2023长三角数字经济峰会在湖州开幕。"], null)))).toEqual([]);
  });
});

describe("subjects", () => {
  it("what is set up follows the verb; the body before it is the actor", () => {
    const ms = run(["1992年,三省市政府成立长三角城市经济协调会。"]);
    expect(ms.map((m) => [m.date, m.action, m.subject])).toEqual([["1992", "成立", "长三角城市经济协调会"]]);
  });

  it("a document without a title is the words after the verb, not the issuing body", () => {
    const ms = run(["2012年,省政府印发了支持湖州发展的若干意见。"]);
    expect(ms.map((m) => m.subject)).toEqual(["支持湖州发展的若干意见"]);
  });
});

describe("fragments are not milestones", () => {
  it("工程 without a project named before it", () => {
    expect(run(["2009年底工程竣工。"])).toEqual([]);
  });

  it("工程 after a named project is that project", () => {
    const ms = run(["沪嘉城际轨道交通工程连接上海与嘉兴。", "2009年底工程竣工。"]);
    expect(brief(ms)).toEqual(["2009-12 竣工"]);
    expect(ms[0]?.subjectId).toMatch(/^project:/);
  });

  it("a clause with no subject, and a speculation", () => {
    expect(run(["于2010年建成启用以迎接世博会。"])).toEqual([]);
    expect(run(["或12月宣布。"])).toEqual([]);
  });

  it("a statement reported, a quantity reached, a speculation, a count of repeats are not events", () => {
    expect(run(["6月5日,该公司发布公告称将调整业务。"])).toEqual([]);
    expect(run(["今年5月,全区固定资产投资完成120亿元。"])).toEqual([]);
    expect(run(["新规可能会推迟到10月实施。"])).toEqual([]);
    expect(run(["2018年以来,三地先后在青浦、吴江举办了6次联席会议。"])).toEqual([]);
  });

  it("a verb inside a title is part of the title; a name after 在 is the place, not the subject", () => {
    expect(run(["6月3日,他发表了题为《长三角启动新一轮合作》的文章。"])).toEqual([]);
    const ms = run(["6月9日,峰会开幕式在上海交通大学举行。"]);
    expect(ms.map((m) => m.subject)).toEqual(["峰会开幕式"]);
  });

  it("a hypothetical is not an event", () => {
    expect(run(["若明年3月正式签约,双方将共建产业园。"])).toEqual([]);
  });
});

describe("one event is one milestone", () => {
  it("the title and the body, 公布 and 发布 of one document on one day", () => {
    const ms = run(["11月20日,《长三角数字干线建设方案》正式公布。", "方案于11月20日发布,共分五章。"], "2023-11-21", "长三角数字干线建设方案20日发布");
    expect(brief(ms)).toEqual(["2023-11-20 发布"]);
  });

  it("restated later in the article", () => {
    const ms = run(["5月8日,太浦河清水廊道工程开工。", "工程全长约40公里。", "据悉,太浦河清水廊道工程于5月8日开工,工期两年。"]);
    expect(brief(ms)).toEqual(["2023-05-08 开工"]);
  });

  it("two subjects started on one day are two milestones", () => {
    const ms = run(["6月1日,东方枢纽上海东站和沪通铁路二期工程同日开工。"]);
    expect(ms.every((m) => m.action === "开工" && m.date === "2023-06-01")).toBe(true);
  });
});

describe("merging across articles by meaning, not text", () => {
  it("unrelated events of one day never share a key", () => {
    const a = run(["6月10日,某市人民医院药学部举行药学知识竞赛。"])[0];
    const b = run(["6月10日,青吴嘉三地举行跨界水体联合保洁行动启动会。"])[0];
    expect(a && b).toBeTruthy();
    expect(milestoneKey(a as Milestone)).not.toBe(milestoneKey(b as Milestone));
  });

  it("the same event told with other actors shares the key", () => {
    const a = run(["2019年12月1日,中共中央、国务院印发《长江三角洲区域一体化发展规划纲要》。"])[0];
    const b = run(["《长江三角洲区域一体化发展规划纲要》于2019年12月1日由中共中央、国务院正式印发。"])[0];
    expect(a?.date).toBe("2019-12-01");
    expect(a && b && milestoneKey(a)).toBe(b && milestoneKey(b));
  });
});
