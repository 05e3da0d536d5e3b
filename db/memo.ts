import type { Db } from "./client";

/**
 * What a connection has seen of the database: `data_version` changes when another connection (kb ingest, kb index,
 * another process) commits, `total_changes()` when this one writes. Equal values: the data has not changed.
 */
export function dataVersion(db: Db): string {
  const r = db.$client.prepare("select total_changes() as changes").get() as { changes: number };
  return `${String(db.$client.pragma("data_version", { simple: true }))}:${r.changes}`;
}

const memos = new WeakMap<Db, Map<string, { version: string; value: unknown }>>();

/**
 * `compute()` once per state of the database: an aggregate every request reads (e.g. the timeline's filter options)
 * is recomputed after any write, by this process or another, and only then. Never for anything that depends on
 * the request.
 */
export function memoUntilWrite<T>(db: Db, key: string, compute: () => T): T {
  const version = dataVersion(db);
  let byKey = memos.get(db);
  if (!byKey) memos.set(db, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  byKey.set(key, { version, value });
  return value;
}
