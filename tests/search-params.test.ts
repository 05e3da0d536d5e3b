import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/search/route";
import { analyzeQuery, ftsQuote } from "@/lib/search/query";
import { buildEntityGraph } from "@/lib/search/documents";
import { parseSearchParams, searchParamsToQuery } from "@/lib/url-state";
import { Segmenter } from "@/lib/search/segment";
import { buildSnippet, markersToHtml } from "@/lib/search/snippet";

describe("parseSearchParams", () => {
  it("reads repeated params as multi-select and applies defaults", () => {
    const p = parseSearchParams(new URLSearchParams("q=示范区&topic=交通与基础设施&topic=生态环境&region=region:330421&sort=newest&page=2&regionQuery=嘉"));
    expect(p).toEqual({
      q: "示范区",
      filters: { topic: ["交通与基础设施", "生态环境"], region: ["region:330421"] },
      sort: "newest",
      page: 2,
      pageSize: 20,
      facetQuery: { region: "嘉" },
    });
    expect(parseSearchParams({})).toEqual({ q: "", filters: {}, sort: "relevance", page: 1, pageSize: 20 });
    expect(parseSearchParams(new URLSearchParams(searchParamsToQuery(p)))).toEqual({ ...p, facetQuery: undefined });
  });

  it("resolves region names and aliases typed by people to region ids", () => {
    expect(parseSearchParams(new URLSearchParams("region=嘉善&region=浙江嘉善县&region=33")).filters.region).toEqual(["region:330421", "region:33"]);
    expect(parseSearchParams(new URLSearchParams("region=一体化示范区")).filters.region).toEqual(["region:yrd-demo"]);
    expect(() => parseSearchParams(new URLSearchParams("region=火星基地"))).toThrow(/不认识“火星基地”/);
  });

  it("rejects invalid values with a clear message", () => {
    expect(() => parseSearchParams(new URLSearchParams("sort=best"))).toThrow(/sort：应为 relevance、newest、oldest 之一/);
    expect(() => parseSearchParams(new URLSearchParams("page=0"))).toThrow(/page：应在 1 到 1000 之间/);
    expect(() => parseSearchParams(new URLSearchParams("page=abc"))).toThrow(/page/);
    expect(() => parseSearchParams(new URLSearchParams("colour=red"))).toThrow(/不认识的参数：colour/);
  });
});

describe("GET /api/search", () => {
  it("answers 400 with the reason for invalid parameters", async () => {
    const res = await GET(new Request("http://localhost/api/search?q=x&sort=sideways"));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("bad-request");
    expect(body.message).toMatch(/sort/);
    expect((await GET(new Request("http://localhost/api/search?format=xml"))).status).toBe(400);
  });
});

describe("query analysis and snippets", () => {
  const ctx = { seg: new Segmenter(["示范区总规"]), groups: [["长三角", "长江三角洲"]], graph: buildEntityGraph([]), forms: new Map<string, string[]>() };

  it("quotes every user token before it reaches FTS5", () => {
    expect(ftsQuote('a"b')).toBe('"a""b"');
    const aq = analyzeQuery('x" OR body:* NEAR(', ctx);
    expect(aq.match).not.toBeNull();
    for (const part of (aq.match ?? "").split(/ AND | OR /)) expect(part.replace(/[()]/g, "")).toMatch(/^"(?:[^"]|"")*"$/);
  });

  it("expands synonyms and normalizes traditional characters", () => {
    const aq = analyzeQuery("長三角 交通", ctx);
    expect(aq.normalized).toBe("长三角 交通");
    expect(aq.match).toBe('(("长三角") OR ("长江三角洲")) AND "交通"');
    expect(aq.terms).toEqual(expect.arrayContaining(["长三角", "长江三角洲", "交通"]));
  });

  it("builds escaped snippets with merged <mark> highlights", () => {
    expect(markersToHtml("\u0001网\u0002\u0001信\u0002 <b>&")).toBe("<mark>网信</mark> &#60;b&#62;&#38;");
    const s = buildSnippet(`${"前文".repeat(60)}插入<script>代码，长三角网信部门提醒${"后文".repeat(60)}`, ["网信"], 40);
    expect(s.startsWith("…")).toBe(true);
    expect(s.endsWith("…")).toBe(true);
    expect(s).toContain("<mark>网信</mark>");
    expect(s).toContain("script&#62;");
    expect(s.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });
});

describe("segmentation", () => {
  const seg = new Segmenter(["华为练秋湖研发中心", "沪苏嘉城际铁路"]);

  it("indexes the words inside longer words and names", () => {
    expect(seg.indexTokens("上海大都市区建设")).toEqual(expect.arrayContaining(["大都市", "都市", "都市区"]));
    expect(seg.indexTokens("沪苏嘉城际铁路开工")).toEqual(expect.arrayContaining(["沪苏嘉城际铁路", "城际", "铁路"]));
    expect(seg.indexTokens("華為練秋湖研發中心投用")).toEqual(expect.arrayContaining(["华为练秋湖研发中心", "练秋湖", "研发", "中心"]));
  });

  it("does not invent words that are not there", () => {
    expect(seg.indexTokens("这是一个经典的案例")).not.toContain("景点");
    expect(seg.queryTokens("長三角 示範區")).toEqual(["长三角", "示范区"]);
  });
});
