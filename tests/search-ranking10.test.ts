// Issue 12, round 10: a place query written with its level (平望镇, 金山区, 德清县) also matches the place's short form
// as a word (平望, written in 平望站, a station the region extractor does not read as the town), on both engines, in the
// same tiers as the query: the query-side mirror of round 8's placeShortForms. Only a short form the gazetteer reads
// on its own: not an everyday word (宝山 of 宝山区), a noShort name (西湖 of 西湖区) or a township name many share; and
// never as a substring (旧金山 holds 金山 inside a longer word).
import { describe, expect, it } from "vitest";
import { findRegions } from "@/lib/extract/regions";
import { placeQueryShortForms, Segmenter } from "@/lib/search/segment";
import { isCentral, vocabulary } from "@/lib/search/documents";
import { getArticlesForIndex } from "@/db/queries/search";
import { ENGINES, usePagesCorpus } from "./search-helpers/pages-corpus";

const PAGES: Record<string, string[]> = {
  // Names the town only by its short form, inside a station name.
  station: [
    "一条城际铁路开通运营",
    "2024年6月1日，一条城际铁路开通运营，新线设平望站、震泽站两座车站，平望站位于运河东岸，旅客可换乘公交。",
    "全线运营初期每天开行列车二十对，票价按里程计算。",
  ],
  // Written with its level.
  town: ["平望镇推进古运河保护", "2024年3月2日，吴江区平望镇召开会议，部署古运河沿线环境整治，计划年内完成十公里岸线修复。", "镇里还将建设三座口袋公园。"],
  // San Francisco: 金山 only inside a longer word.
  abroad: ["旧金山湾区一家科技公司发布新款耳机", "2024年4月9日，旧金山湾区一家科技公司发布新款耳机，售价两百美元。", "公司称新品续航三十小时。"],
  // Names the district by its short form, as a word.
  district: ["金山农民画展开幕", "2024年2月3日，一场农民画展在金山开幕，展出作品两百余幅，展期一个月。", "主办方还安排了画师现场创作。"],
  // Wire datelines: the place where the report was filed, not what it is about (on-topic, so only the dateline rule
  // keeps it below the page about the city).
  wire: [
    "长三角生态绿色一体化发展示范区推进跨省河湖联保",
    "新华社杭州3月2日电 长三角生态绿色一体化发展示范区3月2日召开跨省河湖联保推进会，青浦、吴江、嘉善三地签署协议。",
    "示范区执委会表示，三地将统一监测标准，共享水质数据，联合开展执法巡查。",
  ],
  wire2: ["某省召开春耕生产推进会", "中新网宁波11月14日电 某省11月14日召开春耕生产推进会，部署农机调度和良种供应。", "会议要求各地做好农资保障。"],
  wire3: ["一批新型储能项目集中签约", "本报合肥10月15日电 一批新型储能项目10月15日集中签约，总投资八十亿元。", "项目涵盖电池材料和系统集成。"],
  // About the city, named in the body three times.
  city: [
    "西溪湿地迎来观鸟季",
    "湿地公园近日迎来观鸟季，数十种候鸟在此越冬，吸引大批摄影爱好者。",
    "这片湿地位于杭州城西，是杭州市民周末出游的热门去处。",
    "园方提醒游客，观鸟时请勿投喂，杭州今年还将新建两处观鸟屋。",
  ],
  // Unrelated.
  other: ["某市举办城市马拉松比赛", "2024年5月9日，某市举办城市马拉松比赛，三万名选手参赛。", "比赛设全程、半程和迷你跑三个项目。"],
};

const { ids, find, db } = usePagesCorpus(PAGES, "ranking10");

describe("a place query written with its level", () => {
  it("has the short forms the gazetteer reads alone", () => {
    expect(placeQueryShortForms("平望镇")).toEqual(["平望"]);
    expect(placeQueryShortForms("桐乡市")).toEqual(["桐乡"]);
    expect(placeQueryShortForms("德清县")).toEqual(["德清"]);
    expect(placeQueryShortForms("金山区")).toEqual(["金山"]);
  });

  it("has none for an everyday word, a noShort name, a generic township name or no place", () => {
    expect(placeQueryShortForms("宝山区")).toEqual([]);
    expect(placeQueryShortForms("江山市")).toEqual([]);
    expect(placeQueryShortForms("西湖区")).toEqual([]);
    expect(placeQueryShortForms("新城镇")).toEqual([]);
    expect(placeQueryShortForms("旧金山")).toEqual([]);
    expect(placeQueryShortForms("平望")).toEqual([]);
    expect(placeQueryShortForms("平望镇 运河")).toEqual([]);
  });

  it("the station page names no town for the extractor (else it would match as an entity already)", () => {
    expect(findRegions(PAGES.station![1]!).map((m) => m.text)).not.toContain("平望");
  });

  it.each(ENGINES)("finds the page writing the short form as a word, after the one writing the level (%s)", async (name) => {
    const hits = await find("平望镇", name);
    expect(hits.slice(0, 2)).toEqual([ids.town, ids.station]);
    expect(hits).not.toContain(ids.other);
  });

  it.each(ENGINES)("does not match the short form inside a longer word (%s)", async (name) => {
    const hits = await find("金山区", name);
    expect(hits[0]).toBe(ids.district);
    // Meilisearch's own split of the raw text (旧 | 金山) may still append it after every tier; the fallback never finds it.
    if (name === "sqlite") expect(hits).not.toContain(ids.abroad);
  });
});

// A place name after a modifier that is no place, inside a longer word jieba's dictionary tags as another place (ns)
// (旧金山, 旧金山湾, 西昆仑), is not that place: a word inside a longer one (`inner`). A word that begins with the place
// (太湖流域, 苏州河: named after it) keeps it as a word.
describe("a place name inside another place's name", () => {
  const seg = new Segmenter(vocabulary([]));
  it.each([
    ["三星在美国旧金山举行发布会", "金山", "旧金山"],
    ["帆船赛在旧金山湾举行", "金山", "旧金山湾"],
    ["一支科考队登上新疆的西昆仑", "昆仑", "西昆仑"],
  ])("%s: %s is inside %s", (text, piece, whole) => {
    const { words, inner } = seg.indexTokenLayers(text);
    expect(words).toContain(whole);
    expect(words).not.toContain(piece);
    expect(inner).toContain(piece);
  });

  it.each([
    ["无锡太湖边新开一座公园", "无锡"],
    ["金山区枫泾镇举办农民画展", "金山"],
    ["青浦金泽古镇迎来游客", "金泽"],
    ["太湖流域水环境综合治理取得进展", "太湖"],
    ["苏州河沿岸新建一条绿道", "苏州"],
  ])("%s: %s stays a word", (text, place) => {
    expect(seg.indexTokenLayers(text).words).toContain(place);
  });
});

// A wire dateline (新华社杭州3月2日电, 中新网宁波…电, 本报合肥…电) names where the report was filed: a place named only
// there is no central entity of the article, on both engines (db/queries/search.ts `listedInLede`).
describe("a dateline's place", () => {
  it.each([
    ["wire", "杭州"],
    ["wire2", "宁波"],
    ["wire3", "合肥"],
  ])("is not central to %s (%s)", (page, place) => {
    const article = getArticlesForIndex({ db: db() }).find((a) => a.id === ids[page]);
    const entity = article?.entities.find((e) => e.kind === "region" && e.name === place);
    expect(entity).toBeDefined();
    expect(isCentral(entity!)).toBe(false);
  });

  it("a place the title names stays central", () => {
    const article = getArticlesForIndex({ db: db() }).find((a) => a.id === ids.wire);
    const entity = article?.entities.find((e) => e.id === "region:yrd-demo");
    expect(entity && isCentral(entity)).toBe(true);
  });

  it.each(ENGINES)("ranks the page about the city before the report filed there (%s)", async (name) => {
    const hits = await find("杭州", name);
    expect(hits).toContain(ids.wire);
    expect(hits.indexOf(ids.city!)).toBeLessThan(hits.indexOf(ids.wire!));
  });
});
