import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { getRegions } from "@/db/queries/entities";
import { getMilestones } from "@/db/queries/timeline";
import { expandRegion, regionContainers } from "@/lib/domain/regions";
import { sql } from "drizzle-orm";
import { allRegions } from "@/lib/extract";
import { findRegions } from "@/lib/extract/regions";
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
    expect(regionContainers("330421")).toEqual(expect.arrayContaining(["region:yrd", "region:yrd-demo", "region:33", "region:3304", "region:330421"]));
    expect(expandRegion("yrd-demo")).toEqual(
      expect.arrayContaining(["region:310118", "region:320509", "region:330421", "region:330421103"]),
    );
    expect(expandRegion("region:yrd-demo")).not.toContain("region:3301");
  });

  it("stores every mentioned region with all that contains it, and none of the places nobody wrote about", () => {
    const regions = getRegions({ db });
    const ids = new Set(regions.map((r) => r.id));
    const mentioned = db.all<{ id: string }>(sql`select distinct e.id as id from mentions m join entities e on e.id = m.entity_id where e.kind = 'region'`);
    expect(mentioned.length).toBeGreaterThan(10);
    for (const { id } of mentioned) for (const c of regionContainers(id)) expect(ids.has(c), `${c} above ${id}`).toBe(true);
    for (const id of ["region:33", "region:3304", "region:yrd-demo"]) expect(ids.has(id)).toBe(true);
    expect(regions.length).toBeLessThan(1000);
  });

  it("indexes a mention of 嘉善 under the zone, the province and the city", () => {
    expect(regionContainers("region:330421")).toEqual(
      expect.arrayContaining(["region:yrd", "region:yrd-demo", "region:33", "region:3304", "region:330421"]),
    );
  });

  it("filters the timeline by a zone through its members", () => {
    const inZone = getMilestones({ db, filter: { region: "region:yrd-demo" } });
    const inJiashan = getMilestones({ db, filter: { region: "region:330421" } });
    expect(inJiashan.length).toBeGreaterThan(0);
    const zoneIds = new Set(inZone.map((m) => m.id));
    for (const m of inJiashan) expect(zoneIds.has(m.id)).toBe(true);
  });
});

describe("the gazetteer", () => {
  it("gives every name in 沪苏浙皖 (county level and up) one region, except places that really share a name", () => {
    const byName = new Map<string, Set<string>>();
    for (const r of allRegions()) if (r.kind !== "town" && /^3[1-4]/.test(r.id)) for (const n of new Set([r.name, r.full])) byName.set(n, new Set([...(byName.get(n) ?? []), r.id]));
    const shared = [...byName].filter(([, ids]) => ids.size > 1).map(([n]) => n).sort();
    // 普陀 (上海, 舟山) and 鼓楼 (南京, 徐州) are real pairs; 淮安区, 镇江新区 and 黄山区 share their city's name.
    expect(shared).toEqual(["普陀", "普陀区", "淮安", "黄山", "镇江", "鼓楼", "鼓楼区"].sort());
    // A district named like its city never takes the city's short name: 淮安 is the city.
    expect(findRegions("淮安发布").map((m) => m.id)).toEqual(["3208"]);
    expect(findRegions("淮安区发布").map((m) => m.id)).toEqual(["320803"]);
  });

  it("places every zone under a region the gazetteer knows, by its code (杭州都市区 under 浙江)", () => {
    for (const r of allRegions().filter((x) => x.kind === "zone" && x.parentId)) expect(allRegions().some((x) => x.id === r.parentId), `${r.id} → ${r.parentId}`).toBe(true);
    expect(regionContainers("region:zj-metro-hangzhou")).toEqual(["region:yrd", "region:33", "region:zj-metro-hangzhou"]);
  });

  it("keeps same-sounding cities apart (苏州/宿州, 台州/泰州)", () => {
    const children = (id: string) => allRegions().filter((r) => r.parentId === id).map((r) => r.name).sort();
    expect(children("3205")).toContain("吴江");
    expect(children("3413")).not.toContain("吴江");
    expect(children("3413")).toContain("埇桥");
    expect(children("3310")).toContain("椒江");
    expect(children("3212")).toEqual(expect.arrayContaining(["海陵", "姜堰"]));
    expect(children("3212")).not.toContain("椒江");
  });
});
