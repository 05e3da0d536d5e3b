// Issue 12, round 8: the classes fixed, as units and end to end on both engines, on composed pages. A query that is one
// phrasing of a concept of the topic taxonomy (防汛 / 防洪 / 排涝) finds the articles about another phrasing, then those
// tagged with the concept's topic that write one, before the articles only tagged with the topic, and never an
// untagged article naming a phrasing in passing; a short query (农业) matches whole words on Meilisearch as on the
// fallback, never the inside of a longer name (中国农业银行), which the engine would split again; a place written with
// its level (安徽省) is also a word in its short form (安徽); a place named in the lede only as an item of a list (the nine
// cities of G60) is not central to the article.
import { describe, expect, it } from "vitest";
import { topicSearchTerms } from "@/lib/extract/topics";
import { conceptOf } from "@/lib/search/query";
import { isCentral } from "@/lib/search/documents";
import { placeShortForms, Segmenter, wordCode, wordCodes } from "@/lib/search/segment";
import { toMeiliSynonyms } from "@/lib/search/settings";
import { ENGINES, usePagesCorpus } from "./search-helpers/pages-corpus";

describe("concepts of the topic taxonomy", () => {
  it("give a member the other phrasings, most specific first, and their topic", () => {
    const c = conceptOf("防汛");
    expect(c?.topics).toEqual(["生态环境"]);
    expect(c?.terms.slice(0, 2)).toEqual(["防洪", "排涝"]);
    expect(c?.terms).not.toContain("防汛");
  });

  it("are normalized as queries are (A股 → a股)", () => {
    expect(conceptOf("股市")?.terms).toContain("a股");
  });

  it("give nothing for a word that is no member", () => {
    expect(conceptOf("图书馆")).toBeNull();
  });

  it("count their members as search terms of the topic (a topic query matches the tagged articles)", () => {
    expect(topicSearchTerms("生态环境")).toEqual(expect.arrayContaining(["防汛", "防洪"]));
    expect(topicSearchTerms("公共服务与民生")).toContain("抗疫");
  });
});

describe("whole-word codes", () => {
  it("are one run of letters, the same for the traditional form", () => {
    expect(wordCode("农业")).toMatch(/^q[a-p]+q$/);
    expect(wordCode("農業")).toBe(wordCode("农业"));
  });

  it("are never a prefix of a longer word's code (the engine matches the last query word as a prefix)", () => {
    expect(wordCode("农业银行").startsWith(wordCode("农业"))).toBe(false);
    expect(wordCodes("农业 银行 农业").split(" ")).toHaveLength(2);
  });

  it("join every synonym group in the engine's synonyms, so a short query's synonyms apply to the codes", () => {
    const syn = toMeiliSynonyms([["浙大", "浙江大学"]]);
    expect(syn[wordCode("浙大")]).toEqual([wordCode("浙江大学")]);
    expect(syn["浙大"]).toEqual(["浙江大学"]);
  });
});

describe("a place written with its level", () => {
  it("has its gazetteer short forms that begin it", () => {
    expect(placeShortForms("安徽省")).toEqual(["安徽"]);
    expect(placeShortForms("金山区")).toContain("金山");
    expect(placeShortForms("旧金山")).toEqual([]);
    expect(placeShortForms("图书馆")).toEqual([]);
  });

  it("is a word in its short form inside a longer name of the knowledge base", () => {
    const plan = "安徽省实施长江三角洲区域一体化发展规划纲要行动计划";
    const { words, inner } = new Segmenter([plan]).indexTokenLayers(plan);
    expect(words).toEqual(expect.arrayContaining([plan, "安徽省", "安徽"]));
    expect(inner).not.toContain("安徽");
  });
});

describe("a place listed in the lede", () => {
  it("is not central unless it is named often", () => {
    const lede = { mentions: 1, firstMention: 40 };
    expect(isCentral(lede)).toBe(true);
    expect(isCentral({ ...lede, listedInLede: true })).toBe(false);
    expect(isCentral({ ...lede, mentions: 3, listedInLede: true })).toBe(true);
  });
});

const PAGES: Record<string, string[]> = {
  // Writes the query.
  literal: ["某县部署防汛工作", "2024年5月10日，某县召开防汛工作会议，部署今年防汛备汛工作，加强河湖巡查。", "会议要求做好水环境和生态保护。"],
  // About another phrasing of the concept (in its title), tagged 生态环境.
  about: ["某区防洪排涝工程完工", "2024年6月1日，某区防洪排涝工程完工，新建泵站三座，河道生态环境明显改善。", "工程提升了区域水环境质量。"],
  // Tagged 生态环境, writes another phrasing in its body.
  tagged: ["某镇推进湿地保护", "2024年6月5日，某镇推进湿地保护和生态修复，改善水环境，完善排涝设施。", "生态环境部门将开展水质监测。"],
  // Tagged 生态环境, writes no phrasing of the concept.
  topicOnly: ["某市开展水质监测", "2024年6月8日，某市开展水质监测，地表水断面达标，生态环境持续改善。", "全市推进低碳发展。"],
  // Names a phrasing once in passing, tagged with another topic (文化旅游).
  passing: [
    "某市图书馆新馆开放",
    "2024年7月1日，某市图书馆新馆开放，藏书五十万册，设有少儿阅览室、古籍修复室、数字阅读区和报告厅。",
    "新馆由某设计院设计，外立面采用玻璃幕墙，中庭种植银杏，地下车库按防洪标准建设，可停车三百辆。",
    "开馆首日接待读者八千人次，读者可以凭身份证办理借书证，馆内提供咖啡、文创商品和自助借还服务。",
  ],
  // 农业 as a word.
  farm: ["某县发展现代农业", "2024年3月1日，某县推进现代农业发展，建设农业产业园，带动农民增收。", "全县农业产值增长。"],
  // 农业 only inside a bank's name, in the lede (a central entity).
  bank: ["某市举办金融知识普及活动", "2024年3月2日，中国农业银行某市分行、中国银行某市分行在市民广场举办金融知识普及活动。", "活动吸引市民参与。"],
  // On-topic, names 金华 once, as an item of the list of cities in its lede.
  listed: [
    "长三角G60科创走廊九城市联合举办人才招聘会",
    "2024年4月1日，长三角G60科创走廊上海松江、嘉兴、杭州、金华、苏州、湖州、宣城、芜湖、合肥九城市联合举办人才招聘会，推进长三角一体化发展。",
    "招聘会提供岗位一万个，九城市将深化区域合作，共建人才协同发展机制。",
  ],
  // Off-topic, about a place in 金华 named once in its lede.
  local: ["某图书馆举办古籍展", "2024年4月2日，金华市图书馆举办古籍展，展出古籍三百册。", "展览持续一个月。"],
};

const { ids, find } = usePagesCorpus(PAGES, "ranking8");

describe("a concept's phrasings on both engines", () => {
  it.each(ENGINES)("the literal hit, the article about another phrasing, the tagged one writing one, then the topic only (%s)", async (name) => {
    expect(await find("防汛", name)).toEqual([ids.literal, ids.about, ids.tagged, ids.topicOnly]);
  });

  it.each(ENGINES)("a phrasing named in passing by an article of another topic is no match (%s)", async (name) => {
    expect(await find("防汛", name)).not.toContain(ids.passing);
    // Its own word still finds it, after the articles about the flood works.
    expect(await find("防洪", name)).toContain(ids.passing);
  });
});

describe("a short query on both engines", () => {
  it.each(ENGINES)("matches the article with the word, not the one with it inside a bank's name (%s)", async (name) => {
    expect(await find("农业", name)).toEqual([ids.farm]);
  });

  it.each(ENGINES)("still finds the bank first by its own words (%s)", async (name) => {
    expect((await find("农业银行", name))[0]).toBe(ids.bank);
  });
});

describe("a place listed in the lede on both engines", () => {
  it.each(ENGINES)("ranks the article naming it in its lede before the on-topic one listing it among nine cities (%s)", async (name) => {
    const hits = await find("金华", name);
    expect(hits.slice(0, 2)).toEqual([ids.local, ids.listed]);
  });
});
