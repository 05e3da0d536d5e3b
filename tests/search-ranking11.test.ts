// Issue 12, round 11: a query written as a sentence or question (哪些医院可以异地结算医保, 安徽怎么融入长三角一体化) is
// searched by its content words, on both engines: the words jieba's dictionary tags as pronouns and interrogatives,
// particles and conjunctions, and the A-not-A forms (是不是, 有没有), say what is asked, never what a page is about.
// Kept, they failed the fallback's every-word match and made Meilisearch drop the query's last (content) words first.
import { describe, expect, it } from "vitest";
import { isAnotA, Segmenter } from "@/lib/search/segment";
import { mostMatchOf } from "@/lib/search/query";
import { vocabulary } from "@/lib/search/documents";
import { ENGINES, usePagesCorpus } from "./search-helpers/pages-corpus";

describe("the content words of a question", () => {
  const seg = new Segmenter(vocabulary([]));
  it.each([
    ["太湖上的轮渡航线什么时候开通", "太湖 上 轮渡 航线 时候 开通"],
    ["哪些医院可以异地结算医保", "医院 异地 结算 医保"],
    ["嘉兴到底有没有磁悬浮列车呢", "嘉兴 到底 磁悬浮列车"],
    ["上海和苏州怎样合作建设科创走廊", "上海 苏州 合作 建设 科创 走廊"],
    ["湖州的茶叶卖到了哪里", "湖州 茶叶 卖到"],
  ])("%s → %s", (q, content) => {
    expect(seg.questionContent(q)).toBe(content);
  });

  it.each(["怎么办", "能不能", "我们的", "长三角一体化示范区", "苹果手机工厂违反劳动法", "G60 科创走廊"])("%s is searched as written", (q) => {
    expect(seg.questionContent(q)).toBeNull();
  });

  it("reads A-not-A forms by their shape", () => {
    expect(["是不是", "有没有", "会不会", "能不能"].every(isAnotA)).toBe(true);
    expect(["不是", "不不不", "是否", "差不多"].some(isAnotA)).toBe(false);
  });
});

const PAGES: Record<string, string[]> = {
  // Answers the question, in none of its function words.
  answer: [
    "三甲医院开通跨省异地结算医保",
    "2024年4月1日起，本市十二家三甲医院开通跨省异地结算医保，外地参保人看病住院可直接刷卡。",
    "医保部门表示，下半年还将有更多医院接入异地结算平台。",
  ],
  // Writes the question's function words and one of its words, about something else.
  other: [
    "哪些医院可以办理医保业务",
    "市民可以通过热线咨询哪些医院可以办理医保业务？哪些事项可以网上办理？医院挂号可以在哪些平台预约？",
    "热线工作人员介绍，市民可以咨询哪些医保政策，哪些手续可以一次办成，哪些医院可以延时服务。",
  ],
  // Holds three of the four words of 渡轮票价调整方案, off the region's integration.
  ferry: ["一家航运公司调整渡轮票价", "2024年5月1日起，某航运公司渡轮票价调整为每人十元，学生半价。", "公司表示，渡轮班次不变。"],
  // On the region's integration, holds one of them (方案) again and again.
  plan: [
    "长三角生态绿色一体化发展示范区发布跨省公交方案",
    "长三角生态绿色一体化发展示范区执委会发布跨省公交方案，方案明确青浦、吴江、嘉善三地新开五条跨省公交线路。",
    "根据方案，三地将统一票制，方案自2024年7月起实施，推动长三角一体化交通互联互通。",
  ],
  unrelated: ["某区举办读书节", "2024年4月23日，某区举办读书节，二十家书店参与。", "读书节持续一个月。"],
};

const { ids, find } = usePagesCorpus(PAGES, "ranking11");

describe("a question", () => {
  it.each(ENGINES)("finds the page answering it first, not the page writing its question words (%s)", async (name) => {
    const hits = await find("哪些医院可以异地结算医保", name);
    expect(hits[0]).toBe(ids.answer);
    expect(hits).not.toContain(ids.unrelated);
  });

  it.each(ENGINES)("finds the same page as its content words do (%s)", async (name) => {
    const asked = await find("异地结算医保的医院有哪些呢", name);
    const said = await find("异地结算医保 医院", name);
    expect(asked[0]).toBe(ids.answer);
    expect(asked[0]).toBe(said[0]);
  });
});

// A query of three words or more that no article holds in full: the articles holding all its words but one come before
// those holding fewer, whatever their topic (the fallback's `most` tier; Meilisearch's `words` rule ranks so already).
describe("all of a query's words but one", () => {
  it("is each word left out in turn", () => {
    expect(mostMatchOf(["渡轮", "票价", "调整"])).toBe('("票价" AND "调整") OR ("渡轮" AND "调整") OR ("渡轮" AND "票价")');
    expect(mostMatchOf(["用户", "数据", "泄露", "12306"])?.split(" OR ")).toHaveLength(4);
    expect(mostMatchOf(["示范区", "公交"])).toBeNull();
    expect(mostMatchOf(["太湖"])).toBeNull();
  });

  it.each(ENGINES)("ranks the page holding three of four words before an on-topic page holding one (%s)", async (name) => {
    for (const q of ["渡轮票价调整方案", "渡轮 票价 调整 方案", "渡轮票价怎样调整方案"]) {
      const hits = await find(q, name);
      // Meilisearch drops the query's last words until some article holds the rest: the plan page may not be matched.
      if (name === "sqlite") expect(hits).toContain(ids.plan);
      expect(hits.indexOf(ids.ferry!), q).toBe(0);
    }
  });
});
