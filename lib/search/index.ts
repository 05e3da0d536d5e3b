import "server-only";
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from "meilisearch";
import { getDb, type Db } from "@/db/client";
import { config } from "../config";
import { FACET_REGISTRY, type FacetRegistry } from "../domain/facets";
import { AtlasError } from "../errors";
import { engineTrusted, getEngine, getEngineWithin, isCorruptDataError, recoverEngine, timeoutsOf, type Engine } from "./engine";
import { searchCache } from "./cache";
import { searchMeili } from "./meili-search";
import { analyzeQuery, getQueryContext, type AnalyzedQuery } from "./query";
import { articleIndexSettings, MAX_TOTAL_HITS } from "./settings";
import { searchSqlite } from "./sqlite-search";
import { suggestEntities, type Suggestion } from "./suggest";
import { syncIndexWith, type SyncProgress, type SyncResult } from "./sync";
import type { SearchParams, SearchResponse } from "./types";

export type * from "./types";
export type { Suggestion } from "./suggest";
export { parseSearchParams, searchParamsToQuery } from "../url-state";
export type { SyncProgress, SyncResult } from "./sync";

export interface SearchOptions {
  db?: Db;
  /** An engine to use; `null` forces the SQLite fallback; default: the process-wide engine. */
  engine?: Engine | null;
  /** The facets to count and filter on (a test passes its own registry). */
  registry?: FacetRegistry;
  /** Answers kept until the database changes (default SEARCH_CACHE_SIZE; 0: every search computed). */
  cacheSize?: number;
}

/**
 * What an engine failure means. Unreachable, timed out, failing on its side (5xx), or missing the
 * index: the engine is unavailable and SQLite answers. A request the engine rejects (an unknown
 * filter attribute, a malformed filter) is our bug: it must surface as a 500, never as a quiet fallback.
 */
export function classifyEngineError(e: unknown): AtlasError {
  if (e instanceof AtlasError) return e;
  const detail = e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e);
  // The client wraps a missed deadline in a request error whose cause is the timeout.
  if (e instanceof MeilisearchRequestTimeOutError || (e instanceof MeilisearchRequestError && e.cause instanceof MeilisearchRequestTimeOutError)) {
    return new AtlasError("engine-timeout", detail, { cause: e });
  }
  if (e instanceof MeilisearchApiError) {
    const status = e.response.status;
    const code = e.cause?.code ?? "";
    // Data the engine cannot read is its fault, not the request's (multi-search reports it as a 400).
    if (code === "invalid_store_file") return new AtlasError("engine-unreachable", `${code}: ${detail}`, { cause: e });
    if (status === 400 || code.startsWith("invalid_")) return new AtlasError("engine-rejected", `${code || status}: ${detail}`, { cause: e });
    return new AtlasError("engine-unreachable", `${code || status}: ${detail}`, { cause: e });
  }
  if (e instanceof MeilisearchRequestError) return new AtlasError("engine-unreachable", detail, { cause: e });
  return new AtlasError("internal", detail, { cause: e });
}

/**
 * A query the engine refused because its index lacks an attribute the running code's settings declare (filterable,
 * sortable, searchable): the index was built by an older version (an upgrade before `kb index`). That is no bug of
 * the request but a stale index: SQLite answers while the settings are brought up to date (staleSettingsResync).
 */
export function isStaleSettingsError(e: unknown, registry: FacetRegistry = FACET_REGISTRY): boolean {
  const cause = e instanceof AtlasError ? e.cause : e;
  if (!(cause instanceof MeilisearchApiError)) return false;
  const m = /attribute `([^`]+)` is not (filterable|sortable|searchable)/i.exec(cause.message);
  if (!m) return false;
  const wanted = articleIndexSettings([], registry);
  const declared = { filterable: wanted.filterableAttributes, sortable: wanted.sortableAttributes, searchable: wanted.searchableAttributes }[m[2]!.toLowerCase()];
  return (declared ?? []).some((a) => a === m[1]);
}

/** Entities (with their kind) whose name or alias starts with or contains the text, for the search box. */
export function suggest(text: string, opts: { db?: Db } = {}): Suggestion[] {
  return suggestEntities(text, getQueryContext(opts.db ?? getDb()));
}

const EXPORT_PAGE_SIZE = 200;
const FALLS_BACK = new Set(["engine-unreachable", "engine-timeout", "engine-start-failed"]);

/** The one search entry point: Meilisearch when reachable, else SQLite FTS5 with a notice. */
export async function search(params: SearchParams, opts: SearchOptions = {}): Promise<SearchResponse> {
  const db = opts.db ?? getDb();
  const registry = opts.registry ?? FACET_REGISTRY;
  const ctx = getQueryContext(db);
  let analyzed: AnalyzedQuery | undefined;
  const aqOf = () => (analyzed ??= analyzeQuery(params.q, ctx));
  const cache = searchCache(db, opts.cacheSize ?? config.SEARCH_CACHE_SIZE);
  const facets = registry.map((f) => f.name);
  const fallback = () => cache.get("sqlite", params, facets) ?? cache.set("sqlite", params, facets, searchSqlite(db, params, aqOf(), ctx, { registry }));
  if (opts.engine === null) return fallback();
  // Connecting (or starting the local engine) never costs a query more than its deadline: it goes on in the background.
  const engine = opts.engine ?? (await getEngineWithin(timeoutsOf().queryMs));
  if (!engine) return fallback();
  if (opts.engine === undefined) rebuildIfRecovered(engine, db, registry);
  // The breaker keeps queries off an engine that failed until a health check succeeds again.
  if (!engine.breaker.allow()) return fallback();
  if (!engineTrusted(engine)) {
    // The local engine's process is gone or is no longer ours: send nothing (no key, no query) to its port.
    console.error(`search: the local Meilisearch at ${engine.url} (pid ${engine.local?.pid}) is no longer running; using SQLite`);
    engine.breaker.fail();
    return fallback();
  }
  // Per engine process: a restarted engine (recovered, replaced) may hold other data than the one that answered.
  const engineTag = `meilisearch ${engine.url} ${engine.local?.pid ?? ""}`;
  const known = cache.get(engineTag, params, facets);
  if (known) return known;
  try {
    const r = await searchMeili(engine.searchClient, engine.indexName, params, aqOf(), ctx, registry);
    engine.breaker.succeed();
    return cache.set(engineTag, params, facets, r);
  } catch (e) {
    const err = classifyEngineError(e);
    if (isStaleSettingsError(e, registry)) {
      console.error(`search: Meilisearch refused the query on an index older than this version's settings (${err.message}); using SQLite`);
      staleSettingsResync(engine, db, registry);
      return fallback();
    }
    if (!FALLS_BACK.has(err.code)) {
      console.error(`search: Meilisearch refused the query (${err.code}): ${err.message}`);
      throw err;
    }
    engine.breaker.fail();
    console.error(`search: Meilisearch ${err.code}, using SQLite: ${err.message}`);
    if (opts.engine === undefined && isCorruptDataError(e)) {
      const recovering = recoverEngine(engine, err.message);
      if (recovering) void recovering.then((fresh) => rebuildIfRecovered(fresh, db, registry)).catch((x: unknown) => console.error(`search: recovery failed: ${String(x)}`));
    }
    return fallback();
  }
}

/**
 * Fill or update the engine's index from SQLite once per engine and reason, keeping queries on the fallback while it
 * works (the breaker holds them), and saying so in the log; a failed run may be tried again.
 */
function syncOnce(done: WeakSet<Engine>, engine: Engine, db: Db, registry: FacetRegistry, why: string): Promise<unknown> {
  done.add(engine);
  console.error(`search: ${why}: rebuilding ${engine.indexName} from SQLite`);
  const work = syncIndexWith({ db, client: engine.client, indexName: engine.indexName, registry, taskTimeoutMs: engine.timeouts.taskMs }).then(
    (r) => console.error(`search: rebuilt ${engine.indexName} from SQLite: ${r.articles} articles, ${r.sent} sent${r.settingsUpdated ? ", settings updated" : ""}`),
    (e: unknown) => {
      done.delete(engine);
      console.error(`search: rebuilding ${engine.indexName} failed: ${e instanceof Error ? e.message : String(e)}`);
    },
  );
  engine.breaker.hold(work);
  return work;
}

const rebuilt = new WeakSet<Engine>();

/**
 * A local engine whose corrupted data was set aside starts empty: fill it from SQLite (once) and keep queries
 * on the fallback until it is full. Saying so in the log.
 */
function rebuildIfRecovered(engine: Engine, db: Db, registry: FacetRegistry): Promise<unknown> | null {
  const recovered = engine.local?.recovered;
  if (!recovered || rebuilt.has(engine)) return null;
  return syncOnce(rebuilt, engine, db, registry, `the corrupted engine data was moved to ${recovered.aside}`);
}

const resynced = new WeakSet<Engine>();

/** An index older than the running code's settings (isStaleSettingsError): bring settings and documents up to date, once. */
function staleSettingsResync(engine: Engine, db: Db, registry: FacetRegistry): void {
  if (!resynced.has(engine)) void syncOnce(resynced, engine, db, registry, "the index predates this version's settings");
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
  const run = (e: Engine | null) =>
    syncIndexWith({
      db,
      client: e?.client ?? null,
      indexName: e?.indexName ?? `${config.MEILI_INDEX_PREFIX}_articles`,
      rebuild: opts.rebuild,
      onProgress: opts.onProgress,
      log: opts.log,
      engineError,
      registry: opts.registry,
      taskTimeoutMs: e?.timeouts.taskMs,
    });
  if (engine?.local?.recovered) {
    rebuilt.add(engine);
    opts.log?.(`index: the engine's corrupted data was moved to ${engine.local.recovered.aside}; rebuilding the index from SQLite`);
  }
  try {
    return await run(engine);
  } catch (e) {
    // The process-wide local engine cannot read its data: set it aside, restart, and sync everything again (once).
    const recovering = engine && opts.engine === undefined && isCorruptDataError(e) ? recoverEngine(engine, classifyEngineError(e).message) : null;
    // An engine that died or hung mid-sync is reported with its code (engine-unreachable, engine-timeout …).
    if (!recovering) throw classifyEngineError(e);
    const fresh = await recovering;
    rebuilt.add(fresh);
    opts.log?.(`index: the engine's data was corrupted; moved it to ${fresh.local?.recovered?.aside ?? "?"} and rebuilding the index from SQLite`);
    return run(fresh);
  }
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
