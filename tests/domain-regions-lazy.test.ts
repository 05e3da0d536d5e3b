import { describe, expect, it, vi } from "vitest";
import type * as DomainRegions from "@/lib/domain/regions";

/*
 * lib/domain/regions.ts computes a region's containers on first use (an ingest worker asks for the few hundred
 * places its pages name, not all 45,000) and builds the downward tables only when a filter or page asks. These
 * tests hold the answers to what the eager tables gave: the two directions are exact inverses over every region,
 * and nothing depends on which is asked first.
 */
type Domain = typeof DomainRegions;
const fresh = async (): Promise<Domain> => {
  vi.resetModules();
  return import("@/lib/domain/regions");
};

describe("region containers computed per region", () => {
  it("are the exact inverse of the expansion, over every region of the gazetteer", { timeout: 300_000 }, async () => {
    const d = await fresh();
    const { allRegions } = await import("@/lib/extract/regions");
    const regions = allRegions();
    expect(regions.length).toBeGreaterThan(40_000);
    let up = 0;
    let down = 0;
    const expansion = new Map(regions.map((r) => [r.id, new Set(d.expandRegion(r.id))]));
    const wrong: string[] = [];
    for (const r of regions) {
      const own = `region:${r.id}`;
      const containers = d.regionContainers(r.id);
      // Itself last, after the tree from the root.
      if (containers.at(-1) !== own) wrong.push(`${r.id} not last`);
      for (const c of containers) if (!expansion.get(d.regionSlug(c))?.has(own)) wrong.push(`${c} ⊉ ${r.id}`);
      up += containers.length;
      down += expansion.get(r.id)!.size;
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // Every (container, region) pair is listed once in each direction.
    expect(down).toBe(up);
    expect(up).toBeGreaterThan(4 * regions.length);
  });

  it("give the same answers whether a filter or a worker asks first", async () => {
    const sample = ["330421", "330421103", "310118", "yrd-demo", "yrd", "3304", "320509", "zj-jiaxing-jiashan", "440305", "unknown-place"];
    const workerFirst = await fresh();
    const a = sample.map((id) => workerFirst.regionContainers(id));
    const filterFirst = await fresh();
    filterFirst.expandRegion("yrd");
    filterFirst.regionChildIds("33");
    const b = sample.map((id) => filterFirst.regionContainers(id));
    expect(b).toEqual(a);
    expect(a[0]).toEqual(["region:yrd", "region:yrd-demo", "region:yrd-g60", "region:yrd-shmetro", "region:33", "region:3304", "region:330421"]);
    expect(a[7]).toEqual(a[0]);
    expect(a[9]).toEqual(["region:unknown-place"]);
  });

  it("hand out a new list each time (the kept one cannot be changed by a caller)", async () => {
    const d = await fresh();
    const first = d.regionContainers("330421");
    first.push("region:changed");
    first.splice(0, 1);
    expect(d.regionContainers("330421")).toEqual(["region:yrd", "region:yrd-demo", "region:yrd-g60", "region:yrd-shmetro", "region:33", "region:3304", "region:330421"]);
  });
});
