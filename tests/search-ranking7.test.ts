// Issue 12, round 7: the classes fixed, as units and end to end on both engines, on composed pages. An alias learned
// from the corpus for a place (a town, a lake: 某镇被誉为“Y”) is a synonym of its name like a plan's or a project's, with
// the same review file; a query piece made only of digits and operators (1+8, 2+2) is one token matched literally.
import { describe, expect, it } from "vitest";
import { getSearchEntities, type EntityNode } from "@/db/queries/search";
import { numberPieces, everyMatchQuery } from "@/lib/search/query";
import { synonymGroups } from "@/lib/search/settings";
import { ENGINES, usePagesCorpus } from "./search-helpers/pages-corpus";

describe("synonymGroups: places", () => {
  const place = (learned: string[], aliases: string[] = learned): EntityNode => ({ id: "region:x", kind: "region", name: "某某镇", parentId: null, aliases, learned });

  it("puts an alias learned for a place in one group with its name", () => {
    expect(synonymGroups([place(["水乡明珠"], ["某某", "水乡明珠"])])).toContainEqual(["某某镇", "水乡明珠"]);
  });

  it("leaves a place's gazetteer short forms out (they are matched through the entity fields)", () => {
    expect(synonymGroups([place([], ["某某"])]).flat()).not.toContain("某某");
  });
});

describe("number pieces of a query", () => {
  it("are the pieces made only of digits and operators", () => {
    expect(numberPieces("上海大都市圈 1+8")).toEqual(["1+8"]);
    expect(numberPieces("2+2 合作 1:1")).toEqual(["2+2", "1:1"]);
    expect(numberPieces("5g 2024年 18")).toEqual([]);
  });

  it("leave Meilisearch's every-match query (its tiers hold them as phrases), or are phrases of it when alone", () => {
    expect(everyMatchQuery("上海大都市圈 1+8")).toBe("上海大都市圈");
    expect(everyMatchQuery("1+8")).toBe('"1+8"');
  });
});

const PAGES: Record<string, string[]> = {
  // States the alias of a town.
  stated: ["西塘镇推进文旅融合发展", "2024年5月1日，嘉善县西塘镇被誉为“水乡活化石”，今年接待游客超过一千万人次。", "西塘镇将新建游客服务中心。"],
  // Names the town only, once, after its lede (an entity it mentions, not one it is about).
  named: ["嘉善县新建一批游客服务中心", "2024年6月1日，嘉善县新建三个游客服务中心，方便游客出行。", "三个中心面积共2000平方米，其中一个位于西塘镇，另外两个位于县城。"],
  // States the number phrase.
  metro: ["上海大都市圈空间协同规划发布", "2024年7月1日，上海大都市圈空间协同规划发布，上海与周边八个城市形成“1+8”的空间格局。", "规划提出建设多中心网络。"],
  // About the same area, with the digits 1 and 8 apart only.
  metroApart: ["上海大都市圈 1 条环线连通 8 座新城", "2024年7月2日，上海大都市圈推进轨道交通互联，一条环线将连通八座新城。", "多条线路将贯通。"],
  // Off-topic, with the digits 1 and 8 apart only.
  digits: ["某县 1 座体育馆和 8 座图书馆竣工", "2024年7月3日，某县1座体育馆和8座图书馆同时竣工，总投资3亿元。", "居民健身和阅读条件明显改善。"],
  // Off-topic: neither.
  other: ["某县新建图书馆", "2024年6月2日，某县新建图书馆，藏书10万册。", "图书馆每天开放。"],
};

const { ids, find, db } = usePagesCorpus(PAGES, "ranking7");

describe("both engines", () => {
  it("learn the town's alias from the page stating it", () => {
    const town = getSearchEntities({ db: db() }).find((n) => n.learned?.includes("水乡活化石"));
    expect(town?.kind).toBe("region");
    expect(synonymGroups(town ? [town] : [])).toContainEqual(["水乡活化石", "西塘"].sort());
  });

  it.each(ENGINES)("an alias stated for a place finds the page naming the place only (%s)", async (name) => {
    const hits = await find("水乡活化石", name);
    expect(hits[0]).toBe(ids.stated);
    expect(hits).toContain(ids.named);
    expect(hits).not.toContain(ids.other);
  });
});

describe("number pieces on both engines", () => {
  it.each(ENGINES)("rank the article holding 1+8 before those holding 1 and 8 apart, never an article with digits only (%s)", async (name) => {
    const hits = await find("上海大都市圈 1+8", name);
    expect(hits.slice(0, 2)).toEqual([ids.metro, ids.metroApart]);
    expect(hits).not.toContain(ids.digits);
  });

  it.each(ENGINES)("alone, match only the article writing it (%s)", async (name) => {
    expect(await find("1+8", name)).toEqual([ids.metro]);
  });
});
