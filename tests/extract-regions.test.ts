import { describe, expect, it } from "vitest";
import { allRegions, regionById } from "@/lib/extract";
import { regionContainers, regionSlug } from "@/lib/domain/regions";

const regionAncestors = (slug: string) => (regionById(slug) ? regionContainers(slug).map(regionSlug) : []);
import { findRegions } from "@/lib/extract/regions";

const ids = (text: string) => findRegions(text).map((m) => m.id);

describe("gazetteer", () => {
  it("has the four provinces, all 16 districts of Shanghai and the 嘉兴 counties", () => {
    expect(["31", "32", "33", "34"].map((id) => regionById(id)?.name)).toEqual(["上海", "江苏", "浙江", "安徽"]);
    expect(allRegions().filter((r) => r.parentId === "31" && r.kind === "district")).toHaveLength(16);
    expect(allRegions().filter((r) => r.parentId === "3304").map((r) => r.name).sort()).toEqual(
      ["南湖", "秀洲", "嘉善", "平湖", "海盐", "海宁", "桐乡"].sort(),
    );
    expect(allRegions().filter((r) => r.parentId === "33" && r.kind === "city")).toHaveLength(11);
    expect(allRegions().filter((r) => r.parentId === "34" && r.kind === "city")).toHaveLength(16);
  });

  it("gives each region its parent chain", () => {
    expect(regionById("330421")).toMatchObject({ name: "嘉善", kind: "county", parentId: "3304", path: ["浙江", "嘉兴", "嘉善"] });
    expect(regionById("330421103")?.path).toEqual(["浙江", "嘉兴", "嘉善", "西塘"]);
  });

  it("puts a region under the zones it belongs to, so a filter on 示范区 or 浙江 finds 嘉善", () => {
    const a = regionAncestors("330421");
    expect(a.at(-1)).toBe("330421");
    expect(a).toEqual(expect.arrayContaining(["33", "3304", "yrd-demo", "yrd"]));
    expect(regionAncestors("330421103")).toEqual(expect.arrayContaining(["yrd-demo-pilot", "yrd-demo"]));
    expect(regionAncestors("3408")).not.toContain("yrd-demo");
    expect(regionAncestors("nowhere")).toEqual([]);
  });
});

describe("findRegions", () => {
  it("resolves short, full and prefixed forms to one id, longest match first", () => {
    for (const t of ["青浦", "青浦区", "上海市青浦区", "上海青浦"]) {
      const m = findRegions(`位于${t}的项目`);
      expect(m.map((x) => [x.id, x.text])).toEqual([["310118", t]]);
    }
    expect(ids("上海青浦、江苏吴江、浙江嘉善三地")).toEqual(["310118", "320509", "330421"]);
    expect(ids("嘉善县西塘镇")).toEqual(["330421103"]);
  });

  it("knows the zones and their long names", () => {
    expect(ids("长三角生态绿色一体化发展示范区建设")).toEqual(["yrd-demo"]);
    expect(ids("长江三角洲区域一体化")).toEqual(["yrd"]);
    expect(ids("沪嘉杭G60科创走廊")).toEqual(["yrd-g60"]);
    expect(ids("虹桥国际开放枢纽")).toEqual(["yrd-hongqiao"]);
  });

  it("expands combined abbreviations but never matches a single character alone", () => {
    expect(ids("沪苏浙皖三省一市")).toEqual(["31", "32", "33", "34"]);
    expect(ids("陕电入皖、蒙电入沪")).toEqual([]);
  });

  it("avoids the classic false hits", () => {
    expect(ids("人人尽说江南好")).toEqual([]);
    expect(ids("绿水青山就是金山银山")).toEqual([]);
    expect(ids("南京路步行街和南京东路")).toEqual([]);
    expect(ids("西湖龙井茶")).toEqual([]);
    expect(ids("长江口—杭州湾重点海域")).toEqual([]);
    expect(ids("南京和杭州")).toEqual(["3201", "3301"]);
  });

  it("marks bare 示范区 as contextual and ignores other kinds of 示范区", () => {
    expect(findRegions("示范区建设").map((m) => [m.id, m.contextual])).toEqual([["yrd-demo", true]]);
    expect(ids("国家自主创新示范区")).toEqual([]);
  });

describe("abbreviation combinations", () => {
  it("reads city combinations with 苏 as 苏州", () => {
    expect(findRegions("东西依托沪宁、沪杭两条轴线,南北有通苏嘉甬").map((m) => m.id)).toEqual([
      "31", "3201", "31", "3301", "3206", "3205", "3304", "3302",
    ]);
  });
});
});
