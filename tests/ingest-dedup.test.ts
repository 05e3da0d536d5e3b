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

  it("gives the SimHash and distances stored articles have (computed by the earlier BigInt implementation)", () => {
    expect(simhash(seed("000"))).toBe("119b60468c0e1886");
    expect(simhash("长三角")).toBe("90ee25bd514ec31b");
    expect(simhash("abc def")).toBe("084234d922404130");
    expect(simhash("")).toBe("0000000000000000");
    expect(hammingDistance("119b60468c0e1886", "119b60468c0e1886")).toBe(0);
    expect(hammingDistance("0000000000000000", "ffffffffffffffff")).toBe(64);
    expect(hammingDistance("8000000000000001", "0000000000000000")).toBe(2);
    expect(hammingDistance("119b60468c0e1886", "90ee25bd514ec31b")).toBe(hammingDistance("90ee25bd514ec31b", "119b60468c0e1886"));
  });

  it("is deterministic", () => {
    expect(simhash(a)).toBe(simhash(a));
    expect(simhash(a)).toMatch(/^[0-9a-f]{16}$/);
  });
});
