import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { getRegions } from "@/db/queries/entities";
import { getMilestones } from "@/db/queries/timeline";
import { expandRegion, regionContainers } from "@/lib/domain/regions";
import { allRegions } from "@/lib/extract";
import { ingestPaths } from "@/lib/ingest/pipeline";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-zones-"));
const db = openDb(path.join(dir, "atlas.db"));
ingestPaths({ db, paths: ["content"] });
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("zones (一体化示范区 = 青浦 + 吴江 + 嘉善) in filters", () => {
  it("puts a member county and its towns inside the zone", () => {
    expect(regionContainers("zj-jiaxing-jiashan")).toEqual(expect.arrayContaining(["region:yrd", "region:yrd-demo", "region:zj", "region:zj-jiaxing", "region:zj-jiaxing-jiashan"]));
    expect(expandRegion("yrd-demo")).toEqual(
      expect.arrayContaining(["region:sh-qingpu", "region:js-suzhou-wujiang", "region:zj-jiaxing-jiashan", "region:zj-jiaxing-jiashan-xitang"]),
    );
    expect(expandRegion("region:yrd-demo")).not.toContain("region:zj-hangzhou");
  });

  it("stores the whole gazetteer, so parent chains never stop at an unmentioned region", () => {
    const regions = getRegions({ db });
    const ids = new Set(regions.map((r) => r.id));
    for (const id of ["region:ah", "region:zj-jiaxing", "region:yrd-demo-pilot"]) expect(ids.has(id)).toBe(true);
    for (const id of expandRegion("region:yrd-demo")) expect(ids.has(id)).toBe(true);
  });

  it("indexes a mention of 嘉善 under the zone, the province and the city", () => {
    expect(regionContainers("region:zj-jiaxing-jiashan")).toEqual(
      expect.arrayContaining(["region:yrd", "region:yrd-demo", "region:zj", "region:zj-jiaxing", "region:zj-jiaxing-jiashan"]),
    );
  });

  it("filters the timeline by a zone through its members", () => {
    const inZone = getMilestones({ db, filter: { region: "region:yrd-demo" } });
    const inJiashan = getMilestones({ db, filter: { region: "region:zj-jiaxing-jiashan" } });
    expect(inJiashan.length).toBeGreaterThan(0);
    const zoneIds = new Set(inZone.map((m) => m.id));
    for (const m of inJiashan) expect(zoneIds.has(m.id)).toBe(true);
  });
});

describe("the gazetteer", () => {
  it("gives every name one region, except places that really share a name", () => {
    const byName = new Map<string, Set<string>>();
    for (const r of allRegions()) for (const n of [r.name, ...r.aliases]) byName.set(n, new Set([...(byName.get(n) ?? []), r.id]));
    const shared = [...byName].filter(([, ids]) => ids.size > 1).map(([n]) => n).sort();
    // 上海普陀区 and 舟山普陀区 are both real.
    expect(shared).toEqual(["普陀", "普陀区"]);
  });

  it("keeps same-sounding cities apart (苏州/宿州, 台州/泰州)", () => {
    const children = (id: string) => allRegions().filter((r) => r.parentId === id).map((r) => r.name).sort();
    expect(children("js-suzhou")).toContain("吴江");
    expect(children("ah-suzhou")).not.toContain("吴江");
    expect(children("ah-suzhou")).toContain("埇桥");
    expect(children("zj-taizhou")).toContain("椒江");
    expect(children("js-taizhou")).toEqual(expect.arrayContaining(["海陵", "姜堰"]));
    expect(children("js-taizhou")).not.toContain("椒江");
  });
});
