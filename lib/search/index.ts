import "server-only";
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from "meilisearch";
import { getDb, type Db } from "@/db/client";
import { config } from "../config";
import { FACET_REGISTRY, type FacetRegistry } from "../domain/facets";
import { AtlasError } from "../errors";
import { engineRecentlyFailed, getEngine, markEngineUnreachable, type Engine } from "./engine";
import { searchMeili } from "./meili-search";
import { analyzeQuery, getQueryContext } from "./query";
import { MAX_TOTAL_HITS } from "./settings";
import { searchSqlite } from "./sqlite-search";
import { syncIndexWith, type SyncProgress, type SyncResult } from "./sync";
import type { SearchParams, SearchResponse } from "./types";

export type * from "./types";
export { parseSearchParams, searchParamsToQuery } from "../url-state";
export type { SyncProgress, SyncResult } from "./sync";

export interface SearchOptions {
  db?: Db;
  /** An engine to use; `null` forces the SQLite fallback; default: the process-wide engine. */
  engine?: Engine | null;
  /** The facets to count and filter on (a test passes its own registry). */
  registry?: FacetRegistry;
}

/**
 * What an engine failure means. Unreachable, timed out, failing on its side (5xx), or missing the
 * index: the engine is unavailable and SQLite answers. A request the engine rejects (an unknown
 * filter attribute, a malformed filter) is our bug: it must surface as a 500, never as a quiet fallback.
 */
export function classifyEngineError(e: unknown): AtlasError {
  if (e instanceof AtlasError) return e;
  const detail = e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e);
  if (e instanceof MeilisearchRequestTimeOutError) return new AtlasError("engine-timeout", detail, { cause: e });
  if (e instanceof MeilisearchApiError) {
    const status = e.response.status;
    const code = e.cause?.code ?? "";
    if (status === 400 || code.startsWith("invalid_")) return new AtlasError("engine-rejected", `${code || status}: ${detail}`, { cause: e });
    return new AtlasError("engine-unreachable", `${code || status}: ${detail}`, { cause: e });
  }
  if (e instanceof MeilisearchRequestError) return new AtlasError("engine-unreachable", detail, { cause: e });
  return new AtlasError("internal", detail, { cause: e });
}

const EXPORT_PAGE_SIZE = 200;
const FALLS_BACK = new Set(["engine-unreachable", "engine-timeout", "engine-start-failed"]);

/** The one search entry point: Meilisearch when reachable, else SQLite FTS5 with a notice. */
export async function search(params: SearchParams, opts: SearchOptions = {}): Promise<SearchResponse> {
  const db = opts.db ?? getDb();
  const registry = opts.registry ?? FACET_REGISTRY;
  const ctx = getQueryContext(db);
  const aq = analyzeQuery(params.q, ctx);
  const fallback = () => searchSqlite(db, params, aq, ctx, { registry });
  if (opts.engine === null || (opts.engine === undefined && engineRecentlyFailed())) return fallback();
  let engine: Engine;
  try {
    engine = opts.engine ?? (await getEngine());
  } catch (e) {
    console.error(`search: Meilisearch unavailable, using SQLite: ${classifyEngineError(e).message}`);
    return fallback();
  }
  try {
    return await searchMeili(engine.client, engine.indexName, params, aq, ctx, registry);
  } catch (e) {
    const err = classifyEngineError(e);
    if (!FALLS_BACK.has(err.code)) {
      console.error(`search: Meilisearch refused the query (${err.code}): ${err.message}`);
      throw err;
    }
    if (opts.engine === undefined) markEngineUnreachable();
    console.error(`search: Meilisearch ${err.code}, using SQLite: ${err.message}`);
    return fallback();
  }
}

/** SQLite → Meilisearch (and the FTS5 fallback), incremental; `rebuild` swaps in a fresh index. */
export async function syncIndex(
  opts: { rebuild?: boolean; onProgress?: (p: SyncProgress) => void; log?: (msg: string) => void; db?: Db; engine?: Engine | null; registry?: FacetRegistry } = {},
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
    registry: opts.registry,
  });
}

/**
 * Every hit of a search, page by page (for exports). Meilisearch pages only through its first
 * MAX_TOTAL_HITS results, so a larger result set is read from the SQLite fallback instead: whole, never cut.
 */
export async function* searchAllHits(params: SearchParams, opts: SearchOptions & { pageSize?: number } = {}): AsyncGenerator<SearchResponse["hits"]> {
  const pageSize = opts.pageSize ?? EXPORT_PAGE_SIZE;
  const first = await search({ ...params, page: 1, pageSize }, opts);
  const whole = first.engine === "meilisearch" && first.total > MAX_TOTAL_HITS ? { ...opts, engine: null } : opts;
  let response = whole === opts ? first : await search({ ...params, page: 1, pageSize }, whole);
  for (let page = 1; response.hits.length > 0; ) {
    yield response.hits;
    if (page * pageSize >= response.total) return;
    page += 1;
    response = await search({ ...params, page, pageSize }, whole);
  }
}
