// Near-duplicates through the real ingest pipeline into a temporary DATA_DIR: a reprint is folded into its twin,
// while two different stories that share some text stay two articles. The shared-text pairs are chosen so that their
// SimHashes are close enough to be compared shingle by shingle: only the 0.8 containment threshold keeps them apart.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { requireCorpus } from "@/lib/eval/corpora";
import { containment, hammingDistance, shingles, SIMHASH_CANDIDATE_DISTANCE } from "@/lib/ingest/dedup";
import { ingestPaths, type IngestSummary } from "@/lib/ingest/pipeline";

let dir: string;
let db: Db;
let summary: IngestSummary;

const seedParagraphs = (n: string) =>
  fs
    .readFileSync(path.join("content", fs.readdirSync("content").find((f) => f.startsWith(`${n}_`) && f.endsWith(".txt"))!), "utf8")
    .split(/\n\s*\n/)
    .map((p) => p.trim());

interface Row {
  id: string;
  title: string;
  body: string;
  simhash: string;
  duplicate_of: string | null;
}
const byFile = (name: string): Row => {
  const r = db.$client.prepare("select id, title, body, simhash, duplicate_of from articles where file_path like ?").get(`%/${name}`) as Row | undefined;
  if (!r) throw new Error(`${name} was not stored`);
  return r;
};
const statusOf = (name: string) => summary.files.find((f) => f.path.endsWith(`/${name}`));
const pairStats = (a: Row, b: Row) => ({ distance: hammingDistance(a.simhash, b.simhash), containment: containment(shingles(a.body), shingles(b.body)) });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-near-dup-"));
  db = openDb(path.join(dir, "atlas.db"));
  const input = path.join(dir, "pages");
  fs.mkdirSync(input);
  const yrd = requireCorpus("yrd-dev");

  // 1. Two real, different pages about the 长江三角洲区域一体化发展规划纲要 that both quote its preface:
  //    039 (traditional, the culture-and-tourism angle plus the full text) and 063 (a summary of the outline).
  for (const id of ["039", "063"]) for (const ext of [".txt", ".json"]) fs.copyFileSync(path.join(yrd, id + ext), path.join(input, `yrd-${id}${ext}`));

  // 2. Two notices on other subjects that end with the same long background section (seed 000's account of the
  //    demonstration zone's health check), as sites often append a standard "about" block.
  const background = seedParagraphs("000").slice(3, 8);
  fs.writeFileSync(path.join(input, "shared-x.txt"), ["示范区四年制度创新成果发布", ...seedParagraphs("001").slice(4, 10), ...background].join("\n\n"));
  fs.writeFileSync(path.join(input, "shared-x.json"), JSON.stringify({ url: "https://example.org/notice/x", site: "示范区通讯" }));
  fs.writeFileSync(path.join(input, "shared-y.txt"), ["浙江大都市区建设年度评价发布", ...seedParagraphs("004").slice(3, 15), ...background].join("\n\n"));
  fs.writeFileSync(path.join(input, "shared-y.json"), JSON.stringify({ url: "https://example.org/notice/y", site: "示范区通讯" }));

  // 3. The positive case: 063 as another site reprints it, with its own header and footer, full-width commas,
  //    no indentation, and without the site menu around it.
  const lines = fs.readFileSync(path.join(yrd, "063.txt"), "utf8").split("\n");
  const start = lines.findIndex((l) => l.startsWith("中共中央 国务院印发"));
  const story = lines.slice(start).filter((l) => l.trim() && !l.startsWith("发布日期"));
  const reprint = ["转载 | 长三角资讯网 > 政策", ...story.map((l) => l.trim().replace(/,/g, "，")), "(责任编辑:王五)"].join("\n\n");
  fs.writeFileSync(path.join(input, "z-reprint-of-063.txt"), reprint);
  fs.writeFileSync(path.join(input, "z-reprint-of-063.json"), JSON.stringify({ url: "https://example.net/reprint/063.html", site: "长三角资讯网" }));

  summary = ingestPaths({ db, paths: [input] });
});

afterAll(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("near-duplicates through the pipeline", () => {
  it("stores every page", () => {
    expect(summary.counts).toEqual({ new: 4, updated: 0, unchanged: 0, duplicate: 1, failed: 0 });
  });

  it("links a reprint of 063 to it", () => {
    const original = byFile("yrd-063.txt");
    const copy = byFile("z-reprint-of-063.txt");
    expect(pairStats(original, copy).containment).toBeGreaterThan(0.9);
    expect(statusOf("z-reprint-of-063.txt")).toMatchObject({ status: "duplicate", twin: original.id, shown: original.id });
    expect(copy.duplicate_of).toBe(original.id);
    expect(original.duplicate_of).toBeNull();
  });

  it("the shared-text pairs reach the shingle comparison and share between a third and three quarters of it", () => {
    // If a change to cleaning or SimHash moves a pair out of the candidate distance, this test no longer guards
    // the threshold: pick another pair rather than loosen this.
    for (const [a, b] of [
      ["yrd-039.txt", "yrd-063.txt"],
      ["shared-x.txt", "shared-y.txt"],
    ] as const) {
      const s = pairStats(byFile(a), byFile(b));
      expect(s.distance, `${a} ~ ${b}: SimHash distance`).toBeLessThanOrEqual(SIMHASH_CANDIDATE_DISTANCE);
      expect(s.containment, `${a} ~ ${b}: containment`).toBeGreaterThan(0.33);
      expect(s.containment, `${a} ~ ${b}: containment`).toBeLessThan(0.75);
    }
  });

  it("keeps two different stories apart when they only share part of their text", () => {
    for (const name of ["yrd-039.txt", "yrd-063.txt", "shared-x.txt", "shared-y.txt"]) {
      expect(statusOf(name), name).toMatchObject({ status: "new" });
      expect(byFile(name).duplicate_of, name).toBeNull();
    }
  });
});
