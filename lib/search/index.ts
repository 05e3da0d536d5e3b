import "server-only";
import { getDb, type Db } from "@/db/client";
import { config } from "../config";
import { engineRecentlyFailed, getEngine, markEngineUnreachable, type Engine } from "./engine";
import { searchMeili } from "./meili-search";
import { analyzeQuery, getQueryContext } from "./query";
import { searchSqlite } from "./sqlite-search";
import { syncIndexWith, type SyncProgress, type SyncResult } from "./sync";
import type { SearchParams, SearchResponse } from "./types";

export type * from "./types";
export { parseSearchParams, searchParamsToQuery } from "./params";
export type { SyncProgress, SyncResult } from "./sync";

export interface SearchOptions {
  db?: Db;
  /** An engine to use; `null` forces the SQLite fallback; default: the process-wide engine. */
  engine?: Engine | null;
}

/** The one search entry point: Meilisearch when reachable, else SQLite FTS5 with a notice. */
export async function search(params: SearchParams, opts: SearchOptions = {}): Promise<SearchResponse> {
  const db = opts.db ?? getDb();
  const ctx = getQueryContext(db);
  const aq = analyzeQuery(params.q, ctx);
  if (opts.engine === null || (opts.engine === undefined && engineRecentlyFailed())) return searchSqlite(db, params, aq, ctx);
  let engine: Engine;
  try {
    engine = opts.engine ?? (await getEngine());
  } catch (e) {
    console.error(`search: Meilisearch unavailable, using SQLite: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    return searchSqlite(db, params, aq, ctx);
  }
  try {
    return await searchMeili(engine.client, engine.indexName, params, aq, ctx);
  } catch (e) {
    if (opts.engine === undefined) markEngineUnreachable();
    console.error(`search: Meilisearch query failed, using SQLite: ${e instanceof Error ? e.message : String(e)}`);
    return searchSqlite(db, params, aq, ctx);
  }
}

/** SQLite → Meilisearch (and the FTS5 fallback), incremental; `rebuild` swaps in a fresh index. */
export async function syncIndex(
  opts: { rebuild?: boolean; onProgress?: (p: SyncProgress) => void; log?: (msg: string) => void; db?: Db; engine?: Engine | null } = {},
): Promise<SyncResult> {
  const db = opts.db ?? getDb();
  let engine: Engine | null = null;
  let engineError: string | null = null;
  if (opts.engine !== undefined) engine = opts.engine;
  else {
    try {
      engine = await getEngine();
    } catch (e) {
      engineError = e instanceof Error ? e.message : String(e);
    }
  }
  return syncIndexWith({
    db,
    client: engine?.client ?? null,
    indexName: engine?.indexName ?? `${config.MEILI_INDEX_PREFIX}_articles`,
    rebuild: opts.rebuild,
    onProgress: opts.onProgress,
    log: opts.log,
    engineError,
  });
}
