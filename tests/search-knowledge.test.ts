// Issue 12 end to end: pages go through the real pipeline into a temporary DATA_DIR, a real local Meilisearch is
// started, and both engines answer. An alias one article states (又称) finds another article that never writes it;
// a place finds articles about a place inside it; a topic query finds tagged articles below literal hits; a query
// naming an entity links it (the entity card); suggestions come from the knowledge base.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getLearnedAliases } from "@/db/queries/aliases";
import type { Engine } from "@/lib/search/engine";
import { search, suggest } from "@/lib/search/index";
import { indexPages, type PagesCorpus } from "./search-helpers/pages-corpus";
import { parseSearchParams } from "@/lib/url-state";
import type { SearchResponse } from "@/lib/search/types";

let db: Db;
let engine: Engine;
const ids: Record<string, string> = {};

const PAGES: Record<string, string[]> = {
  // States an alias of a known project.
  stated: [
    "祥符荡创新中心建设提速",
    "2024年6月3日，嘉善祥符荡创新中心(又称“祥符荡科创绿谷”)新一批实验室启用。祥符荡创新中心已集聚高校科研平台8个。",
    "祥符荡创新中心将继续引进研发团队。",
  ],
  // Names the project by its name only: the alias must reach it through the knowledge base.
  plain: [
    "嘉善北部科创载体巡礼",
    "2024年7月1日，记者走访祥符荡创新中心，这里的研发人员已超过1100人。",
    "祥符荡创新中心周边配套逐步完善。",
  ],
  // About a town in 吴江 that never writes 吴江.
  town: [
    "黎里古镇游客服务中心启用",
    "2024年5月1日，黎里镇游客服务中心正式启用，黎里古镇的游客可在这里换乘公交。",
    "黎里镇还将增开旅游专线。",
  ],
  // Tagged 生态环境 through its keywords, never writing 治水.
  water: [
    "元荡岸线生态修复完工",
    "2024年3月8日，元荡岸线生态修复工程完工，水质由五类提升到三类，湿地面积扩大，河湖断面全部达标。",
    "下一步将推进水环境综合治理和生态保护红线管控。",
  ],
  // Off-topic, about the query word itself (河长制, a search-only term of 生态环境).
  chief: [
    "某县召开河长制工作会议",
    "2024年4月2日，四川某县召开河长制工作会议，县级河长全年巡河12次，河长制考核结果向社会公布。",
    "会议部署了下一阶段工作。",
  ],
  // On-topic and tagged 生态环境, never writing 河长 (nor 治水).
  zone: [
    "长三角生态绿色一体化发展示范区交界水质持续改善",
    "2024年5月6日，长三角生态绿色一体化发展示范区执委会通报，青浦、吴江、嘉善交界河湖水质全部达标，地表水断面优良率提升，协同推进水环境综合治理。",
    "两区一县将共保联治太浦河水源地，推进生态修复和湿地建设。",
  ],
  // On-topic; 江南 only inside a station's name (松江南站).
  station: [
    "沪苏湖高铁松江南站投入使用",
    "2024年12月26日，长三角一体化示范区周边的沪苏湖高铁开通，松江南站同步投入使用，松江南站至苏州南站23分钟。",
    "松江南站将服务长三角一体化发展。",
  ],
  // Off-topic, about 江南 (the word itself).
  south: [
    "江南园林摄影展开幕",
    "2024年3月3日，一场江南园林摄影展开幕，展出江南私家园林照片80幅。",
    "展览持续一个月。",
  ],
  // Writes 治水 once, in passing.
  literal: [
    "区县干部培训班开班",
    "2024年2月1日，培训班开班，课程涉及基层治理、治水经验交流、财务管理等内容。",
    "培训为期一周。",
  ],
};

let corpus: PagesCorpus;

beforeAll(async () => {
  corpus = await indexPages(PAGES, "knowledge");
  ({ db, engine } = corpus);
  Object.assign(ids, corpus.ids);
  expect(corpus.counts).toMatchObject({ new: 9, failed: 0 });
  expect(corpus.indexedBy).toBe("meilisearch");
}, 180_000);

afterAll(async () => {
  await corpus?.close();
});

const find = async (q: string, eng: Engine | null): Promise<SearchResponse> => {
  const r = await search(parseSearchParams(new URLSearchParams({ q })), { db, engine: eng });
  expect(r.engine).toBe(eng ? "meilisearch" : "sqlite");
  return r;
};
const ENGINES = ["meilisearch", "sqlite"] as const;
const on = (name: (typeof ENGINES)[number]) => (name === "meilisearch" ? engine : null);

describe("aliases learned from the corpus", () => {
  it("are stored with their source", () => {
    const rows = getLearnedAliases({ db });
    const row = rows.find((r) => r.alias === "祥符荡科创绿谷");
    expect(row).toMatchObject({ entityId: expect.stringMatching(/^project:/), status: "proposed" });
    expect(row?.sources).toEqual([expect.objectContaining({ articleId: ids.stated, pattern: "又称", text: expect.stringContaining("又称“祥符荡科创绿谷”") })]);
  });

  it.each(ENGINES)("find an article that never writes the alias (%s)", async (name) => {
    const r = await find("祥符荡科创绿谷", on(name));
    expect(r.hits.map((h) => h.id)).toEqual(expect.arrayContaining([ids.stated, ids.plain]));
    expect(r.linked[0]).toMatch(/^project:/);
  });
});

describe("entities and places", () => {
  it.each(ENGINES)("a place finds an article about a place inside it (%s)", async (name) => {
    const r = await find("吴江", on(name));
    expect(r.hits.map((h) => h.id)).toContain(ids.town);
    expect(r.linked).toContain("region:320509");
  });

  it("suggests entities with their kind", () => {
    const s = suggest("祥符荡", { db });
    expect(s[0]).toMatchObject({ kind: "project", kindLabel: "项目", name: "祥符荡创新中心" });
    expect(suggest("黎里", { db })[0]).toMatchObject({ kind: "region", name: expect.stringMatching(/^黎里/) });
  });
});

describe("topics and highlights", () => {
  it.each(ENGINES)("a topic word finds tagged articles, below the literal hit (%s)", async (name) => {
    const r = await find("治水", on(name));
    const order = r.hits.map((h) => h.id);
    expect(order).toEqual(expect.arrayContaining([ids.literal, ids.water]));
    expect(order.indexOf(ids.literal!)).toBeLessThan(order.indexOf(ids.water!));
  });

  it.each(ENGINES)("a search-only topic term finds tagged articles, and an article about the word ranks first even off-topic (%s)", async (name) => {
    const r = await find("河长制", on(name));
    const order = r.hits.map((h) => h.id);
    expect(order).toEqual(expect.arrayContaining([ids.chief, ids.zone]));
    expect(order.indexOf(ids.chief!)).toBeLessThan(order.indexOf(ids.zone!));
  });

  it.each(ENGINES)("a word inside a longer name ranks below the word itself, even off-topic (%s)", async (name) => {
    const r = await find("江南", on(name));
    const order = r.hits.map((h) => h.id);
    expect(order[0]).toBe(ids.south);
    if (order.includes(ids.station!)) expect(order.indexOf(ids.station!)).toBeGreaterThan(order.indexOf(ids.south!));
  });

  it.each(ENGINES)("pages through both tiers without losing or repeating an article (%s)", async (name) => {
    const whole = await find("治水", on(name));
    expect(whole.total).toBeGreaterThanOrEqual(3);
    const paged: string[] = [];
    for (let page = 1; page <= whole.total; page++) {
      const r = await search(parseSearchParams(new URLSearchParams({ q: "治水", pageSize: "1", page: String(page) })), { db, engine: on(name) });
      expect(r.total).toBe(whole.total);
      paged.push(...r.hits.map((h) => h.id));
    }
    expect(paged).toEqual(whole.hits.map((h) => h.id));
  });

  it.each(ENGINES)("highlights only the query's words, not common words split off it (%s)", async (name) => {
    const r = await find("2024年黎里镇游客服务中心", on(name));
    const html = r.hits.map((h) => `${h.titleHtml} ${h.snippet}`).join(" ");
    expect(html).toContain("<mark>");
    expect(html).not.toMatch(/<mark>(年|中心|服务)<\/mark>/);
  });
});
