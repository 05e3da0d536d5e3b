import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { Dictionary } from "@/lib/extract/text";
import { allRegions } from "@/lib/extract/regions";

/* Dictionary.longestAt is a plain loop (scan calls it at every character); it must stay the first of allAt. */
describe("Dictionary.longestAt", () => {
  it("is the first (longest) of allAt at every position of real text, over the gazetteer's forms", () => {
    const forms = new Map<string, string>();
    for (const r of allRegions()) for (const a of r.aliases) forms.set(a, r.id);
    const dict = new Dictionary(forms);
    const dir = "../shared/corpus/yrd-dev";
    const text = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().slice(0, 10).map((f) => fs.readFileSync(`${dir}/${f}`, "utf8")).join("\n");
    let hits = 0;
    const wrong: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const first = dict.allAt(text, i).next().value;
      const got = dict.longestAt(text, i);
      if (got) hits++;
      if (got?.form !== first?.form || got?.value !== first?.value) wrong.push(i);
    }
    expect(wrong).toEqual([]);
    expect(hits).toBeGreaterThan(50);
  });

  it("prefers the longest form, skips forms running past the end, and finds nothing without a first character", () => {
    const dict = new Dictionary([["上海", 1], ["上海市", 2], ["上海市青浦区", 3], ["浦东", 4]]);
    expect(dict.longestAt("上海市青浦区人民政府", 0)).toEqual({ form: "上海市青浦区", value: 3 });
    expect(dict.longestAt("在上海市", 1)).toEqual({ form: "上海市", value: 2 });
    expect(dict.longestAt("在上海", 1)).toEqual({ form: "上海", value: 1 });
    expect(dict.longestAt("上", 0)).toBeUndefined();
    expect(dict.longestAt("北京", 0)).toBeUndefined();
    expect(dict.scan("上海市和浦东").map((m) => m.value)).toEqual([2, 4]);
  });
});
