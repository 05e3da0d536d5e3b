import { Meilisearch } from "meilisearch";
import { config as defaultConfig, type Config } from "../config";
import { ensureLocalServer, type LocalServer } from "./local-server";

export interface Engine {
  client: Meilisearch;
  url: string;
  kind: "external" | "local";
  indexName: string;
  /** The local server this process uses (started or reused), null for an external one. */
  local: LocalServer | null;
}

const log = (m: string) => console.error(m);

/** Connect to MEILI_URL when set, else start (or reuse) the local engine under DATA_DIR. */
export async function connectEngine(cfg: Config = defaultConfig): Promise<Engine> {
  const indexName = `${cfg.MEILI_INDEX_PREFIX}_articles`;
  if (cfg.MEILI_URL) {
    log(`search: using external Meilisearch at ${cfg.MEILI_URL}`);
    return { client: new Meilisearch({ host: cfg.MEILI_URL, apiKey: cfg.MEILI_MASTER_KEY }), url: cfg.MEILI_URL, kind: "external", indexName, local: null };
  }
  const local = await ensureLocalServer({ dataDir: cfg.dataDir, bin: cfg.MEILI_BIN, log });
  const client = new Meilisearch({ host: local.url, apiKey: local.apiKey });
  // The engine loads its Chinese segmenter on the first Chinese query (~2 s): pay for it now, in the background.
  if (local.startedHere) void client.index(indexName).search("长三角", { limit: 1, locales: ["cmn"] }).catch(() => {});
  return { client, url: local.url, kind: "local", indexName, local };
}

const RETRY_AFTER_MS = 30_000;
const cache = globalThis as unknown as { __atlasEngine?: { key: string; engine?: Promise<Engine>; failedAt?: number } };

/**
 * The process-wide engine. A failure to connect is remembered for a while so that
 * every search does not pay for a start attempt; callers fall back to SQLite meanwhile.
 */
export function getEngine(cfg: Config = defaultConfig): Promise<Engine> {
  const key = `${cfg.MEILI_URL ?? ""}|${cfg.dataDir}`;
  const c = cache.__atlasEngine;
  if (c && c.key === key && c.engine && !(c.failedAt && Date.now() - c.failedAt > RETRY_AFTER_MS)) return c.engine;
  const entry: { key: string; engine?: Promise<Engine>; failedAt?: number } = { key };
  entry.engine = connectEngine(cfg).catch((e: unknown) => {
    entry.failedAt = Date.now();
    throw e;
  });
  cache.__atlasEngine = entry;
  return entry.engine;
}

/** True while a recent failure is remembered: searches go straight to the fallback instead of waiting on a dead engine. */
export function engineRecentlyFailed(cfg: Config = defaultConfig): boolean {
  const c = cache.__atlasEngine;
  return !!c && c.key === `${cfg.MEILI_URL ?? ""}|${cfg.dataDir}` && !!c.failedAt && Date.now() - c.failedAt <= RETRY_AFTER_MS;
}

/** Forget the cached engine (after it was found unreachable, so the next call re-checks). */
export function markEngineUnreachable(): void {
  const c = cache.__atlasEngine;
  if (c) c.failedAt ??= Date.now();
}


/** An engine on a given server (tests, the eval and the CLI pass their own). */
export function engineFor(opts: { url: string; apiKey: string; indexName: string; local?: LocalServer | null }): Engine {
  return {
    client: new Meilisearch({ host: opts.url, apiKey: opts.apiKey }),
    url: opts.url,
    kind: opts.local ? "local" : "external",
    indexName: opts.indexName,
    local: opts.local ?? null,
  };
}
