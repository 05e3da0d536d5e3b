import { Meilisearch, MeilisearchApiError } from "meilisearch";
import { config as defaultConfig, type Config } from "../config";
import { AtlasError } from "../errors";
import { Breaker } from "./breaker";
import { ensureSearchKey } from "./keys";
import { ensureLocalServer, isHealthy, recoverLocalServer, type LocalServer } from "./local-server";

/** Deadlines of engine calls, ms (MEILI_QUERY_TIMEOUT_MS, MEILI_REQUEST_TIMEOUT_MS, MEILI_TASK_TIMEOUT_MS). */
export interface EngineTimeouts {
  /** Each query-path call: search (with its facet counts), health checks. */
  queryMs: number;
  /** Each other request: settings, documents, task status, keys. */
  requestMs: number;
  /** Waiting for one indexing task to finish. */
  taskMs: number;
}

export interface Engine {
  /** Master key, `requestMs` per request: settings, documents, tasks, keys. Never used for a query. */
  client: Meilisearch;
  /** Search-only key, `queryMs` per request: every query. */
  searchClient: Meilisearch;
  url: string;
  kind: "external" | "local";
  indexName: string;
  /** The local server this process uses (started or reused), null for an external one. */
  local: LocalServer | null;
  timeouts: EngineTimeouts;
  /** Keeps queries off the engine after a failure until a health check succeeds again. */
  breaker: Breaker;
}

const log = (m: string) => console.error(m);

export function timeoutsOf(cfg: Config = defaultConfig): EngineTimeouts {
  return { queryMs: cfg.MEILI_QUERY_TIMEOUT_MS, requestMs: cfg.MEILI_REQUEST_TIMEOUT_MS, taskMs: cfg.MEILI_TASK_TIMEOUT_MS };
}

/** Can the engine still be trusted? A local one: its pid is alive and is still our Meilisearch on that port. */
export function engineTrusted(engine: Engine): boolean {
  return engine.local ? engine.local.verify() : true;
}

/** Trusted and answering /health within the query deadline. */
export async function engineHealthy(engine: Engine): Promise<boolean> {
  return engineTrusted(engine) && (await isHealthy(engine.url, engine.timeouts.queryMs));
}

/** An engine on a given server (tests, the eval and the CLI pass their own). Queries use the search-only key. */
export function engineFor(opts: {
  url: string;
  /** The master key (settings, documents, tasks). */
  apiKey: string;
  /** The search-only key for queries; default: the local server's. */
  searchKey?: string;
  indexName: string;
  local?: LocalServer | null;
  timeouts?: Partial<EngineTimeouts>;
}): Engine {
  const searchKey = opts.searchKey ?? opts.local?.searchKey;
  if (!searchKey) throw new AtlasError("config", "an engine needs a search-only key for its queries (searchKey, or a local server)");
  const timeouts = { ...timeoutsOf(), ...opts.timeouts };
  const engine: Engine = {
    client: new Meilisearch({ host: opts.url, apiKey: opts.apiKey, timeout: timeouts.requestMs }),
    searchClient: new Meilisearch({ host: opts.url, apiKey: searchKey, timeout: timeouts.queryMs }),
    url: opts.url,
    kind: opts.local ? "local" : "external",
    indexName: opts.indexName,
    local: opts.local ?? null,
    timeouts,
    breaker: new Breaker(() => engineHealthy(engine)),
  };
  return engine;
}

/** Connect to MEILI_URL when set, else start (or reuse) the local engine under DATA_DIR. */
export async function connectEngine(cfg: Config = defaultConfig): Promise<Engine> {
  const indexName = `${cfg.MEILI_INDEX_PREFIX}_articles`;
  const timeouts = timeoutsOf(cfg);
  if (cfg.MEILI_URL) {
    log(`search: using external Meilisearch at ${cfg.MEILI_URL}`);
    const apiKey = cfg.MEILI_MASTER_KEY ?? "";
    const searchKey =
      cfg.MEILI_SEARCH_KEY ?? (await ensureSearchKey({ url: cfg.MEILI_URL, masterKey: apiKey, indexes: [`${cfg.MEILI_INDEX_PREFIX}_*`], timeoutMs: timeouts.requestMs }));
    return engineFor({ url: cfg.MEILI_URL, apiKey, searchKey, indexName, timeouts });
  }
  const local = await ensureLocalServer({ dataDir: cfg.dataDir, bin: cfg.MEILI_BIN, requestTimeoutMs: timeouts.requestMs, log });
  return localEngine(local, indexName, timeouts);
}

function localEngine(local: LocalServer, indexName: string, timeouts: EngineTimeouts): Engine {
  const engine = engineFor({ url: local.url, apiKey: local.apiKey, indexName, local, timeouts });
  // The engine loads its Chinese segmenter on the first Chinese query (~2 s): pay for it now, in the background
  // (with the search key, under the longer request deadline).
  if (local.startedHere) {
    const warm = new Meilisearch({ host: local.url, apiKey: local.searchKey, timeout: timeouts.requestMs });
    void warm.index(indexName).search("长三角", { limit: 1, locales: ["cmn"] }).catch(() => {});
  }
  return engine;
}

/** A 5xx that says the engine cannot read its own data: retrying will not help, rebuilding will. */
export function isCorruptDataError(e: unknown): boolean {
  return e instanceof MeilisearchApiError && (e.cause?.code === "invalid_store_file" || /database file is in an invalid state/i.test(e.message));
}

const RETRY_AFTER_MS = 30_000;

interface CacheEntry {
  key: string;
  cfg: Config;
  engine?: Promise<Engine>;
  failedAt?: number;
  recovering?: Promise<Engine>;
}
const cache = globalThis as unknown as { __atlasEngine?: CacheEntry };
const keyOf = (cfg: Config) => `${cfg.MEILI_URL ?? ""}|${cfg.dataDir}`;

/**
 * The process-wide engine. A failure to connect is remembered for a while so that every search does not
 * pay for a start attempt; callers fall back to SQLite meanwhile. Its breaker's health probe, for a local
 * engine that stopped answering or that is no longer ours, reconnects (restarting the engine when needed).
 */
export function getEngine(cfg: Config = defaultConfig): Promise<Engine> {
  const key = keyOf(cfg);
  const c = cache.__atlasEngine;
  if (c && c.key === key && c.engine && !(c.failedAt && Date.now() - c.failedAt > RETRY_AFTER_MS)) return c.engine;
  const entry: CacheEntry = { key, cfg };
  entry.engine = connectEngine(cfg).then(
    (e) => withReconnect(e, entry),
    (e: unknown) => {
      entry.failedAt = Date.now();
      throw e;
    },
  );
  cache.__atlasEngine = entry;
  return entry.engine;
}

/** The process-wide engine if it can be had within `ms` (a start in progress goes on in the background), else null. */
export async function getEngineWithin(ms: number, cfg: Config = defaultConfig): Promise<Engine | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref?.();
  });
  try {
    return await Promise.race([getEngine(cfg), late]);
  } catch (e) {
    log(`search: Meilisearch unavailable: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function withReconnect(engine: Engine, entry: CacheEntry): Engine {
  if (!engine.local) return engine;
  engine.breaker.probe = async () => {
    if (await engineHealthy(engine)) return true;
    if (cache.__atlasEngine !== entry) return false;
    // Dead, hung or replaced by another process: ensureLocalServer checks its identity, restarts it if needed.
    const fresh = await connectEngine(entry.cfg).then((e) => withReconnect(e, entry));
    if (cache.__atlasEngine === entry) entry.engine = Promise.resolve(fresh);
    log(`search: Meilisearch at ${engine.url} was not answering; now using ${fresh.url}`);
    return false;
  };
  return engine;
}

/**
 * The process-wide local engine answered that its data is corrupted: stop it, set the data aside, start an
 * empty one (once, however many queries noticed). The caller rebuilds the index from SQLite.
 */
export function recoverEngine(broken: Engine, reason: string, cfg: Config = defaultConfig): Promise<Engine> | null {
  const entry = cache.__atlasEngine;
  if (!broken.local || !entry || entry.key !== keyOf(cfg)) return null;
  if (entry.recovering) return entry.recovering;
  log(`search: Meilisearch at ${broken.url} cannot read its data (${reason}); setting it aside and restarting`);
  const local = broken.local;
  const recovering = recoverLocalServer({ dataDir: cfg.dataDir, bin: cfg.MEILI_BIN, requestTimeoutMs: broken.timeouts.requestMs, log, brokenPid: local.pid, reason })
    .then((fresh) => withReconnect(localEngine(fresh, broken.indexName, broken.timeouts), entry))
    .catch((e: unknown) => {
      entry.failedAt = Date.now();
      throw e;
    })
    .finally(() => {
      entry.recovering = undefined;
    });
  entry.recovering = recovering;
  entry.engine = recovering;
  // Queries stay on SQLite until the new engine is up (and the caller's rebuild holds them off longer).
  broken.breaker.hold(recovering);
  return recovering;
}
