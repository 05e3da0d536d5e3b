import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { requireCorpus } from "@/lib/eval/corpora";
import { ingestPaths, ingestPathsIsolated } from "@/lib/ingest/pipeline";

/*
 * Issue 13, peak RSS with two workers: the workers load their code through tsx's CommonJS hooks (no loader thread
 * a worker), and nothing in that may change what is stored. Real pages of the shared corpus (yrd-dev's scraped
 * texts with their sidecars, gne's full HTML pages with their chrome) are ingested twice: in this thread (vitest's
 * own module loading: the reference) and through the worker pool with 2 workers; every stored table must hold the
 * same rows (timestamps and run ids aside).
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-worker-memory-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every 5th yrd-dev page and every 8th gne page (sorted): 8 + 8 pages, read in place. */
function realPages(): string[] {
  const every = (files: string[], n: number) => files.sort().filter((_, i) => i % n === 0);
  const yrd = requireCorpus("yrd-dev");
  const gne = requireCorpus("gne");
  const html: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith(".html")) html.push(path.join(d, e.name));
    }
  };
  walk(gne);
  return [
    ...every(
      fs.readdirSync(yrd).filter((f) => f.endsWith(".txt")).map((f) => path.join(yrd, f)),
      5,
    ),
    ...every(html, 8),
  ];
}

const TABLES = [
  "articles",
  "paragraphs",
  "dedup_bands",
  "entities",
  "entity_aliases",
  "mentions",
  "figures",
  "milestones",
  "milestone_entities",
  "milestone_sources",
  "milestone_places",
  "article_topics",
];

/** A table's rows as sorted JSON lines, without the columns that record when (…_at) or in which run. */
function rows(db: Db, table: string): string[] {
  return (db.$client.prepare(`select * from ${table}`).all() as Record<string, unknown>[])
    .map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !k.endsWith("_at") && k !== "run_id")))
    .sort();
}

describe("the worker pool's loader", () => {
  it("stores exactly what the in-thread ingest stores, on real pages, with 2 workers", async () => {
    const files = realPages();
    expect(files).toHaveLength(16);
    const inThread = openDb(path.join(dir, "thread.db"));
    const pooled = openDb(path.join(dir, "pool.db"));
    try {
      const a = ingestPaths({ db: inThread, paths: files });
      const b = await ingestPathsIsolated({ db: pooled, paths: files, budget: { workers: 2 } });
      expect(b.pool!.workersStarted).toBe(2);
      const strip = (s: typeof a) => s.files.map(({ path: p, status, id, twin, code }) => ({ p, status, id, twin, code }));
      expect(strip(b)).toEqual(strip(a));
      expect(a.counts.new).toBeGreaterThan(10);
      for (const t of TABLES) expect(rows(pooled, t), t).toEqual(rows(inThread, t));
      // The comparison has something to compare: entities, mentions and milestones were found.
      for (const t of ["entities", "mentions", "milestones"]) expect(rows(inThread, t).length, t).toBeGreaterThan(0);
    } finally {
      inThread.$client.close();
      pooled.$client.close();
    }
  }, 300_000);
});
