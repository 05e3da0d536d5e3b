/**
 * Milestone classes of the seventh round (issue 10), found by reading the misses and false milestones of the tuned
 * sets (milestones-fresh … fresh8) and each tested on sentences composed for these tests, not the gold passages:
 * verbs missing from the taxonomy (作出…决定, 写入《…》, 吸纳…入会, 升格为), one event told with two verbs (批复设立,
 * 建成并投入使用, 作出决定 and what it decides, 印发 and a 发布仪式 of the same document), things that are not events
 * (a copula's description, a step the sentence's event comes with, an unnamed set of projects, sessions held
 * 分别, a verb inside a document named without quotes), dates a sentence without one of its own takes (还/同步 after a
 * sentence dated to the day, 当天 two paragraphs on), and subjects told by a short form or a modified noun phrase.
 */
import { describe, expect, it } from "vitest";
import { extract, type Milestone } from "@/lib/extract";

const run = (paragraphs: string[], published: string | null = "2024-05-20", title = "测试") =>
  extract({ title, paragraphs, published, publishedPrecision: published ? "day" : null }).milestones;
const line = (m: Milestone) => `${m.date ?? "undated"} ${m.action}${m.status === "planned" ? " planned" : ""}`;
const brief = (ms: Milestone[]) => ms.map(line);

describe("verbs the taxonomy lacked", () => {
  it("作出…决定 adopts a decision (通过); 作出贡献 and 作出部署 are no event", () => {
    expect(brief(run(["2022年11月,苏浙两省人大常委会同步作出加强太湖流域协同保护的决定。"]))).toEqual(["2022-11 通过"]);
    expect(brief(run(["2022年11月,两地企业为区域发展作出了重要贡献。"]))).toEqual([]);
    expect(brief(run(["2022年11月,市政府作出专项部署。"]))).toEqual([]);
  });

  it("作出决定 and the clause telling what it decides are one event", () => {
    const ms = run(["今年3月,联盟理事会第二次会议作出决定,在秘书处下增设数据共享工作组。"]);
    expect(brief(ms)).toEqual(["2024-03 通过"]);
  });

  it("写入《…》 or a work report is being written into a document (纳入); 写入数据 is not", () => {
    expect(brief(run(["2021年3月,长三角数字干线首次写入省级年度工作报告。"]))).toEqual(["2021-03 纳入"]);
    expect(brief(run(["皖北承接产业转移集聚区于2022年1月被写入《国务院关于推动安徽高质量发展的意见》。"]))).toEqual(["2022-01 纳入"]);
    expect(brief(run(["2021年3月,系统写入了新一批监测数据。"]))).toEqual([]);
  });

  it("吸纳…入会 admits members (纳入); 吸纳就业 is a figure", () => {
    expect(brief(run(["2016年6月,长三角旅游合作联盟在湖州召开年会,吸纳丽水、衢州两市入会。"]).filter((m) => m.action !== "举行"))).toEqual(["2016-06 纳入"]);
    expect(brief(run(["2016年6月,该园区吸纳就业三千余人。"]))).toEqual([]);
  });

  it("升格为 founds a body under its new name", () => {
    const ms = run(["长三角港口联席会议于2009年升格为长三角港口管理部门合作联席会议。"]);
    expect(brief(ms)).toEqual(["2009 成立"]);
  });
});

describe("one event told with two verbs", () => {
  it("批复设立 and 批复同意设立 are the approval, not also a founding", () => {
    expect(brief(run(["2021年6月,安徽省政府批复同意设立郎溪—广德省际产业合作区。"]))).toEqual(["2021-06 批复"]);
    expect(brief(run(["顶山—汊河一体化发展示范区2020年4月获两省政府批复设立。"]))).toEqual(["2020-04 批复"]);
    // A founding told on its own stays one.
    expect(brief(run(["2021年6月,郎溪—广德省际产业合作区管委会正式成立。"]))).toEqual(["2021-06 成立"]);
  });

  it("建成并投入使用 and 竣工并通车 are one construction event", () => {
    expect(brief(run(["苏州湾文化中心一期已于2022年8月建成并投入使用。"]))).toEqual(["2022-08 建成"]);
    expect(brief(run(["2023年12月,沪渝蓉高铁南京段竣工并通车。"]))).toEqual(["2023-12 竣工"]);
  });

  it("a document issued and its 发布仪式 the same day are one milestone about the document", () => {
    const ms = run(["6月3日,两省一市政府联合印发《淀山湖水环境联合保护规划》。", "据了解,3日上午,规划联合发布仪式在昆山举行。"], "2024-06-04");
    expect(ms.map((m) => `${line(m)} ${m.subject}`)).toEqual(["2024-06-03 印发 淀山湖水环境联合保护规划"]);
  });
});

describe("things that are not events", () => {
  it("a clause opening with a copula describes: 这是…首个完成…的站 is no event", () => {
    const ms = run(["沪宁沿江高铁句容站于4月2日顺利封顶,这是该线路江苏段首个完成钢结构施工的车站。"]);
    expect(brief(ms)).toEqual(["2024-04-02 封顶"]);
  });

  it("a 随着 clause is the step the sentence's event comes with", () => {
    const ms = run(["3日下午,随着最后一节钢箱梁吊装完成,常泰长江大桥北引桥顺利合龙。"]);
    expect(brief(ms)).toEqual(["2024-05-03 贯通"]);
  });

  it("an unnamed set of projects or firsts has no subject", () => {
    expect(brief(run(["今年,嘉兴将开工一批跨界互联互通项目。"]))).toEqual([]);
    expect(brief(run(["到2027年,走廊九城市将建成一批新型研发机构。"]))).toEqual([]);
    expect(brief(run(["2023年,示范区完成了一系列制度创新。"]))).toEqual([]);
    // A named project still is one.
    expect(brief(run(["今年,嘉兴将开工建设嘉兴至枫南市域铁路。"]))).toEqual(["2024 开工 planned"]);
  });

  it("sessions held 分别 by several bodies are no named meeting; what they pass is the event", () => {
    const ms = run(["4月25日至26日,沪苏两地人大常委会分别召开会议,审议通过《关于促进跨界水体联保共治的决定》。"]);
    expect(brief(ms)).toEqual(["2024-04-25 通过"]);
  });

  it("a verb inside a document named without quotes (关于…的决定) is part of its name", () => {
    const ms = run(["3月8日,长三角会展业联席会议审议通过了关于吸纳宣城、滁州两市加入长三角会展城市联盟的决定。"]);
    expect(brief(ms)).toEqual(["2024-03-08 通过"]);
  });
});

describe("more verbs and objects", () => {
  it("通过…的地方性法规 passes a law; 通过…方式 is a means", () => {
    expect(brief(run(["2023年11月,苏浙皖三省人大常委会同步通过促进长三角林长制协同的地方性法规。"]))).toEqual(["2023-11 通过"]);
    expect(brief(run(["2023年11月,三地通过视频连线方式会商。"]))).toEqual([]);
  });

  it("扩展至 places named right after joins them (纳入); 扩展至 a field does not", () => {
    expect(brief(run(["2019年4月,长三角人才一卡通试点扩展至湖州、宣城。"]))).toEqual(["2019-04 纳入"]);
    expect(brief(run(["2019年4月,该公司业务扩展至新能源领域。"]))).toEqual([]);
  });

  it("完成 a work of some size is an event; 完成 an amount is a figure", () => {
    expect(brief(run(["宁杭二通道计划年底前完成全线12座桥梁的桩基施工。"]))).toEqual(["2024-12 完成 planned"]);
    expect(brief(run(["2023年,示范区完成固定资产投资820亿元。"]))).toEqual([]);
  });
});

describe("subjects", () => {
  it("位于…的 before a name told in words qualifies it: the name is the subject", () => {
    const ms = run(["此外,位于嘉善县姚庄镇的农创客孵化中心三期已于上月开业。"]);
    expect(ms.map((m) => `${line(m)} ${m.subject}`)).toEqual(["2024-04 投用 农创客孵化中心三期"]);
  });

  it("a short form opening a sentence is the name told before: its tail, or its characters in order", () => {
    const tail = run(["9月1日,南浔—震泽跨省大桥正式通车。", "大桥全长约900米,2022年5月开工建设。"], "2024-09-02");
    expect(tail.map((m) => `${line(m)} ${m.subject}`)).toEqual(["2024-09-01 开通 南浔—震泽跨省大桥", "2022-05 开工 南浔—震泽跨省大桥"]);
    const abbreviated = run(["12月28日,合肥至安庆高速铁路正式开通运营。", "合安高铁全长162公里,2018年1月开工。"], "2024-12-29");
    expect(abbreviated.map((m) => `${line(m)} ${m.subject}`)).toEqual(["2024-12-28 开通 合肥至安庆高速铁路", "2018-01 开工 合肥至安庆高速铁路"]);
    const phase = run(["5月3日,苏州湾科创中心二期工程开工。", "此次开工的二期工程总建筑面积约12万平方米,预计2026年3月竣工。"]);
    expect(phase.map((m) => `${line(m)} ${m.subject}`)).toEqual(["2024-05-03 开工 苏州湾科创中心二期工程", "2026-03 竣工 planned 苏州湾科创中心二期工程"]);
    // A short form nothing before ends with stays without a subject.
    expect(brief(run(["大桥全长约900米,2022年5月开工建设。"]))).toEqual([]);
  });

  it("该项目 after a project the article names only in words is that project", () => {
    const ms = run(["今天上午,连接浙江嘉善和上海金山的枫泾—大云对接工程正式通车。", "该项目全长约2公里,于2022年4月开工。"]);
    expect(brief(ms)).toEqual(["2024-05-20 开通", "2022-04 开工"]);
  });

  it("a modifier ending in 的 before the sentence's name, a list without 等, a clause that is only a noun phrase", () => {
    expect(brief(run(["与南京长江五桥同期推进的江阴靖江长江隧道,已于今年3月全线贯通。"]))).toEqual(["2024-03 贯通"]);
    const list = run(["与之衔接的宁淮城际铁路、盐泰锡常宜铁路正在加快建设,预计2027年建成投用。"]);
    expect(list.map((m) => `${line(m)} ${m.subject}`)).toEqual(["2027 建成 planned 宁淮城际铁路、盐泰锡常宜铁路"]);
    const head = run(["嘉善片区的另一座地标桑基鱼塘展示园,则计划于明年6月竣工。"]);
    expect(brief(head)).toEqual(["2025-06 竣工 planned"]);
    expect(head[0]?.subject).toMatch(/桑基鱼塘展示园$/);
  });
});

describe("dates", () => {
  it("会议还审议通过 takes the meeting's day", () => {
    const ms = run(["4月9日,长三角文旅合作联席会议在绍兴召开。会议还审议通过了《长三角文旅一卡通实施办法》。"]);
    expect(brief(ms)).toEqual(["2024-04-09 举行", "2024-04-09 通过"]);
  });

  it("a review of last year read in January: a bare month told before last year's December is last year's", () => {
    const ms = run(["项目建设方面,嘉善至西塘市域铁路于8月开工,苏州南站综合枢纽工程于12月20日开工。"], "2024-01-08");
    expect(brief(ms)).toEqual(["2023-08 开工", "2023-12-20 开工"]);
    // Told alone, a later month of the year is still this year's (a schedule).
    expect(brief(run(["苏州南站综合枢纽工程将于8月开工。"], "2024-01-08"))).toEqual(["2024-08 开工 planned"]);
  });

  it("a schedule told in January: the clause after it continues it, and its December is this year's", () => {
    const ms = run(["苏州南站综合枢纽工程将于3月开工,12月底完工。"], "2024-01-08");
    expect(brief(ms)).toEqual(["2024-03 开工 planned", "2024-12 竣工 planned"]);
    // 根据计划 reports a schedule kept: last December stays last year's.
    expect(brief(run(["根据计划,苏州南站综合枢纽工程于12月28日建成通车。"], "2024-01-08"))).toEqual(["2023-12-28 建成"]);
    // 也已建成 is a state by the publication, not an event of the day just told.
    expect(brief(run(["12月30日,沪苏湖铁路开通。沪宁沿江高铁也已建成通车。"], "2024-01-08"))).toEqual(["2023-12-30 开通"]);
  });

  it("a month before last year's December is this year's when the publication says so too", () => {
    const ms = run(["长三角碳普惠平台2022年启动建设,去年12月完成联调。3月12日,三地在嘉兴签署了《长三角碳普惠数据互认协议》。"]);
    expect(brief(ms)).toEqual(["2022 启动", "2023-12 完成", "2024-03-12 签署"]);
  });
});

describe("a sentence without a date of its own", () => {
  it("还/同步 after a sentence dated to the day: that day, for that clause only", () => {
    const ms = run(["5月9日,长三角数字贸易联盟在杭州揭牌成立。十家成员单位还共同签署了《数据跨境合作备忘录》,将建立定期会商机制。"]);
    expect(brief(ms)).toEqual(["2024-05-09 揭牌", "2024-05-09 签署"]);
    const ms2 = run(["会上,G60科创走廊知识产权服务中心正式揭牌。九城市专利导航平台同步上线。"].map((p, i) => (i === 0 ? `5月9日,G60科创走廊联席会议在嘉兴召开。${p}` : p)));
    expect(brief(ms2)).toEqual(["2024-05-09 举行", "2024-05-09 揭牌", "2024-05-09 上线"]);
    // Without a sentence dated to the day before, 还 dates nothing.
    expect(brief(run(["十家成员单位还共同签署了《数据跨境合作备忘录》。"]))).toEqual([]);
  });

  it("the items of a list after a colon share the date told before it", () => {
    const ms = run(["湖州南太湖新区12日迎来两件喜事:上午,长三角绿色智造创新中心正式揭牌;下午,湖州南太湖新区未来城综合管廊工程开工。"]);
    expect(brief(ms)).toEqual(["2024-05-12 揭牌", "2024-05-12 开工"]);
  });

  it("当天 reaches the day told two paragraphs back, across a paragraph of background", () => {
    const ms = run([
      "5月16日,苏皖合作示范区首个共建产业园开园。",
      "苏皖合作示范区于2021年6月获两省政府批复设立。",
      "当天,两地政府还签署了《共建产业园税收分享协议》。",
    ]);
    expect(brief(ms)).toEqual(["2024-05-16 投用", "2021-06 批复", "2024-05-16 签署"]);
  });
});

describe("words read wrongly before", () => {
  it("启动区域… is a launch (区域 is no 启动区); a year before 与 is a date, not part of a name", () => {
    expect(brief(run(["2019年,苏浙两省启动区域医保互认首批试点。"]))).toEqual(["2019 启动"]);
    expect(brief(run(["嘉兴南站枢纽计划2026年与沪嘉城际铁路同步投用。"]))).toEqual(["2026 投用 planned"]);
  });

  it("该办法/决定 将自…起施行 puts the document named before in force", () => {
    const ms = run(["《长三角科创券通兑办法》于5月印发。该办法将自7月1日起施行。"]);
    expect(ms.map((m) => `${line(m)} ${m.subject}`)).toEqual(["2024-05 印发 长三角科创券通兑办法", "2024-07-01 实施 planned 长三角科创券通兑办法"]);
    const decided = run(["5月8日,两地人大常委会表决通过《关于加强淀山湖联合保护的决定》。决定将自8月1日起施行。"]);
    expect(brief(decided)).toEqual(["2024-05-08 通过", "2024-08-01 实施 planned"]);
  });
});

describe("short references by their noun", () => {
  it("该中心 is the last name ending in 中心, even in an earlier paragraph and whatever kind it was typed", () => {
    const ms = run(["去年6月,长三角人工智能技术创新中心在合肥完成注册并正式运行。", "今年,该中心将启动首批15个联合攻关项目。"], "2022-03-01");
    expect(ms.filter((m) => m.action === "启动").map((m) => `${line(m)} ${m.subject}`)).toEqual(["2022 启动 planned 长三角人工智能技术创新中心"]);
  });

  it("建立…河长制/湖长制 sets up a mechanism", () => {
    expect(brief(run(["此前,三地已于2021年5月建立跨界湖长制。"]))).toEqual(["2021-05 成立"]);
  });
});
