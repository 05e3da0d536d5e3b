import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { containment, findNearDuplicate, hammingDistance, shingles, simhash } from "@/lib/ingest/dedup";

const seed = (n: string) => fs.readFileSync(fs.readdirSync("content").map((f) => `content/${f}`).find((f) => f.includes(`/${n}_`) && f.endsWith(".txt"))!, "utf8");

describe("near-duplicate detection", () => {
  const a = seed("001");
  // The same story as another site would scrape it: other spacing and punctuation, a different
  // header and footer, one paragraph dropped.
  const paragraphs = a.split(/\n\s*\n/);
  const reprint = ["来源:某某网 2023-12-10", ...paragraphs.slice(0, -3).map((p) => p.replace(/,/g, ",").replace(/\s+/g, "")), "责任编辑:张三"].join("\n\n");

  it("finds a reprint with different boilerplate", () => {
    expect(hammingDistance(simhash(a), simhash(reprint))).toBeLessThan(12);
    expect(containment(shingles(a), shingles(reprint))).toBeGreaterThan(0.9);
    expect(findNearDuplicate(reprint, simhash(reprint), [{ id: "x", simhash: simhash(a), body: a }])).toBe("x");
  });

  it("does not confuse two different stories on the same topic", () => {
    const b = seed("000");
    const c = seed("002");
    expect(containment(shingles(b), shingles(c))).toBeLessThan(0.2);
    expect(findNearDuplicate(b, simhash(b), [{ id: "c", simhash: simhash(c), body: c }, { id: "a", simhash: simhash(a), body: a }])).toBeNull();
  });

  it("is deterministic", () => {
    expect(simhash(a)).toBe(simhash(a));
    expect(simhash(a)).toMatch(/^[0-9a-f]{16}$/);
  });
});
