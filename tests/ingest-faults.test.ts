import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { createIngestRun } from "@/db/queries/ingest";
import { classifyError } from "@/lib/ingest/analyze";
import { ingestPaths, ingestPathsIsolated, type FileResult, type IngestSummary } from "@/lib/ingest/pipeline";

/*
 * Issues 16 and 17, the ingest side: bad entries (FIFOs, /dev/zero, symlink loops, unreadable folders, pages that
 * take too long or too much memory) are reported one by one with their own code, and the good pages beside them are
 * stored. Good inputs are the real seeds in content/ and pages of ../shared/corpus/yrd-dev.
 */

const CORPUS = process.env.ATLAS_CORPUS_DIR ?? path.resolve("..", "shared", "corpus");
const YRD = path.join(CORPUS, "yrd-dev");
const SEEDS = fs.readdirSync("content").filter((f) => f.endsWith(".txt")).sort();

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(YRD)) throw new Error(`these tests read real pages from ${YRD} (set ATLAS_CORPUS_DIR): it is missing`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-faults-"));
  fs.chmodSync(dir, 0o755);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const newDb = (name: string): Db => openDb(path.join(dir, `${name}.db`));
const byName = (summary: IngestSummary) => Object.fromEntries(summary.files.map((f) => [path.basename(f.path), f])) as Record<string, FileResult>;
const rows = (db: Db, sql: string, ...args: unknown[]) => db.$client.prepare(sql).all(...args) as Record<string, unknown>[];

/** A folder of real pages: the five seeds (without their sidecars, so each is new) and three yrd-dev pages. */
function goodPages(into: string): string[] {
  fs.mkdirSync(into, { recursive: true });
  const names: string[] = [];
  for (const f of SEEDS) {
    fs.copyFileSync(path.join("content", f), path.join(into, `seed-${f}`));
    names.push(`seed-${f}`);
  }
  for (const f of fs.readdirSync(YRD).filter((f) => f.endsWith(".txt")).sort().slice(0, 3)) {
    fs.copyFileSync(path.join(YRD, f), path.join(into, `yrd-${f}`));
    names.push(`yrd-${f}`);
  }
  return names;
}

describe("one bad entry never aborts or blocks a run", () => {
  it("reports a FIFO sidecar, a sidecar linked to /dev/zero, a FIFO page and symlink loops, and stores the rest", () => {
    const work = path.join(dir, "entries");
    const good = goodPages(work);
    const seedText = fs.readFileSync(path.join("content", SEEDS[1]!));
    // Pages whose sidecar would block (a FIFO nobody writes to) or never end (/dev/zero).
    fs.writeFileSync(path.join(work, "fifo-sidecar.txt"), seedText);
    execFileSync("mkfifo", [path.join(work, "fifo-sidecar.json")]);
    fs.writeFileSync(path.join(work, "zero-sidecar.txt"), seedText);
    fs.symlinkSync("/dev/zero", path.join(work, "zero-sidecar.json"));
    // Pages that are not regular files, and symlink loops (a page, and a sidecar).
    execFileSync("mkfifo", [path.join(work, "fifo-page.html")]);
    fs.symlinkSync("/dev/zero", path.join(work, "zero-page.txt"));
    fs.symlinkSync("loop-page.html", path.join(work, "loop-page.html"));
    fs.writeFileSync(path.join(work, "loop-sidecar.txt"), seedText);
    fs.symlinkSync("loop-sidecar.json", path.join(work, "loop-sidecar.json"));
    // A folder symlinked into itself is not followed.
    fs.symlinkSync(".", path.join(work, "self"));

    const db = newDb("entries");
    const summary = ingestPaths({ db, paths: [work, path.join(work, "loop-page.html")] });
    const files = byName(summary);
    expect(files["fifo-sidecar.txt"]).toMatchObject({ status: "failed", code: "not-a-file", reason: "sidecar fifo-sidecar.json is a FIFO (named pipe), not a regular file" });
    expect(files["zero-sidecar.txt"]).toMatchObject({ status: "failed", code: "not-a-file", reason: "sidecar zero-sidecar.json is a character device, not a regular file" });
    expect(files["fifo-page.html"]).toMatchObject({ status: "failed", code: "not-a-file" });
    expect(files["fifo-page.html"]!.reason).toMatch(/is a FIFO \(named pipe\), not a regular file$/);
    expect(files["zero-page.txt"]).toMatchObject({ status: "failed", code: "not-a-file" });
    expect(files["zero-page.txt"]!.reason).toMatch(/is a character device, not a regular file$/);
    expect(files["loop-page.html"]).toMatchObject({ status: "failed", code: "symlink-loop" });
    expect(files["loop-page.html"]!.reason).toMatch(/symlink loop/);
    expect(files["loop-sidecar.txt"]).toMatchObject({ status: "failed", code: "symlink-loop", reason: "sidecar loop-sidecar.json: too many levels of symbolic links (a symlink loop)" });
    // The loop given by name fails at collection (symlink-loop), and again where the folder walk meets it.
    expect(summary.files.filter((f) => f.code === "symlink-loop").map((f) => path.basename(f.path))).toEqual(["loop-page.html", "loop-page.html", "loop-sidecar.txt"]);
    expect(summary.files.filter((f) => f.code === "internal")).toEqual([]);
    for (const g of good) expect(files[g]).toMatchObject({ status: "new" });
    expect(summary.counts).toMatchObject({ new: good.length, failed: 7 });
    // Every failure is in the database, with the run marked done.
    expect(rows(db, "select code from ingest_failures where run_id = ? order by id", summary.runId).map((r) => r.code).sort()).toEqual(
      ["not-a-file", "not-a-file", "not-a-file", "not-a-file", "symlink-loop", "symlink-loop", "symlink-loop"],
    );
    expect(rows(db, "select status, created, failed from ingest_runs where id = ?", summary.runId)[0]).toEqual({ status: "done", created: good.length, failed: 7 });
    db.$client.close();
  });

  it("reports an unreadable sub-folder as `unreadable` and ingests the rest of the tree (run as an unprivileged user)", () => {
    const work = path.join(dir, "unreadable");
    const good = goodPages(work);
    const locked = path.join(work, "locked");
    fs.mkdirSync(locked);
    fs.copyFileSync(path.join("content", SEEDS[0]!), path.join(locked, "hidden.txt"));
    fs.chmodSync(locked, 0o000);
    const dataDir = path.join(dir, "unreadable-data");
    fs.mkdirSync(dataDir, { mode: 0o777 });
    fs.chmodSync(dataDir, 0o777);
    // Root reads any folder: run the command as `nobody` then, the way an ordinary user meets the fault.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/kb.ts", "ingest", "--json", "--no-index", work], {
      encoding: "utf8",
      env: { ...process.env, DATA_DIR: dataDir, MEILI_URL: "", MEILI_MASTER_KEY: "", HOME: dataDir, TMPDIR: dataDir },
      timeout: 120_000,
      ...asUser,
    });
    fs.chmodSync(locked, 0o755);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout) as IngestSummary;
    expect(summary.files.find((f) => f.path === locked)).toMatchObject({ status: "failed", code: "unreadable", reason: "folder: permission denied" });
    expect(summary.counts).toMatchObject({ new: good.length, failed: 1 });
    const db = openDb(path.join(dataDir, "atlas.db"));
    expect(rows(db, "select status, failed from ingest_runs")).toEqual([{ status: "done", failed: 1 }]);
    db.$client.close();
  });

  it("calls a stack overflow `too-deep`, not `internal`", () => {
    const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
    let overflow: unknown;
    try {
      deep(1e7);
    } catch (e) {
      overflow = e;
    }
    expect(overflow).toBeInstanceOf(RangeError);
    expect(classifyError(overflow)).toMatchObject({ code: "too-deep" });
  });
});

describe("each file under a time and memory budget (worker threads)", () => {
  let work: string;
  let good: string[];
  beforeAll(() => {
    work = path.join(dir, "budget");
    good = goodPages(work);
    const lead = "<p>长三角生态绿色一体化发展示范区建设取得新进展，嘉善县投资100亿元建设新项目。</p>";
    const n = 100_000;
    // 100,000 nested <div>s with an article inside.
    fs.writeFileSync(path.join(work, "bad-deep-divs.html"), `<html><body>${lead}${"<div>".repeat(n)}<p>最深处的段落,一体化示范区建设。</p>${"</div>".repeat(n)}</body></html>`);
    // Nested tables and unclosed formatting elements (repeated structures the HTML parser works hard on).
    fs.writeFileSync(path.join(work, "bad-tables.html"), `<html><body>${lead}${"<table><tr><td><font><b>".repeat(20_000)}示范区</body></html>`);
    // An entity bomb in a text file: nested entity definitions and half a million entity references.
    const bomb = `<!DOCTYPE x [<!ENTITY a "&#x957F;&#x4E09;&#x89D2;">${Array.from({ length: 12 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join("")}]>\n`;
    fs.writeFileSync(path.join(work, "bad-entity-bomb.txt"), `${bomb}<p>长三角一体化示范区建设取得新进展。</p><p>x</p><p>y</p>${"&amp;&#x957F;&e12;".repeat(500_000)}\n`);
    // Deep and repeated structures in text: 《 nested 50,000 deep, a long run of Chinese numerals, &nbsp; runs.
    fs.writeFileSync(path.join(work, "bad-nested-titles.txt"), `长三角一体化示范区建设取得新进展。\n示范区发布${"《".repeat(50_000)}总体方案${"》".repeat(50_000)}。\n${"零".repeat(300_000)}投资10亿元。\n正文${"\u3000".repeat(300_000)}x\n`);
    // A page of 16 MB of real sentences: legitimate, but far more work than a short budget allows.
    const body = fs.readFileSync(path.join("content", SEEDS[1]!), "utf8").split("\n").filter((l) => l.length > 60).join("\n");
    const chunks: string[] = [];
    for (let i = 0, size = 0; size < 16_000_000; i++) {
      const chunk = body.replaceAll("。", `${i}。`) + "\n";
      chunks.push(chunk);
      size += Buffer.byteLength(chunk);
    }
    fs.writeFileSync(path.join(work, "bad-huge.txt"), chunks.join(""));
  });

  it("stores the good pages, reports the slow one as `timeout`, and goes on", async () => {
    const db = newDb("budget-time");
    const summary = await ingestPathsIsolated({ db, paths: [work], budget: { timeoutMs: 5_000, workers: 2 } });
    const files = byName(summary);
    expect(files["bad-huge.txt"]).toMatchObject({ status: "failed", code: "timeout" });
    expect(files["bad-huge.txt"]!.reason).toMatch(/longer than the 5 s budget/);
    for (const g of good) expect(files[g]).toMatchObject({ status: "new" });
    // The pathological pages are cut to size and stored, each with a note saying what was cut.
    expect(files["bad-deep-divs.html"]).toMatchObject({ status: "new" });
    expect(files["bad-deep-divs.html"]!.notes?.join()).toMatch(/HTML nested 100,00\d levels deep/);
    expect(files["bad-nested-titles.txt"]).toMatchObject({ status: "new" });
    expect(files["bad-nested-titles.txt"]!.notes?.join()).toMatch(/run\(s\) of one repeated character cut/);
    for (const f of ["bad-tables.html", "bad-entity-bomb.txt"]) expect(files[f]!.status === "new" || files[f]!.code !== "internal").toBe(true);
    const stored = rows(db, "select file_path from articles").map((r) => path.basename(String(r.file_path)));
    for (const g of good) expect(stored).toContain(g);
    expect(rows(db, "select code from ingest_failures where run_id = ?", summary.runId)).toContainEqual({ code: "timeout" });
    db.$client.close();
  }, 180_000);

  it("reports a page that needs more than the memory budget as `too-large`", async () => {
    const db = newDb("budget-memory");
    // 128 MB: a worker's own tables take ~60 MB of it (~85 MB before issue 13's fourth pass), so the 16 MB page runs
    // out of heap. The time budget is far above what the page takes on an idle machine: on a loaded one the memory
    // budget, not the clock, must be what stops it, or the test would measure the machine's load.
    const summary = await ingestPathsIsolated({ db, paths: [work], budget: { timeoutMs: 900_000, maxMemoryMb: 128, workers: 1 } });
    const files = byName(summary);
    expect(files["bad-huge.txt"]).toMatchObject({ status: "failed", code: "too-large" });
    expect(files["bad-huge.txt"]!.reason).toMatch(/more than the 128 MB memory budget/);
    for (const g of good) expect(files[g]).toMatchObject({ status: "new" });
    db.$client.close();
  }, 960_000);

  it("stores exactly what the in-thread ingest stores", async () => {
    const a = newDb("same-a");
    const b = newDb("same-b");
    const paths = ["content", YRD];
    const inThread = ingestPaths({ db: a, paths });
    const isolated = await ingestPathsIsolated({ db: b, paths });
    const strip = (s: IngestSummary) => s.files.map(({ path: p, status, id, twin, shown, code }) => ({ p, status, id, twin, shown, code }));
    expect(strip(isolated)).toEqual(strip(inThread));
    const q = "select id, record_hash, duplicate_of from articles order by id";
    expect(rows(b, q)).toEqual(rows(a, q));
    a.$client.close();
    b.$client.close();
  }, 180_000);
});

describe("a killed run does not stay `running`", () => {
  it("marks a run whose process is gone `interrupted` at the start of the next run", () => {
    const db = newDb("interrupted");
    const gone = spawnSync("true").pid!;
    const stale = createIngestRun({ db, inputs: ["x"], pid: gone });
    const alive = createIngestRun({ db, inputs: ["y"], pid: process.pid });
    const summary = ingestPaths({ db, paths: [path.join("content", SEEDS[0]!)] });
    expect(summary.interrupted).toEqual([stale]);
    const status = (id: number) => rows(db, "select status from ingest_runs where id = ?", id)[0]!.status;
    expect(status(stale)).toBe("interrupted");
    expect(status(alive)).toBe("running");
    expect(status(summary.runId)).toBe("done");
    db.$client.close();
  });

  it("keeps the failures and counts of a `kb ingest` killed with SIGKILL, and the next run marks it interrupted", async () => {
    const dataDir = path.join(dir, "killed");
    fs.mkdirSync(dataDir);
    const missing = path.join(dir, "no-such-page.html");
    // Enough pages (yrd-dev, gne, cwced: about 170) that the run is still going well after its first batch commits
    // its counts (at 64 pages or after a second): 40 small pages alone could finish inside one batch on an idle machine.
    const pages = [YRD, path.join(CORPUS, "gne"), path.join(CORPUS, "cwced", "original")];
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/kb.ts", "ingest", "--json", "--no-index", "--workers", "1", missing, ...pages], {
      env: { ...process.env, DATA_DIR: dataDir, MEILI_URL: "", MEILI_MASTER_KEY: "" },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const dbPath = path.join(dataDir, "atlas.db");
    // Wait until the run has recorded its first failure and stored at least one page, then kill it.
    let seen: Record<string, unknown> | undefined;
    for (let i = 0; i < 1200 && !seen; i++) {
      await new Promise((r) => setTimeout(r, 50));
      if (!fs.existsSync(dbPath)) continue;
      try {
        const probe = openDb(dbPath);
        seen = rows(probe, "select id, status, created, failed from ingest_runs where created > 0")[0];
        probe.$client.close();
      } catch {
        // The child may be migrating the file right now.
      }
    }
    child.kill("SIGKILL");
    await exited;
    expect(seen).toMatchObject({ status: "running", failed: 1 });
    const db = openDb(dbPath);
    const runId = seen!.id as number;
    expect(rows(db, "select code, path from ingest_failures where run_id = ?", runId)).toEqual([{ code: "not-found", path: missing }]);
    const next = ingestPaths({ db, paths: [path.join("content", SEEDS[0]!)] });
    expect(next.interrupted).toEqual([runId]);
    const killed = rows(db, "select status, created, failed, finished_at from ingest_runs where id = ?", runId)[0]!;
    expect(killed).toMatchObject({ status: "interrupted", failed: 1 });
    expect(killed.created).toBeGreaterThan(0);
    expect(killed.finished_at).toBeTruthy();
    db.$client.close();
  }, 120_000);
});
