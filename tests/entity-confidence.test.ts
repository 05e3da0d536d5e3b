// Entity lists show the names the extraction is sure of (issue 9): from the data files, or named by two articles;
// a name found by its suffix in a single article (possibly a sentence fragment) is listed only on request.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { getTopEntitiesByKind } from "@/db/queries/entities";
import { PATTERN_CONFIDENCE } from "@/lib/extract/orgs-projects";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { requireCorpus } from "@/lib/eval/corpora";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-confidence-"));
const db = openDb(path.join(dir, "atlas.db"));
ingestPaths({ db, paths: ["content", requireCorpus("yrd-dev")] });
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("entity confidence", () => {
  it("stores 1 for names from the data files and less for names found by their suffix", () => {
    const conf = (name: string) => db.get<{ c: number }>(sql`select confidence as c from entities where name = ${name}`)?.c;
    expect(conf("华为青浦研发中心")).toBe(1);
    const pattern = db.all<{ c: number }>(sql`select confidence as c from entities where kind = 'project' and confidence < 1`);
    expect(pattern.length).toBeGreaterThan(0);
    for (const p of pattern) expect(p.c).toBe(PATTERN_CONFIDENCE);
  });

  it("lists only sure names by default and the rest on request", () => {
    const sure = getTopEntitiesByKind({ db, kind: "project", limit: 1000 });
    const all = getTopEntitiesByKind({ db, kind: "project", limit: 1000, all: true });
    expect(sure.hidden).toBeGreaterThan(0);
    expect(sure.items.every((e) => e.sure)).toBe(true);
    expect(all.items.length).toBe(sure.items.length + sure.hidden);
    expect(all.items.some((e) => !e.sure)).toBe(true);
    // A name two articles give is sure even when only found by its suffix.
    for (const e of all.items) if (e.articleCount >= 2) expect(e.sure).toBe(true);
  });

  it("does not change on a second ingest of the same pages", () => {
    const before = db.all(sql`select id, confidence from entities order by id`);
    ingestPaths({ db, paths: ["content"] });
    expect(db.all(sql`select id, confidence from entities order by id`)).toEqual(before);
  });
});
