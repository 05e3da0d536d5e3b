// Issue 12, round 3 (tests/gold/search-judgments-fresh2.json): the classes fixed, as pure units. A piece inside a
// knowledge-base name is no word of the text; Meilisearch's first tier keeps unknown query parts whole; topics
// expand to their search-only terms without those terms changing what an article is tagged with.
import { describe, expect, it } from "vitest";
import { classifyTopics, topicKeywords, topicSearchTerms } from "@/lib/extract/topics";
import { literalQuery } from "@/lib/search/query";
import { Segmenter } from "@/lib/search/segment";
import { FIRST_TIER_ATTRIBUTES, SEARCHABLE_ATTRIBUTES } from "@/lib/search/settings";

describe("a hit inside a longer name is not a whole word", () => {
  const seg = new Segmenter(["松江南站", "华东政法大学", "沪苏嘉城际铁路"]);

  it("keeps the name and the parts the plain dictionary splits it into as words", () => {
    const { words } = seg.indexTokenLayers("设上海虹桥站、松江南站、苏州南站");
    expect(words).toEqual(expect.arrayContaining(["松江南站", "松江", "南站"]));
    expect(seg.indexTokenLayers("沪苏嘉城际铁路开工").words).toEqual(expect.arrayContaining(["沪苏嘉城际铁路", "城际", "铁路"]));
  });

  it("files a piece straddling the name's parts, or inside one of them, as an inner word", () => {
    const station = seg.indexTokenLayers("设上海虹桥站、松江南站、苏州南站");
    expect(station.words).not.toContain("江南");
    expect(station.inner).toContain("江南");
    const school = seg.indexTokenLayers("华东政法大学等13所高校");
    expect(school.words).not.toContain("华东");
    expect(school.inner).toContain("华东");
  });

  it("leaves ordinary words (not names of the knowledge base) as search-mode words", () => {
    expect(seg.indexTokenLayers("推动华东地区的高质量发展").words).toEqual(expect.arrayContaining(["华东地区", "华东", "质量"]));
  });
});

describe("Meilisearch's first tier", () => {
  const ctx = { forms: new Map([["长三角一体化发展规划纲要", ["plan:x"]]]), groups: [["社保卡", "社会保障卡"]] };

  it("quotes a query part the knowledge base does not name, so the engine cannot match its pieces apart", () => {
    expect(literalQuery("文旅", ctx)).toBe('"文旅"');
    expect(literalQuery("水环境治理 嘉善", ctx)).toBe('"水环境治理" "嘉善"');
    expect(literalQuery('a"b', ctx)).toBe('"ab"');
  });

  it("keeps a known name or synonym as words, so its synonyms still apply", () => {
    expect(literalQuery("长三角一体化发展规划纲要", ctx)).toBe("长三角一体化发展规划纲要");
    expect(literalQuery("社保卡 文旅", ctx)).toBe('社保卡 "文旅"');
  });

  it("searches the article's own segmented words and entities, not its raw body, inner words or topics", () => {
    expect(FIRST_TIER_ATTRIBUTES).not.toContain("body");
    expect(FIRST_TIER_ATTRIBUTES).not.toContain("inner_seg");
    expect(FIRST_TIER_ATTRIBUTES).not.toContain("topic_terms");
    for (const a of FIRST_TIER_ATTRIBUTES) expect(SEARCHABLE_ATTRIBUTES).toContain(a);
  });
});

describe("topic search terms", () => {
  it("expand a topic to the phrasings articles and users use", () => {
    expect(topicSearchTerms("生态环境")).toEqual(expect.arrayContaining(["治水", "河长制"]));
    expect(topicSearchTerms("交通与基础设施")).toEqual(expect.arrayContaining(["铁路", "互联互通"]));
    expect(topicSearchTerms("产业与科技创新")).toContain("半导体");
    expect(topicKeywords("生态环境")).not.toContain("河长制");
  });

  it("do not count toward classification", () => {
    // Only search terms (none holds a keyword of the topic as a substring).
    const text = ["推行河长制、湖长制，河长、湖长巡查岸线、河道和湖泊。"];
    expect(classifyTopics("通知", text).map((t) => t.name)).not.toContain("生态环境");
  });
});
