import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { idf } from "@node-rs/jieba/dict";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { CompactTable, wordIdf } from "@/lib/extract/text";
import { ingestWindow, ingestPathsIsolated, type IngestSummary } from "@/lib/ingest/writer";

/*
 * Issue 13, the ingest's cost of scale: what keeps memory bounded (the window of files in flight, the compact IDF
 * table, a writer that loads no cleaning code) and what must not change with it (the same results with 1 worker as
 * with 2). No timings here: speed is measured by `npm run bench`.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-scale-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("jieba's IDF table in typed arrays", () => {
  it("gives every word of the table the value a Map of its lines gives, and unknown words Infinity", () => {
    const map = new Map<string, number>();
    for (const line of Buffer.from(idf).toString("utf8").split("\n")) {
      const at = line.lastIndexOf(" ");
      if (at > 0) map.set(line.slice(0, at), Number(line.slice(at + 1)));
    }
    expect(map.size).toBeGreaterThan(200_000);
    let differ = 0;
    for (const [word, value] of map) if (wordIdf(word) !== value) differ++;
    expect(differ).toBe(0);
    for (const unknown of ["长三角生态绿色一体化发展示范区执委会", "", "zzzz"]) expect(wordIdf(unknown)).toBe(map.get(unknown) ?? Infinity);
  });

  it("keeps the later of two entries for one key, as a Map would", () => {
    // Byte offsets: 甲 and 乙 are three bytes each in UTF-8.
    const bytes = Buffer.from("甲 1\n乙 2\n甲 3\n");
    const t = new CompactTable(bytes, [[0, 3, 1], [6, 9, 2], [12, 15, 3]], 3);
    expect(t.get("甲")).toBe(3);
    expect(t.get("乙")).toBe(2);
    expect(t.get("丙")).toBeUndefined();
    expect(t.get("甲 1")).toBeUndefined();
    expect(t.get("甲".repeat(200))).toBeUndefined();
    expect(() => new CompactTable(Buffer.from("ab"), [[0, 1, 1], [1, 2, 2]], 1)).toThrow(RangeError);
  });
});

/** Value imports (not `import type`) of a module, resolved to files under lib/ and db/. */
function valueImports(file: string): string[] {
  const src = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^"';]*?\sfrom\s+)?"([^"]+)";/gm)) {
    const spec = m[1]!;
    const base = spec.startsWith("@/") ? path.resolve(spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : null;
    if (!base) continue;
    const found = [`${base}.ts`, path.join(base, "index.ts"), base].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (found) out.push(found);
  }
  return out;
}

/** Files under lib/ and db/ a module loads at startup: its value imports, followed (dynamic imports are not). */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [path.resolve(entry)];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...valueImports(f));
  }
  return [...seen].map((f) => path.relative(process.cwd(), f));
}

const HEAVY = (f: string) => f.startsWith("lib/extract/") || f === "lib/domain/regions.ts" || /^lib\/ingest\/(analyze|process|html.*|junk|furniture|normalize|record|metadata)\.ts$/.test(f);

describe("the writer thread", () => {
  it("loads no cleaning or extraction code (writer.ts's imports, followed)", () => {
    const rel = staticGraph("lib/ingest/writer.ts");
    expect(rel).toContain("lib/ingest/pool.ts");
    expect(rel).toContain("db/queries/ingest.ts");
    expect(rel.filter(HEAVY)).toEqual([]);
  });

  it("is not made to load them by the kb CLI either (every command's module, followed)", () => {
    // The region tables' JSON alone cost ~70 MB of RSS in `kb ingest`'s main thread: commands that need them
    // (search's facet options, aliases' review) import them when they run.
    const rel = staticGraph("scripts/kb.ts");
    expect(rel).toContain("lib/ingest/writer.ts");
    expect(rel).toContain("scripts/commands/search.ts");
    expect(rel.filter(HEAVY)).toEqual([]);
  });
});

/** 30 pages: the five seeds, each in six versions (a closing sentence added), so there are duplicates and originals. */
function pages(): string {
  const into = path.join(dir, "pages");
  if (fs.existsSync(into)) return into;
  fs.mkdirSync(into);
  const seeds = fs.readdirSync("content").filter((f) => f.endsWith(".txt")).sort();
  for (const seed of seeds) {
    const text = fs.readFileSync(path.join("content", seed), "utf8");
    for (let v = 0; v < 6; v++) {
      const extra = v === 0 ? "" : `\n\n本文第${v}次更新：长三角一体化示范区执委会第${v}号通报补充了相关项目的最新进展情况和下一步工作安排。\n`;
      fs.writeFileSync(path.join(into, `${path.basename(seed, ".txt")}-v${v}.txt`), text + extra);
    }
  }
  return into;
}

describe("the worker-pool ingest", () => {
  const runs: Record<number, { db: Db; summary: IngestSummary }> = {};
  const ingest = async (workers: number) => {
    const db = openDb(path.join(dir, `w${workers}.db`));
    runs[workers] = { db, summary: await ingestPathsIsolated({ db, paths: [pages()], budget: { workers } }) };
    return runs[workers];
  };
  afterAll(() => Object.values(runs).forEach((r) => r.db.$client.close()));

  it("holds at most its window of files at once, and reports each worker's heap", async () => {
    const { summary } = await ingest(1);
    expect(summary.files).toHaveLength(30);
    expect(summary.counts.failed).toBe(0);
    expect(summary.pool!.maxInFlight).toBeGreaterThan(1);
    expect(summary.pool!.maxInFlight).toBeLessThanOrEqual(ingestWindow(1));
    expect(summary.pool!.workersStarted).toBe(1);
    expect(summary.pool!.workerHeapUsedMb).toBeGreaterThan(0);
    expect(summary.pool!.workerHeapTotalMb).toBeGreaterThanOrEqual(summary.pool!.workerHeapUsedMb);
  }, 180_000);

  it("stores the same articles and duplicates with 2 workers as with 1", async () => {
    const one = runs[1] ?? (await ingest(1));
    const two = await ingest(2);
    expect(two.summary.pool!.maxInFlight).toBeLessThanOrEqual(ingestWindow(2));
    const strip = (s: IngestSummary) => s.files.map(({ path: p, status, id, twin, shown }) => ({ p, status, id, twin, shown }));
    expect(strip(two.summary)).toEqual(strip(one.summary));
    expect(two.summary.counts).toEqual(one.summary.counts);
    expect(one.summary.counts.duplicate).toBeGreaterThan(0);
    const q = "select id, record_hash, duplicate_of from articles order by id";
    expect(two.db.$client.prepare(q).all()).toEqual(one.db.$client.prepare(q).all());
  }, 180_000);
});
