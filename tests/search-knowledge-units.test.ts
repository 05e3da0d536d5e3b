// Issue 12, the pure parts: variant characters, aliases stated in text, highlight words, short queries, entity
// linking and suggestions, and the knowledge-base fields of a search document.
import { describe, expect, it } from "vitest";
import { findAliasStatements, isAbbreviationOf, reviewStatus, withVerdict, type ReviewedAliases } from "@/lib/extract/aliases";
import type { EntityMention } from "@/lib/extract/types";
import { buildSearchDoc, CENTRAL_MENTIONS } from "@/lib/search/documents";
import { analyzeQuery, entityForms, linkEntities } from "@/lib/search/query";
import { buildEntityGraph } from "@/lib/search/documents";
import { isHighlightWord, isShortQuery, normalizeForSearch, Segmenter } from "@/lib/search/segment";
import { suggestEntities } from "@/lib/search/suggest";
import { foldVariants, variantTable } from "@/lib/search/variants";
import type { EntityNode, IndexSource } from "@/db/queries/search";

describe("variant characters (OpenCC variant tables)", () => {
  it("folds the variants t → cn leaves apart, in documents and queries alike", () => {
    expect(foldVariants("衞生")).toBe("卫生");
    expect(foldVariants("粧")).toBe("妆");
    expect(normalizeForSearch("衞生健康委")).toBe(normalizeForSearch("卫生健康委"));
    expect(normalizeForSearch("峯會")).toBe("峰会");
    expect(normalizeForSearch("澱山湖")).toBe("淀山湖");
    expect(normalizeForSearch("華爲練秋湖")).toBe("华为练秋湖");
  });

  it("comes from the dictionaries, never folds a simplified character", () => {
    const table = variantTable();
    expect(table.size).toBeGreaterThan(5);
    expect(table.has("么")).toBe(false);
    expect(foldVariants("什么")).toBe("什么");
  });
});

const mention = (over: Partial<EntityMention> & Pick<EntityMention, "id" | "name" | "kind" | "start" | "end">): EntityMention => ({ text: over.name, paragraph: 0, ...over });

describe("aliases stated in text", () => {
  it("reads 以下简称 / 又称 / 原名 after a mention, with the statement as its source", () => {
    const p0 = "长三角集成电路融合创新发展产业联盟(以下简称“集成电路联盟”)举行揭牌仪式。";
    const p1 = "祥符荡创新中心,又称祥符荡科创谷,位于嘉善。";
    const p2 = "西岑科创中心(原名西岑社区)建设提速。";
    const texts = [{ index: 0, text: p0 }, { index: 1, text: p1 }, { index: 2, text: p2 }];
    const ms = [
      mention({ id: "organization:a", kind: "organization", name: "长三角集成电路融合创新发展产业联盟", start: 0, end: 17 }),
      mention({ id: "project:b", kind: "project", name: "祥符荡创新中心", paragraph: 1, start: 0, end: 7 }),
      mention({ id: "project:c", kind: "project", name: "西岑科创中心", paragraph: 2, start: 0, end: 6 }),
    ];
    const found = findAliasStatements(texts, ms);
    expect(found.map((a) => [a.entityId, a.alias, a.pattern])).toEqual([
      ["organization:a", "集成电路联盟", "以下简称"],
      ["project:b", "祥符荡科创谷", "又称"],
      ["project:c", "西岑社区", "原名"],
    ]);
    expect(found[0]!.text).toBe("长三角集成电路融合创新发展产业联盟(以下简称“集成电路联盟”)");
  });

  it("takes a bare parenthesized short form only when it abbreviates the name", () => {
    const text = "长三角生态绿色一体化发展示范区(示范区)与苏州湾(吴江)合作。";
    const ms = [
      mention({ id: "region:yrd-demo", kind: "region", name: "长三角生态绿色一体化发展示范区", start: 0, end: 15 }),
      mention({ id: "region:x", kind: "region", name: "苏州湾", start: 20, end: 23 }),
    ];
    expect(findAliasStatements([{ index: 0, text }], ms).map((a) => a.alias)).toEqual(["示范区"]);
    expect(isAbbreviationOf("示范区", "长三角生态绿色一体化发展示范区")).toBe(true);
    expect(isAbbreviationOf("吴江", "苏州湾")).toBe(false);
  });

  it("rejects one article's back-references: a bare document type, the tail of a title, a common tail", () => {
    const text = "《虹桥国际开放枢纽建设总体方案》(以下简称《方案》)和《三年举措规划》(以下简称《举措规划》)及某某产业联盟(以下简称“联盟”)。";
    const plan1 = text.indexOf("虹桥");
    const plan2 = text.indexOf("三年举措规划");
    const org = text.indexOf("某某产业联盟");
    const ms = [
      mention({ id: "plan:a", kind: "plan", name: "虹桥国际开放枢纽建设总体方案", start: plan1, end: plan1 + 14 }),
      mention({ id: "plan:b", kind: "plan", name: "三年举措规划", start: plan2, end: plan2 + 6 }),
      mention({ id: "organization:c", kind: "organization", name: "某某产业联盟", start: org, end: org + 6 }),
    ];
    expect(findAliasStatements([{ index: 0, text }], ms)).toEqual([]);
  });

  it("applies the reviewer's verdicts, and moves a pair between them", () => {
    let data: ReviewedAliases = { confirmed: [], rejected: [] };
    expect(reviewStatus("region:yrd-demo", "示范区", data)).toBe("proposed");
    data = withVerdict(data, "region:yrd-demo", "示范区", "rejected");
    expect(reviewStatus("region:yrd-demo", "示范区", data)).toBe("rejected");
    data = withVerdict(data, "region:yrd-demo", "示范区", "confirmed", "通用简称");
    expect(reviewStatus("region:yrd-demo", "示范区", data)).toBe("confirmed");
    expect(data).toEqual({ confirmed: [{ entity: "region:yrd-demo", alias: "示范区", note: "通用简称" }], rejected: [] });
  });
});

const nodes: EntityNode[] = [
  { id: "project:huawei", kind: "project", name: "华为青浦研发中心", parentId: null, aliases: ["华为练秋湖研发中心", "华为研发中心"] },
  { id: "project:xfd", kind: "project", name: "祥符荡创新中心", parentId: null, aliases: ["嘉善祥符荡创新中心"] },
  { id: "region:330421", kind: "region", name: "嘉善", parentId: "region:330400", aliases: ["嘉善县"] },
  { id: "region:330400", kind: "region", name: "嘉兴", parentId: "region:33", aliases: ["嘉兴市"] },
];
const seg = new Segmenter(["华为青浦研发中心", "祥符荡创新中心"]);
const ctx = { seg, groups: [], graph: buildEntityGraph(nodes), forms: entityForms(nodes) };

describe("queries", () => {
  it("highlights the query's own uncommon words, never a single character or a common word split off it", () => {
    expect(isHighlightWord("年")).toBe(false);
    expect(isHighlightWord("发展")).toBe(false);
    expect(isHighlightWord("华为")).toBe(true);
    expect(isHighlightWord("5G")).toBe(true);
    const aq = analyzeQuery("2020年长三角发展", ctx);
    expect(aq.terms).not.toContain("年");
    expect(aq.terms).not.toContain("发展");
    expect(aq.terms).toContain("长三角");
  });

  it("a query of at most two Han characters is short", () => {
    expect(isShortQuery("都市")).toBe(true);
    expect(isShortQuery("都市圈")).toBe(false);
    expect(isShortQuery("5g")).toBe(false);
    expect(analyzeQuery("都市", ctx).short).toBe(true);
  });

  it("links a query to the entities it names: the whole query, an alias, or names inside it", () => {
    expect(linkEntities(normalizeForSearch("华为练秋湖研发中心"), ctx)).toEqual(["project:huawei"]);
    expect(linkEntities(normalizeForSearch("嘉善县"), ctx)).toContain("region:330421");
    expect(linkEntities(normalizeForSearch("祥符荡创新中心 进展"), ctx)).toEqual(["project:xfd"]);
    expect(linkEntities(normalizeForSearch("今天天气"), ctx)).toEqual([]);
  });

  it("suggests entities by what is typed: prefix before infix, with the kind and the alias matched", () => {
    const s = suggestEntities("嘉善", ctx);
    expect(s[0]).toMatchObject({ id: "region:330421", kind: "region", name: "嘉善", matched: null });
    expect(s.map((x) => x.id)).toContain("project:xfd");
    expect(s.find((x) => x.id === "project:xfd")?.matched).toBe("嘉善祥符荡创新中心");
    const huawei = suggestEntities("华为练", ctx)[0];
    expect(huawei).toMatchObject({ id: "project:huawei", kindLabel: "项目", href: "/entities/project/huawei" });
    expect(suggestEntities("", ctx)).toEqual([]);
  });
});

describe("search documents know the knowledge base", () => {
  const source: IndexSource = {
    id: "a1",
    title: "祥符荡创新中心新进展",
    body: "嘉善县祥符荡创新中心今年又有新项目落地。\n\n文中顺带提到华为练秋湖研发中心。\n\n华为青浦研发中心位于上海大都市意境之中。",
    published: "2024-05-01",
    publishedPrecision: "day",
    relevance: 0.9,
    lowQuality: false,
    site: null,
    source: null,
    url: null,
    topics: ["产业与科技创新"],
    entities: [
      { id: "project:xfd", kind: "project", name: "祥符荡创新中心", aliases: ["嘉善祥符荡创新中心"], type: null, mentions: 2, firstMention: -1_000_000 },
      { id: "project:huawei", kind: "project", name: "华为青浦研发中心", aliases: ["华为研发中心"], type: null, mentions: 1, firstMention: 5_000_010 },
      { id: "region:330421", kind: "region", name: "嘉善", aliases: ["嘉善县"], type: "county", mentions: CENTRAL_MENTIONS, firstMention: 4_000_000 },
    ],
  };
  const doc = buildSearchDoc(source, seg);

  it("files central entities (title, lede, often named) apart from mentioned ones, a place with the regions around it", () => {
    expect(doc.entities_lead).toEqual(expect.arrayContaining(["祥符荡创新中心", "嘉善祥符荡创新中心", "嘉善", "嘉善县"]));
    expect(doc.entities_lead).not.toContain("华为青浦研发中心");
    expect(doc.entities_other).toEqual(expect.arrayContaining(["华为青浦研发中心", "华为研发中心"]));
  });

  it("adds its topics' names and keywords, and keeps words found only inside longer words apart", () => {
    expect(doc.topic_terms.split(" ")).toEqual(expect.arrayContaining(["产业与科技创新", "研发", "科创"]));
    // 海大 is a dictionary word only across 上海|大都市: a substring, never one of the text's words.
    const layers = seg.indexTokenLayers("上海大都市意境之中");
    expect(layers.words).toEqual(expect.arrayContaining(["上海", "大都市"]));
    expect(layers.inner).toContain("海大");
    expect(layers.words).not.toContain("海大");
    expect(doc.inner_seg.split(" ")).toContain("海大");
  });
});
