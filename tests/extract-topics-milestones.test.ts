import { describe, expect, it } from "vitest";
import { extract, milestoneKey } from "@/lib/extract";
import { classifyTopics } from "@/lib/extract/topics";

const article = (paragraphs: string[], published: string | null = "2019-10-31") =>
  extract({ title: "测试", paragraphs, published, publishedPrecision: published ? "day" : null });

describe("classifyTopics", () => {
  it("scores several topics in [0, 1], best first", () => {
    const t = classifyTopics("示范区生态环境持续改善", [
      "地表水优Ⅲ类断面比例从75%上升到96.2%,生态保护红线,共保联治,水环境治理。",
      "跨省公交线路开通,铁路和城际轨道加快建设。",
    ]);
    expect(t[0]).toEqual({ name: "生态环境", score: 1 });
    expect(t.map((x) => x.name)).toContain("交通与基础设施");
    for (const x of t) {
      expect(x.score).toBeGreaterThan(0);
      expect(x.score).toBeLessThanOrEqual(1);
    }
    expect(t.map((x) => x.name)).not.toContain("金融");
  });

  it("returns nothing for text without any keyword", () => {
    expect(classifyTopics("你好", ["今天天气不错。"])).toEqual([]);
  });
});

describe("milestones", () => {
  it("links a date, an action and the plan it is about (the actor is an object)", () => {
    const x = article(["2023年2月,国务院批复《长三角生态绿色一体化发展示范区国土空间总体规划(2021—2035年)》,这是国内首个跨省域国土空间规划。"], "2023-03-01");
    expect(x.milestones).toEqual([
      {
        date: "2023-02",
        dateEnd: null,
        precision: "month",
        action: "批复",
        status: "done",
        subject: "长三角生态绿色一体化发展示范区国土空间总体规划(2021—2035年)",
        subjectId: expect.stringMatching(/^plan:/),
        objects: ["国务院"],
        event: "国务院批复《长三角生态绿色一体化发展示范区国土空间总体规划(2021—2035年)》",
        sentence: "2023年2月,国务院批复《长三角生态绿色一体化发展示范区国土空间总体规划(2021—2035年)》,这是国内首个跨省域国土空间规划。",
        entities: ["长三角生态绿色一体化发展示范区国土空间总体规划(2021—2035年)", "国务院"],
        entityIds: expect.any(Array),
        paragraph: 0,
      },
    ]);
  });

  it("keeps a meeting held and a document issued in one sentence as two events", () => {
    const x = article(["今年6月,浙江省委、省政府召开全省推进长三角一体化发展大会,出台了《浙江省推进长江三角洲区域一体化发展行动方案》。"]);
    expect(x.milestones.map((m) => [m.date, m.action, m.subject])).toEqual([
      ["2019-06", "举行", "全省推进长三角一体化发展大会"],
      ["2019-06", "印发", "浙江省推进长江三角洲区域一体化发展行动方案"],
    ]);
  });

  it("makes targets planned, skips actions inside names and keeps unresolvable dates off the timeline", () => {
    expect(article(["今年底一个剧院有望结顶。"]).milestones.map((m) => [m.date, m.action, m.status])).toEqual([["2019-12", "封顶", "planned"]]);
    expect(article(["7月25日,长三角区域合作办公室举行新闻发布会。"]).milestones.map((m) => m.action)).toEqual(["举行"]);
    expect(article(["2月20日,《跨省域国土空间规划实施体检评估技术指南》正式发布。"], null).milestones.map((m) => [m.date, m.action])).toEqual([[null, "发布"]]);
    expect(article(["如今年2月以来,先行启动区总规获两省一市政府批复。"]).milestones.map((m) => m.action)).toEqual(["批复"]);
  });

  it("gives the same key to the same event reported with different actors", () => {
    const a = article(["2023年2月,国务院批复《长三角生态绿色一体化发展示范区国土空间总体规划(2021—2035年)》。"]).milestones[0];
    const b = article(["2023年2月,示范区总规获批复。"]).milestones[0];
    expect(a && b && milestoneKey(a)).toBe(b && milestoneKey(b));
  });

  it("keeps the end of a date range on the date mention", () => {
    const x = extract({ title: "t", paragraphs: ["12月8日至9日,推进会在上海青浦召开。"], published: "2023-12-09", publishedPrecision: "day" });
    expect(x.entities.find((e) => e.kind === "date")).toMatchObject({ value: "2023-12-08", valueEnd: "2023-12-09", precision: "day" });
    expect(x.milestones.map((m) => [m.date, m.dateEnd, m.action])).toEqual([["2023-12-08", "2023-12-09", "举行"]]);
  });
});

