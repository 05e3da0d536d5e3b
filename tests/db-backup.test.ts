import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "@/db/backup";
import { openDb, type Db } from "@/db/client";
import { ingestPaths } from "@/lib/ingest/pipeline";

let dir: string;
let db: Db;
const file = () => path.join(dir, "atlas.db");

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-backup-"));
  db = openDb(file());
  ingestPaths({ db, paths: ["content"] });
  // Two tables a writer fills in step, one transaction per pair: a consistent copy has as many rows in each.
  db.$client.exec("create table pair_a (n integer); create table pair_b (n integer);");
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Another process writing pairs as fast as it can until it is stopped. */
function startWriter() {
  const script = `
    const db = new (require("better-sqlite3"))(${JSON.stringify(file())});
    db.pragma("busy_timeout = 5000");
    const a = db.prepare("insert into pair_a values (?)"), b = db.prepare("insert into pair_b values (?)");
    const pair = db.transaction((n) => { a.run(n); b.run(n); });
    let n = 0;
    process.stdout.write("ready\\n");
    for (;;) pair(n++);`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  return { child, ready };
}

describe("the database", () => {
  it("is in WAL mode, so readers and a backup never wait for a writer", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
  });

  it("backs up to a consistent, standalone copy while another process writes", async () => {
    const { child, ready } = startWriter();
    await ready;
    try {
      const copies = [];
      for (let i = 0; i < 3; i++) copies.push(await backupDatabase({ db, dest: path.join(dir, `copy-${i}.db`) }));
      for (const r of copies) {
        const copy = new Database(r.path, { readonly: true });
        const count = (t: string) => (copy.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
        expect(count("pair_a")).toBe(count("pair_b"));
        expect(count("articles")).toBe(r.articles);
        expect(r.articles).toBeGreaterThan(0);
        expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
        copy.close();
        expect(fs.existsSync(`${r.path}-wal`)).toBe(false);
      }
      // The writer really was writing during the copies.
      const last = new Database(copies[2]!.path, { readonly: true });
      expect((last.prepare("select count(*) as n from pair_a").get() as { n: number }).n).toBeGreaterThan(0);
      last.close();
    } finally {
      child.kill("SIGKILL");
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes(".partial-"))).toEqual([]);
  });

  it("never replaces an existing file unless told to, nor the database itself", async () => {
    const dest = path.join(dir, "copy-0.db");
    await expect(backupDatabase({ db, dest })).rejects.toThrow(/already exists/);
    await expect(backupDatabase({ db, dest: file(), overwrite: true })).rejects.toThrow(/database itself/);
    expect((await backupDatabase({ db, dest, overwrite: true })).articles).toBeGreaterThan(0);
  });

  it("`kb backup PATH` makes the copy from the command line", () => {
    const dest = path.join(dir, "cli", "atlas-copy.db");
    const r = spawnSync("npm", ["run", "--silent", "kb", "--", "backup", dest, "--json"], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_PATH: "" },
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ path: dest });
    expect(fs.existsSync(dest)).toBe(true);
  });
});
