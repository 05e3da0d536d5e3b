// Issue 12, round 9: a short query that the plain dictionary does not hold as one word (中新, an abbreviation pair: 中 |
// 新) is written by the pages about it inside a longer name (中新嘉善现代产业园), whose words are its characters. On
// Meilisearch its whole-word code found only the pages with 中新 as a word (中新网, a news agency), so the pages about it
// vanished; it now reads its words' codes, all required, as the fallback's FTS match does, on composed pages. A short
// query the dictionary holds (农业) still matches the word only (tests/search-ranking8.test.ts).
import { describe, expect, it } from "vitest";
import { Segmenter } from "@/lib/search/segment";
import { ENGINES, usePagesCorpus } from "./search-helpers/pages-corpus";

const PAGES: Record<string, string[]> = {
  // About a China–Singapore park: 中新 only inside its name.
  park: [
    "中新嘉善现代产业园引进高端装备项目",
    "2024年5月8日，中新嘉善现代产业园与某装备企业签约，项目总投资十亿元，建成后年产值三十亿元。",
    "产业园位于嘉善县惠民街道，今年已签约项目十二个。",
  ],
  // 中新 as a word, only inside a news agency's name (中新网): not about it.
  agency: ["某市举办城市马拉松比赛", "据中新网报道，2024年5月9日，某市举办城市马拉松比赛，三万名选手参赛。", "比赛设全程、半程和迷你跑三个项目。"],
};

const { ids, find } = usePagesCorpus(PAGES, "ranking9");

describe("a short query the dictionary splits", () => {
  it("is two words to the dictionary, and so is the name's start", () => {
    const seg = new Segmenter(["中新嘉善现代产业园"]);
    expect(seg.queryTokens("中新")).toEqual(["中", "新"]);
    const { words } = seg.indexTokenLayers("中新嘉善现代产业园引进项目");
    expect(words).toEqual(expect.arrayContaining(["中", "新"]));
    expect(words).not.toContain("中新");
  });

  it.each(ENGINES)("finds the page about the name holding it, not the news agency's (%s)", async (name) => {
    expect(await find("中新", name)).toEqual([ids.park]);
  });

  it.each(ENGINES)("still finds the news agency by its own name (%s)", async (name) => {
    expect((await find("中新网", name))[0]).toBe(ids.agency);
  });
});
