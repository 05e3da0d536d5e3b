import { Meilisearch, MeilisearchApiError } from "meilisearch";
import { AtlasError } from "../errors";

/** The name of the search-only key this app creates on an engine (and finds again by name). */
export const SEARCH_KEY_NAME = "Delta Atlas search";

/**
 * The search-only API key queries are sent with, so that the master key never travels on the query
 * path: ours (found by name, with exactly the `search` action), else created with the master key.
 * Sent only to an engine that was configured (MEILI_URL) or whose identity was checked (local).
 */
export async function ensureSearchKey(opts: { url: string; masterKey: string; indexes: string[]; timeoutMs: number }): Promise<string> {
  const admin = new Meilisearch({ host: opts.url, apiKey: opts.masterKey, timeout: opts.timeoutMs });
  try {
    const { results } = await admin.getKeys({ limit: 1000 });
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    const mine = results.find(
      (k) => k.name === SEARCH_KEY_NAME && same(k.actions, ["search"]) && same([...k.indexes].sort(), [...opts.indexes].sort()) && k.expiresAt === null,
    );
    if (mine) return mine.key;
    const created = await admin.createKey({
      name: SEARCH_KEY_NAME,
      description: "Queries of the Delta Atlas app: search only, so the master key never travels with a query",
      actions: ["search"],
      indexes: opts.indexes,
      expiresAt: null,
    });
    return created.key;
  } catch (e) {
    if (e instanceof MeilisearchApiError && (e.response.status === 401 || e.response.status === 403)) {
      throw new AtlasError(
        "engine-start-failed",
        `Meilisearch at ${opts.url} refused the master key when asked for a search-only key (${e.response.status}); set MEILI_SEARCH_KEY for an engine whose key cannot manage keys`,
        { cause: e },
      );
    }
    throw e;
  }
}
