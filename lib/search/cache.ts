import type { Db } from "@/db/client";
import { dataVersion } from "@/db/memo";
import type { SearchParams, SearchResponse } from "./types";

/** Answers with more hits than this (exports, large pages) are not kept: each is read once and would crowd the rest. */
const MAX_CACHED_PAGE = 50;

interface Entry {
  version: number;
  answers: Map<string, SearchResponse>;
}
const caches = new WeakMap<Db, Entry>();

/**
 * The answers of recent searches, per database, kept until its data changes: an entry holds only while
 * `PRAGMA data_version` (db/memo.ts: any commit by any connection or process, e.g. an ingest or `kb index`, which
 * records what it sent to Meilisearch after the engine applied it) is the one read before the answer was computed.
 * Keyed by the engine that answered and the exact request (query, filters, sort, page, page size, facets counted), so a
 * hit serves the very answer the search would give. At most `size` answers, least recently used first out; 0: off.
 */
export function searchCache(db: Db, size: number) {
  const version = size > 0 ? dataVersion(db) : null;
  const key = (engine: string, params: SearchParams, facets: string[]) => `${engine}\u0000${facets.join(",")}\u0000${JSON.stringify(params)}`;
  const current = (): Map<string, SearchResponse> | null => {
    if (version === null) return null;
    let entry = caches.get(db);
    // A request that began before the last change neither reads nor fills the newer answers.
    if (entry && entry.version > version) return null;
    if (!entry || entry.version !== version) caches.set(db, (entry = { version, answers: new Map() }));
    return entry.answers;
  };
  return {
    get(engine: string, params: SearchParams, facets: string[]): SearchResponse | null {
      const answers = current();
      const k = key(engine, params, facets);
      const hit = answers?.get(k);
      if (!answers || !hit) return null;
      answers.delete(k);
      answers.set(k, hit);
      return { ...hit, tookMs: 0 };
    },
    set(engine: string, params: SearchParams, facets: string[], answer: SearchResponse): SearchResponse {
      const answers = current();
      if (!answers || answer.hits.length > MAX_CACHED_PAGE || params.pageSize > MAX_CACHED_PAGE) return answer;
      answers.set(key(engine, params, facets), answer);
      for (const oldest of answers.keys()) {
        if (answers.size <= size) break;
        answers.delete(oldest);
      }
      return answer;
    },
  };
}
