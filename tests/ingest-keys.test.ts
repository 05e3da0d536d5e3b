import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { collectInputs, ingestPaths } from "@/lib/ingest/pipeline";
import { articleIdFor, resolveArticleId, type RowOwner } from "@/lib/ingest/record";
import { requireCorpus } from "@/lib/eval/corpora";

/*
 * Article keys on the real corpora: the demo corpus, yrd-dev and gne hold different pages that claim the same URL
 * (gne's thepaper/2 and thepaper/4 are two scrapes of one address). Each input must get its own row, and a second
 * run must change nothing.
 */
const CORPORA = ["content", requireCorpus("yrd-dev"), requireCorpus("gne")];

let dir: string;
let db: Db;
const rows = <T>(q: string) => db.$client.prepare(q).all() as T[];
const snapshot = () =>
  Object.fromEntries(
    ["articles", "paragraphs", "mentions", "figures", "milestone_sources", "article_topics"].map((t) => [t, rows(`select * from ${t} order by 1, 2`)]),
  );

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-keys-"));
  db = openDb(path.join(dir, "atlas.db"));
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("article keys on the real corpora", () => {
  it("stores every input in a row of its own on an empty database (nothing overwritten)", () => {
    const { files } = collectInputs(CORPORA);
    const summary = ingestPaths({ db, paths: CORPORA });
    expect(summary.counts.updated).toBe(0);
    expect(summary.counts.failed).toBe(0);
    const stored = rows<{ id: string; file_path: string }>("select id, file_path from articles");
    expect(stored).toHaveLength(files.length);
    expect(new Set(stored.map((r) => r.file_path)).size).toBe(files.length);
    // Each result names a different row.
    const ids = summary.files.map((f) => f.id);
    expect(new Set(ids).size).toBe(files.length);
    // Inputs that share a key (the same URL, or the same body without one) are all kept, and shown once.
    const key = "coalesce(url, 'content:' || content_hash)";
    const shared = rows<{ k: string; shown: number }>(
      `select ${key} as k, sum(duplicate_of is null) as shown from articles group by k having count(*) > 1`,
    );
    expect(shared.length).toBeGreaterThan(0);
    for (const { shown } of shared) expect(shown).toBe(1);
  });

  it("changes nothing when run again, nor when the same files are named by absolute paths", () => {
    const before = snapshot();
    const again = ingestPaths({ db, paths: CORPORA });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, duplicate: 0, failed: 0 });
    const absolute = ingestPaths({ db, paths: CORPORA.map((p) => path.resolve(p)) });
    expect(absolute.counts).toMatchObject({ new: 0, updated: 0, duplicate: 0, failed: 0 });
    expect(snapshot()).toEqual(before);
  });

  it("finds its rows again after the corpus is moved (same bodies, old files gone)", () => {
    const src = requireCorpus("gne/tests/thepaper");
    const moved = path.join(dir, "moved");
    fs.cpSync(src, path.join(dir, "first"), { recursive: true });
    const first = ingestPaths({ db, paths: [path.join(dir, "first")] });
    const ids = Object.fromEntries(first.files.map((f) => [path.basename(f.path), f.id]));
    // Copies of files already stored elsewhere are rows of their own, linked as duplicates.
    expect(first.counts.updated).toBe(0);
    fs.renameSync(path.join(dir, "first"), moved);
    const after = ingestPaths({ db, paths: [moved] });
    // Each row takes the new path (reported with its twin, as it is a copy of gne's own thepaper pages).
    expect(after.counts).toMatchObject({ new: 0, failed: 0 });
    expect(Object.fromEntries(after.files.map((f) => [path.basename(f.path), f.id]))).toEqual(ids);
  });
});

describe("resolveArticleId", () => {
  const exists = new Set<string>(["a.html", "b.html"]);
  const resolve = (input: RowOwner, table: Map<string, RowOwner>) =>
    resolveArticleId(input, (id) => table.get(id), (x, y) => x === y, (p) => exists.has(p));
  const url = "https://example.org/x";

  it("gives a second file with the same URL the next id, and each file its own id on every run", () => {
    const table = new Map<string, RowOwner>();
    const a = { url, contentHash: "h1", filePath: "a.html" };
    const b = { url, contentHash: "h2", filePath: "b.html" };
    const idA = resolve(a, table);
    expect(idA).toBe(articleIdFor(url, "h1"));
    table.set(idA, a);
    const idB = resolve(b, table);
    expect(idB).not.toBe(idA);
    table.set(idB, b);
    expect([resolve(a, table), resolve(b, table)]).toEqual([idA, idB]);
    // An edited file keeps its row.
    expect(resolve({ ...b, contentHash: "h3" }, table)).toBe(idB);
  });

  it("skips a row whose key differs (a prefix collision) instead of overwriting it", () => {
    const table = new Map<string, RowOwner>([[articleIdFor(url, "h1"), { url: "https://other.example/", contentHash: "zz", filePath: "z.html" }]]);
    const id = resolve({ url, contentHash: "h1", filePath: "a.html" }, table);
    expect(id).not.toBe(articleIdFor(url, "h1"));
  });

  it("keeps two files with the same body and no URL apart", () => {
    const table = new Map<string, RowOwner>();
    const a = { url: null, contentHash: "h", filePath: "a.html" };
    const idA = resolve(a, table);
    table.set(idA, a);
    expect(resolve({ ...a, filePath: "b.html" }, table)).not.toBe(idA);
    // …but a moved file (old path gone, same body) takes its row back.
    expect(resolve({ ...a, filePath: "moved/a.html" }, new Map([[idA, { ...a, filePath: "gone/a.html" }]]))).toBe(idA);
  });
});
