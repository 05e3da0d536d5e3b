// The synthetic corpus of `npm run bench` (lib/bench/synth.ts): deterministic, built from the real sources, with the
// planted reprints and near-duplicates it says it has.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSources, NEAR_DUPLICATE_SHARE, pagePath, REPRINT_SHARE, synthPage, writeCorpus, type SynthSources } from "@/lib/bench/synth";
import { requireCorpus } from "@/lib/eval/corpora";

let src: SynthSources;
beforeAll(() => {
  src = loadSources({ contentDir: "content", corpusDir: requireCorpus() });
}, 300_000);

describe("synthetic corpus", () => {
  it("gives the same page for the same seed and index, and another page for another seed", () => {
    for (const i of [0, 1, 17, 250]) expect(synthPage(src, 7, i)).toEqual(synthPage(src, 7, i));
    expect(synthPage(src, 7, 17).html).not.toBe(synthPage(src, 8, 17).html);
    expect(synthPage(src, 7, 17).html).not.toBe(synthPage(src, 7, 18).html);
  });

  it("does not depend on which pages were made before (page i from (seed, i) alone)", () => {
    const later = synthPage(src, 3, 99);
    for (let i = 0; i < 20; i++) synthPage(src, 3, i);
    expect(synthPage(src, 3, 99)).toEqual(later);
  });

  it("writes byte-identical files on a second run", { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-synth-"));
    try {
      writeCorpus(src, 5, 10, path.join(dir, "a"));
      writeCorpus(src, 5, 10, path.join(dir, "b"));
      for (let i = 0; i < 10; i++) {
        expect(fs.readFileSync(pagePath(path.join(dir, "b"), i))).toEqual(fs.readFileSync(pagePath(path.join(dir, "a"), i)));
        expect(fs.readFileSync(pagePath(path.join(dir, "a"), i), "utf8")).toBe(synthPage(src, 5, i).html);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("plants reprints and near-duplicates of earlier originals, in about the stated shares", { timeout: 120_000 }, () => {
    const pages = Array.from({ length: 600 }, (_, i) => synthPage(src, 11, i));
    const kinds = { original: 0, reprint: 0, "near-duplicate": 0 };
    for (const p of pages) {
      kinds[p.kind]++;
      if (p.kind !== "original") {
        expect(p.of).toBeLessThan(p.index);
        expect(pages[p.of!]!.kind).toBe("original");
      }
    }
    expect(kinds.reprint / 600).toBeGreaterThan(REPRINT_SHARE / 2);
    expect(kinds.reprint / 600).toBeLessThan(REPRINT_SHARE * 2);
    expect(kinds["near-duplicate"] / 600).toBeGreaterThan(NEAR_DUPLICATE_SHARE / 2);
    expect(kinds["near-duplicate"] / 600).toBeLessThan(NEAR_DUPLICATE_SHARE * 2);
    // A page's URL is its own: every page is its own article.
    expect(new Set(pages.map((p) => p.sidecar.url)).size).toBe(600);
  });

  it("wraps recombined real paragraphs in real page chrome", () => {
    const page = synthPage(src, 2, 5);
    const paragraphs = [...page.html.matchAll(/<p>([^<]+)<\/p>/g)].map((m) => m[1]!);
    expect(paragraphs.length).toBeGreaterThanOrEqual(4);
    expect(page.html.length).toBeGreaterThan(5000);
    expect(src.templates.some((t) => page.html.startsWith(t.parts[0]!))).toBe(true);
  });
});
