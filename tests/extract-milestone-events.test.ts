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

  it("a coming event the sentence welcomes (迎接/喜迎/献礼…召开) is not an event of the page", () => {
    // The year of an earlier clause (今年工作) does not make the welcomed meeting a held one.
    expect(timeline(run(["市委书记强调要抓实今年工作中的重点任务,以优异成绩迎接省第十次党代会胜利召开。"]))).toEqual([]);
    expect(timeline(run(["今年,全市上下以崭新面貌喜迎全国运动会隆重开幕。"]))).toEqual([]);
    // An event told before the welcome keeps its date: 于…建成启用,以迎接… (迎接 after the verb).
    expect(brief(run(["枢纽于2021年5月建成启用,以迎接全国运动会。"]))).toEqual(["2021-05 建成"]);
    // A meeting held on a day of its own, in a sentence that also welcomes another, is still held.
    expect(brief(run(["6月12日,青浦区召开推进大会,以实际行动迎接省第十次党代会胜利召开。"]))).toEqual(["2023-06-12 举行"]);
  });

  it("a plan word used as a noun is no future: in a title, after a determiner, before the event told as done", () => {
    expect(brief(run(["2019年5月,《三年行动计划》印发实施。"]))).toEqual(["2019-05 印发"]); // 印发实施: one event told with two verbs (milestones7)
    expect(brief(run(["2019年5月,长三角科技创新合作计划正式启动。"]))).toEqual(["2019-05 启动"]);
    // The verb 计划 and a title that announces a target still make planned milestones.
    expect(brief(run(["公司计划于2026年建成投运。"]))).toEqual(["2026 建成 planned"]);
    expect(brief(run(["2019年5月,《行动计划》明确将于2025年建成示范区。"]))).toEqual(["2025 建成 planned"]);
  });

  it("a partner after 与/同/跟 and a lead 随着 are not the subject; the restated event is one milestone", () => {
    const ms = run(["3月2日,随着示范区与嘉兴港合作协议的签署,两地物流合作进入新阶段。", "3月2日,青浦区代表团赴嘉兴,与嘉兴港签署合作协议。"]);
    expect(brief(ms)).toEqual(["2023-03-02 签署"]);
    expect(ms[0]?.subject).toBe("示范区与嘉兴港合作协议");
    expect(run(["5月6日,吴江区同上海市青浦区签署战略合作框架协议。"]).map((m) => m.subject)).not.toContain("同上海市青浦区");
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

describe("zero subjects continue the sentence's or the previous sentence's topic", () => {
  const subjects = (ms: Milestone[]) => ms.map((m) => `${m.date} ${m.action} ${m.subject}`);

  it("X于…动工,于…建成: every dated clause is about X", () => {
    expect(subjects(run(["南湖综合客运枢纽于2015年动工,于2019年建成启用,是城市东部的交通中心。"]))).toEqual(["2015 开工 南湖综合客运枢纽", "2019 建成 南湖综合客运枢纽"]);
  });

  it("X位于…,于…开工: a facility introduced by where it lies is the topic, not the entity qualifying it", () => {
    expect(subjects(run(["金山铁路枢纽位于金山新城南部,于2012年开工,于2015年建成投运。"]))).toEqual(["2012 开工 金山铁路枢纽", "2015 建成 金山铁路枢纽"]);
  });

  it("…X…。于YYYY年…启用: the previous sentence's topic", () => {
    const ms = run(["嘉善科创中心项目位于西塘镇,总投资30亿元。于2022年5月8日正式启用。"]);
    expect(subjects(ms)).toEqual(["2022-05-08 投用 嘉善科创中心项目"]);
    expect(ms[0]?.subjectId).not.toBeNull();
  });

  it("no topic entity in the previous sentence, or two of them: no milestone", () => {
    expect(run(["这座城市位于长江南岸。2016年5月正式启用。"])).toEqual([]);
    expect(run(["青浦区和吴江区位于太湖之滨。2020年6月正式启用。"])).toEqual([]);
  });

  it("a sentence with a subject of its own keeps it", () => {
    expect(subjects(run(["嘉善科创中心项目位于西塘镇。2022年5月8日,长三角文旅联盟正式成立。"]))).toEqual(["2022-05-08 成立 长三角文旅联盟"]);
  });
});

describe("a short reference nearer to an unnamed thing than to a known entity", () => {
  it("…新建地铁某站,其建成后…投运 is not the entity's", () => {
    const ms = run(["嘉善科创中心项目位于西塘镇。附近将新建地铁西塘北站,其完成建设后预计2025年底前实现投运。"]);
    expect(ms.map((m) => m.subject)).not.toContain("嘉善科创中心项目");
  });

  it("without an unnamed thing in between, 该项目 still resolves", () => {
    const ms = run(["嘉善科创中心项目位于西塘镇。该项目于2022年5月8日正式启用。"]);
    expect(ms.map((m) => `${m.date} ${m.subject}`)).toEqual(["2022-05-08 嘉善科创中心项目"]);
  });
});

describe("synonym verbs of existing actions", () => {
  it("组成 forms an organization, 由…组成 does not", () => {
    expect(brief(run(["2020年5月,三省一市联合组成长三角文旅联盟。"]))).toEqual(["2020-05 成立"]);
    expect(run(["2020年5月,长三角文旅联盟由沪苏浙皖四地文旅部门组成。"])).toEqual([]);
  });

  it("到YYYY年…组成了 in the past is done", () => {
    expect(brief(run(["到1997年组成了长三角城市经济协作组织。"]))).toEqual(["1997 成立"]);
  });

  it("maps 竣工验收, 正式运营, 建成启用, 奠基, 合龙, 揭幕 to one action each", () => {
    expect(canonicalAction("竣工验收")).toBe("竣工");
    expect(canonicalAction("正式运营")).toBe("投用");
    expect(canonicalAction("建成启用")).toBe("建成");
    expect(canonicalAction("奠基")).toBe("开工");
    expect(canonicalAction("合龙")).toBe("贯通");
    expect(canonicalAction("揭幕")).toBe("揭牌");
    expect(brief(run(["2022年7月,苏州轨道交通6号线正式运营。"]))).toEqual(["2022-07 投用"]);
  });
});

describe("one event told at two precisions in one article", () => {
  it("2021年3月…批复 and 2021年3月12日…批准 are one milestone with the day", () => {
    const ms = run(["2021年3月,国务院批复《嘉兴市国土空间总体规划》。", "2021年3月12日,国务院正式批准《嘉兴市国土空间总体规划》,要求抓好落实。"]);
    expect(brief(ms)).toEqual(["2021-03-12 批复"]);
  });

  it("different subjects or incompatible dates stay apart", () => {
    const ms = run(["2021年3月,国务院批复《嘉兴市国土空间总体规划》。", "2021年4月12日,国务院批准《湖州市国土空间总体规划》。"]);
    expect(brief(ms)).toEqual(["2021-03 批复", "2021-04-12 批复"]);
  });
});

describe("two precisions need one subject", () => {
  it("a meeting of the year and another ceremony of a day in one place stay apart", () => {
    const ms = run(["2021年,长三角文旅联盟年会在嘉善县成功举行。", "2021年5月11日,长三角文旅联盟颁奖典礼在西塘镇举行。"]);
    expect(brief(ms)).toEqual(["2021 举行", "2021-05-11 举行"]);
  });
});

describe("a topic continues only into an action it can undergo", () => {
  it("a plan opening the previous sentence is not what gets built", () => {
    expect(run(["《嘉善县综合交通规划》提出建设一批换乘枢纽。于2021年建成。"]).map((m) => m.subject)).not.toContain("嘉善县综合交通规划");
  });

  it("a plan opening the previous sentence is what gets issued", () => {
    const ms = run(["《嘉善县综合交通规划》提出建设一批换乘枢纽。于2020年正式发布。"]);
    expect(ms.map((m) => `${m.date} ${m.action} ${m.subject}`)).toEqual(["2020 发布 嘉善县综合交通规划"]);
  });
});
