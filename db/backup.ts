import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { AtlasError } from "../lib/errors";
import type { Db } from "./client";

export interface BackupResult {
  path: string;
  bytes: number;
  articles: number;
  ms: number;
}

/**
 * A consistent copy of the live database at `dest`, taken with SQLite's online backup API (better-sqlite3's
 * db.backup()): readers and writers (the app, an ingest) go on meanwhile, and the copy is one point in time. It is
 * written beside `dest` under a temporary name, checked (`integrity_check`), then renamed into place, so `dest` is
 * never a half-written file. An existing `dest` is only replaced with `overwrite`.
 */
export async function backupDatabase({
  db,
  dest,
  overwrite = false,
  onProgress,
}: {
  db: Db;
  dest: string;
  overwrite?: boolean;
  onProgress?: (done: number, total: number) => void;
}): Promise<BackupResult> {
  const started = Date.now();
  const target = path.resolve(dest);
  if (fs.existsSync(target) && !overwrite) throw new AtlasError("bad-request", `${target} already exists (pass --force to replace it)`);
  if (path.resolve(db.$client.name) === target) throw new AtlasError("bad-request", "the backup cannot replace the database itself");
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.partial-${process.pid}`;
  try {
    await db.$client.backup(tmp, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        // The rest in one step: a write by another connection between steps would restart the copy, and in WAL
        // mode one step is one read transaction, which never blocks the writers.
        return Math.max(256, remainingPages);
      },
    });
    const copy = new Database(tmp);
    try {
      // A standalone file: no -wal beside it.
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new AtlasError("internal", `the copy failed its integrity check: ${String(check)}`);
      const articles = (copy.prepare("select count(*) as n from articles").get() as { n: number }).n;
      copy.close();
      fs.renameSync(tmp, target);
      return { path: target, bytes: fs.statSync(target).size, articles, ms: Date.now() - started };
    } finally {
      if (copy.open) copy.close();
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
