// The near-duplicate index (MinHash LSH bands in SQLite): the keys themselves, the index the store keeps, the same
// decisions as the old check against every earlier original on a fixture set, and batched writes that still store
// each article whole or not at all.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { getOriginalsSharingKeys } from "@/db/queries/ingest";
import { requireCorpus } from "@/lib/eval/corpora";
import { recordFile } from "@/lib/ingest/analyze";
import { contentSkeleton, findNearDuplicate, LSH_BANDS, lshKeys, MIN_PARAGRAPH_KEY, PARAGRAPH_BAND } from "@/lib/ingest/dedup";
import { ingestPaths, storeRecords, type IngestSummary } from "@/lib/ingest/pipeline";

const seedFile = (n: string) => path.join("content", fs.readdirSync("content").find((f) => f.startsWith(`${n}_`) && f.endsWith(".txt"))!);
const seed = (n: string) => fs.readFileSync(seedFile(n), "utf8");

let dir: string;
const newDb = (name: string) => openDb(path.join(dir, `${name}.db`));
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-lsh-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("LSH keys", () => {
  const a = seed("001");
  const paragraphs = a.split(/\n\s*\n/);
  const reprint = ["来源:某某网 2023-12-10", ...paragraphs.slice(0, -3).map((p) => p.replace(/,/g, "，").replace(/\s+/g, "")), "责任编辑:张三"].join("\n\n");

  it("gives one key per band, each in its own band's range, the same for the same text", () => {
    const keys = lshKeys(a);
    const bands = keys.map((k) => Math.floor(k / 2 ** 32));
    expect(bands.slice(0, LSH_BANDS)).toEqual([...Array(LSH_BANDS).keys()]);
    // Then one key per long paragraph.
    const long = a.split(/\n+/).filter((p) => contentSkeleton(p).length >= MIN_PARAGRAPH_KEY);
    expect(new Set(keys.slice(LSH_BANDS)).size).toBe(new Set(long.map(contentSkeleton)).size);
    expect(bands.slice(LSH_BANDS).every((b) => b === PARAGRAPH_BAND)).toBe(true);
    expect(keys.every(Number.isSafeInteger)).toBe(true);
    expect(lshKeys(a)).toEqual(keys);
    // Spacing and punctuation are not content: they change no key.
    expect(lshKeys(a.replace(/[ \t\u3000]+/g, "").replace(/,/g, "，"))).toEqual(keys);
  });

  it("shares keys between a reprint and its original, none between two different stories", () => {
    const shared = (x: string, y: string) => lshKeys(x).filter((k) => lshKeys(y).includes(k)).length;
    expect(shared(a, reprint)).toBeGreaterThan(0);
    expect(shared(seed("000"), seed("002"))).toBe(0);
    expect(shared(seed("003"), seed("004"))).toBe(0);
  });

  it("has no keys for an empty body", () => {
    expect(lshKeys("")).toEqual([]);
  });
});

/**
 * The fixture set: the real articles of content/ and yrd-dev, and for some of them reprints as other sites make
 * them (a lead-in and editor line, other punctuation, the last paragraphs dropped, or only the first half kept).
 */
function writeFixtures(input: string): string[] {
  const yrd = requireCorpus("yrd-dev");
  const names: string[] = [];
  const put = (name: string, text: string, url: string) => {
    fs.writeFileSync(path.join(input, `${name}.txt`), text);
    fs.writeFileSync(path.join(input, `${name}.json`), JSON.stringify({ url, site: name.split("-")[0] }));
    names.push(name);
  };
  const texts = [
    ...fs.readdirSync("content").filter((f) => f.endsWith(".txt")).map((f) => fs.readFileSync(path.join("content", f), "utf8")),
    ...fs.readdirSync(yrd).filter((f) => f.endsWith(".txt")).sort().map((f) => fs.readFileSync(path.join(yrd, f), "utf8")),
  ];
  texts.forEach((text, i) => {
    const n = String(i).padStart(3, "0");
    put(`a-${n}`, text, `https://a.example/${n}`);
    const lines = text.split(/\n/).filter((l) => l.trim());
    if (i % 3 === 0) put(`b-${n}`, ["转载自某某网", ...lines.map((l) => l.trim().replace(/,/g, "，")), "(责任编辑:王五)"].join("\n\n"), `https://b.example/${n}`);
    if (i % 5 === 0) put(`c-${n}`, lines.slice(0, Math.max(3, lines.length - 2)).join("\n"), `https://c.example/${n}`);
    if (i % 7 === 0) put(`d-${n}`, lines.slice(0, Math.ceil(lines.length / 2)).join("\n"), `https://d.example/${n}`);
  });
  return names;
}

interface Stored {
  id: string;
  body: string;
  simhash: string;
  content_hash: string;
  published_precision: string | null;
  file_path: string;
}
const RANK: Record<string, number> = { year: 1, month: 2, day: 3 };

/** The old decision: every page compared with every earlier original (same body first, then near-duplicates). */
function pairwiseTwins(articles: Stored[]): Map<string, string | null> {
  let originals: Stored[] = [];
  const out = new Map<string, string | null>();
  for (const a of articles) {
    const others = originals.filter((o) => o.id !== a.id);
    const candidates = others.map((o) => ({ id: o.id, simhash: o.simhash, body: o.body }));
    const twinId = others.find((o) => o.content_hash === a.content_hash)?.id ?? findNearDuplicate(a.body, a.simhash, candidates);
    const twin = others.find((o) => o.id === twinId);
    const replaces = !!twin && (RANK[a.published_precision ?? ""] ?? 0) > (RANK[twin.published_precision ?? ""] ?? 0);
    if (replaces) originals = originals.filter((o) => o.id !== twin.id);
    if (!twin || replaces) originals.push(a);
    out.set(a.file_path, twin?.id ?? null);
  }
  return out;
}

describe("the near-duplicate index through the pipeline", () => {
  let db: Db;
  let summary: IngestSummary;
  let names: string[];
  beforeAll(() => {
    db = newDb("fixtures");
    const input = path.join(dir, "pages");
    fs.mkdirSync(input);
    names = writeFixtures(input);
    summary = ingestPaths({ db, paths: [input] });
  }, 240_000);
  afterAll(() => db?.$client.close());

  it("makes the same decisions as comparing every page with every earlier original", () => {
    const stored = db.$client.prepare("select id, body, simhash, content_hash, published_precision, file_path from articles order by rowid").all() as Stored[];
    expect(stored.length).toBe(names.length - summary.counts.failed);
    const expected = pairwiseTwins(stored);
    const got = new Map(summary.files.filter((f) => f.status !== "failed").map((f) => [path.relative(process.cwd(), f.path), f.twin ?? null]));
    expect(got).toEqual(expected);
    // The fixture set has work for the index: reprints found, and not one page linked to everything.
    expect(summary.counts.duplicate).toBeGreaterThan(20);
    expect(summary.counts.new).toBeGreaterThan(40);
  });

  it("keeps every original's keys, and none of a duplicate's", () => {
    const rows = db.$client
      .prepare("select a.id, a.body, a.duplicate_of as dup, count(d.key) as n from articles a left join dedup_bands d on d.article_id = a.id group by a.id")
      .all() as { id: string; body: string; dup: string | null; n: number }[];
    for (const r of rows) expect(r.n).toBe(r.dup ? 0 : new Set(lshKeys(r.body)).size);
  });

  it("finds an original from a reprint's keys, and nothing from an unrelated text's", () => {
    const original = db.$client.prepare("select id, body from articles where file_path like '%/a-003.txt'").get() as { id: string; body: string };
    const reprint = db.$client.prepare("select body from articles where file_path like '%/b-003.txt'").get() as { body: string };
    expect(getOriginalsSharingKeys({ db, keys: lshKeys(reprint.body), id: "none" }).map((o) => o.id)).toContain(original.id);
    expect(getOriginalsSharingKeys({ db, keys: lshKeys("完全无关的一段文字，讲的是天气和园艺，与长三角没有关系。".repeat(3)), id: "none" })).toEqual([]);
  });

  it("indexes at the next run the originals stored before the index existed", () => {
    db.$client.exec("delete from dedup_bands");
    ingestPaths({ db, paths: [] });
    const bodies = db.$client.prepare("select body from articles where duplicate_of is null").pluck().all() as string[];
    expect(db.$client.prepare("select count(*) from dedup_bands").pluck().get()).toBe(bodies.reduce((n, b) => n + new Set(lshKeys(b)).size, 0));
  });
});

describe("batched writes", () => {
  it("store each article whole or not at all: one failing article leaves no row, its batch-mates are kept", () => {
    const db = newDb("batch");
    const [one, two, three] = ["000", "001", "002"].map((n) => ({ file: seedFile(n), ...recordFile(seedFile(n)) }));
    // A mention of an entity that is not stored: the foreign key fails after the article and its paragraphs were written.
    const broken = structuredClone(two!);
    broken.record.mentions.push({ entityId: "org:not-stored", paragraph: 0, start: 0, end: 1, text: "x" });
    const summary = storeRecords({ db, records: [one!, broken, three!] });
    expect(summary.counts).toMatchObject({ new: 2, failed: 1 });
    expect(summary.files.find((f) => f.status === "failed")?.path).toBe(two!.file);
    const count = (table: string, id: string) => db.$client.prepare(`select count(*) from ${table} where ${table === "articles" ? "id" : "article_id"} = ?`).pluck().get(id);
    const id = two!.record.article.id;
    for (const table of ["articles", "paragraphs", "mentions", "figures", "article_topics", "milestone_sources", "dedup_bands"]) expect(count(table, id)).toBe(0);
    for (const ok of [one!, three!]) {
      expect(count("articles", ok.record.article.id)).toBe(1);
      expect(count("paragraphs", ok.record.article.id)).toBe(ok.record.paragraphs.length);
    }
    // The run and its failure are committed with the rest.
    expect(db.$client.prepare("select count(*) from ingest_failures").pluck().get()).toBe(1);
    db.$client.close();
  });
});
