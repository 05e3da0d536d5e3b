import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { dataVersions } from "./schema";

/**
 * Per database connection, a second, read-only connection to the same file that only asks `PRAGMA data_version`:
 * its value changes whenever any other connection commits, this process's main connection included, and only then
 * (a temporary table, e.g. the search fallback's, is no change). None for an in-memory database.
 */
const watchers = new WeakMap<Db, Database.Database | null>();

function watcher(db: Db): Database.Database | null {
  let w = watchers.get(db);
  if (w === undefined) {
    const c = db.$client;
    w = c.memory || !c.name || c.name === ":memory:" ? null : new Database(c.name, { readonly: true, fileMustExist: true });
    watchers.set(db, w);
  }
  if (w && !db.$client.open) {
    w.close();
    watchers.set(db, null);
    return null;
  }
  return w;
}

/**
 * Two ways to know when a cached value is stale, both here: dataVersion (any commit, for aggregates of many tables,
 * with memoUntilWrite) and getDataVersion (a counter of a few tables, raised by triggers, for a cache that is costly
 * to rebuild and must survive writes elsewhere: the search context, the fallback's facet totals).
 *
 * A value that changes whenever the database's data changes (any connection's commit); null when it cannot be told.
 */
export function dataVersion(db: Db): number | null {
  const w = watcher(db);
  return w ? (w.pragma("data_version", { simple: true }) as number) : null;
}

const memos = new WeakMap<Db, Map<string, { version: number; value: unknown }>>();

/**
 * `compute()` once per state of the database: an aggregate every request reads (e.g. the timeline's filter options)
 * is recomputed after any commit, by this process or another, and only then. Never for anything that depends on
 * the request. The value is shared: callers must not change it.
 */
export function memoUntilWrite<T>(db: Db, key: string, compute: () => T): T {
  const version = dataVersion(db);
  if (version === null) return compute();
  let byKey = memos.get(db);
  if (!byKey) memos.set(db, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  byKey.set(key, { version, value });
  return value;
}

/**
 * A counter raised by SQLite triggers on every change to the tables behind an in-memory cache (migration 0013), from
 * any connection: `search_context` (entities, entity_aliases: what getSearchEntities reads) or `search_docs`
 * (search_docs, search_facets). One row read; −1 when the row is missing.
 */
export function getDataVersion({ db, name }: { db: Db; name: "search_context" | "search_docs" }): number {
  return db.select({ v: dataVersions.version }).from(dataVersions).where(eq(dataVersions.name, name)).get()?.v ?? -1;
}
