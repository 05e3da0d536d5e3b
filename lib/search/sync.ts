import type { EnqueuedTaskPromise, Index, Meilisearch, Settings, Task } from "meilisearch";
import type { Db } from "@/db/client";
import {
  deleteAllSearchSync,
  deleteFallbackDocsByIds,
  deleteSearchSyncByIds,
  getArticlesForIndex,
  getFallbackHashes,
  getSearchEntities,
  getSearchSyncHashes,
  upsertFallbackDocs,
  upsertSearchSyncRows,
} from "@/db/queries/search";
import { FACET_REGISTRY, type FacetRegistry } from "../domain/facets";
import { AtlasError } from "../errors";
import { buildSearchDoc, docHash, vocabulary, type SearchDoc } from "./documents";
import { Segmenter, segmentedWords } from "./segment";
import { articleIndexSettings, DERIVED_ATTRIBUTES, synonymGroups } from "./settings";

/** Meilisearch tasks are queued: on a busy machine even a small one can wait behind a large one (MEILI_TASK_TIMEOUT_MS). */
const DEFAULT_TASK_TIMEOUT_MS = 300_000;

export interface SyncProgress {
  phase: "prepare" | "fallback" | "send" | "delete" | "swap" | "done";
  done: number;
  total: number;
}

export interface SyncResult {
  engine: "meilisearch" | null;
  /** Why the Meilisearch part was skipped, when it was. */
  engineError: string | null;
  rebuild: boolean;
  indexName: string | null;
  articles: number;
  sent: number;
  deleted: number;
  unchanged: number;
  settingsUpdated: boolean;
  fallback: { sent: number; deleted: number };
  ms: number;
}

const BATCH = 500;

export function ensureSucceeded(task: Task, what: string): Task {
  if (task.status !== "succeeded") {
    throw new AtlasError("engine-task-failed", `Meilisearch task ${task.uid} (${what}) ${task.status}: ${task.error?.message ?? "no details"}`);
  }
  return task;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Wait for an enqueued task, polling its status, and fail unless it succeeded. Not the client's `waitTask`:
 * that one leaves its deadline timer running when a poll fails (the engine died), which kept `kb index`
 * alive for minutes after its error. Each poll is one request under the client's own request deadline.
 */
export async function settle(client: Meilisearch, enqueued: EnqueuedTaskPromise, what: string, timeoutMs = DEFAULT_TASK_TIMEOUT_MS): Promise<Task> {
  const { taskUid } = await enqueued;
  const deadline = Date.now() + timeoutMs;
  for (let wait = 25; ; wait = Math.min(500, wait * 2)) {
    const task = await client.tasks.getTask(taskUid);
    if (task.status !== "enqueued" && task.status !== "processing") return ensureSucceeded(task, what);
    if (Date.now() > deadline) throw new AtlasError("engine-timeout", `Meilisearch task ${taskUid} (${what}) still ${task.status} after ${timeoutMs} ms`);
    await sleep(wait);
  }
}

function canonical(key: string, value: unknown): string {
  const setLike = ["filterableAttributes", "sortableAttributes"];
  if (setLike.includes(key) && Array.isArray(value)) return JSON.stringify([...(value as unknown[])].map(String).sort());
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Compare the wanted settings with the index's, update only what differs, wait for the task. */
export async function applySettings(client: Meilisearch, index: Index, wanted: Settings, taskMs?: number): Promise<boolean> {
  const current = (await index.getSettings()) as Record<string, unknown>;
  const diff: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    let cur = current[key];
    if (key === "typoTolerance" && cur && typeof cur === "object") {
      // Compare only the keys we set (the server adds disableOnWords etc.).
      const c = cur as Record<string, unknown>;
      cur = Object.fromEntries(Object.keys(value as object).map((k) => [k, c[k]]));
    }
    if (key === "faceting" && cur && typeof cur === "object") cur = { maxValuesPerFacet: (cur as Record<string, unknown>).maxValuesPerFacet };
    if (key === "pagination" && cur && typeof cur === "object") cur = { maxTotalHits: (cur as Record<string, unknown>).maxTotalHits };
    if (canonical(key, cur) !== canonical(key, value)) diff[key] = value;
  }
  if (Object.keys(diff).length === 0) return false;
  if (process.env.ATLAS_DEBUG_SETTINGS) for (const k of Object.keys(diff)) console.error(`settings differ: ${k}: ${canonical(k, current[k])} → ${canonical(k, diff[k])}`);
  await settle(client, index.updateSettings(diff as Settings), "update settings", taskMs);
  return true;
}

async function indexExists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getIndex(uid);
    return true;
  } catch {
    return false;
  }
}

export async function ensureIndex(client: Meilisearch, uid: string, taskMs?: number): Promise<Index<SearchDoc>> {
  if (!(await indexExists(client, uid))) await settle(client, client.createIndex(uid, { primaryKey: "id" }), `create ${uid}`, taskMs);
  return client.index<SearchDoc>(uid);
}

async function sendDocs(client: Meilisearch, index: Index<SearchDoc>, docs: SearchDoc[], onSent: (n: number) => void, taskMs?: number): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    await settle(client, index.addDocuments(batch, { primaryKey: "id" }), "add documents", taskMs);
    onSent(batch.length);
  }
}

/** Build the search documents of every indexable article, with the vocabulary and synonyms they depend on. */
export function prepareDocuments(db: Db, registry: FacetRegistry = FACET_REGISTRY) {
  const nodes = getSearchEntities({ db });
  const seg = new Segmenter(vocabulary(nodes));
  const docs = getArticlesForIndex({ db }).map((a) => buildSearchDoc(a, seg, registry));
  return { docs, seg, hashes: new Map(docs.map((d) => [d.id, docHash(d)])), groups: synonymGroups(nodes) };
}

const DERIVED_FIELDS = new Set(DERIVED_ATTRIBUTES);

/** Keep the SQLite FTS5 fallback in step with the articles (independent of Meilisearch being up). */
export function syncFallback(
  db: Db,
  docs: SearchDoc[],
  hashes: Map<string, string>,
  seg: Segmenter,
  registry: FacetRegistry = FACET_REGISTRY,
): { sent: number; deleted: number } {
  const have = getFallbackHashes({ db });
  const changed = docs.filter((d) => have.get(d.id) !== hashes.get(d.id));
  const gone = [...have.keys()].filter((id) => !hashes.has(id));
  deleteFallbackDocsByIds({ db, ids: gone });
  upsertFallbackDocs({
    db,
    docs: changed.map((d) => ({
      articleId: d.id,
      docHash: hashes.get(d.id) ?? "",
      // The stored document is what the substring path reads: the article's own text, never the derived fields.
      doc: JSON.stringify(Object.fromEntries(Object.entries(d).filter(([field]) => !DERIVED_FIELDS.has(field)))),
      publishedNum: d.published_desc,
      titleTokens: d.title_seg,
      namesTokens: `${d.names_seg} ${d.keywords}`.trim(),
      bodyTokens: d.body_seg,
      // An entity's name as words: a piece inside the name (江南 in 松江南站) is no link to what the query names.
      entityTokens: segmentedWords(seg, d.entities_lead.join(" ")),
      relatedTokens: segmentedWords(seg, d.entities_other.join(" ")),
      subwordTokens: d.inner_seg,
      // Whole words: a piece inside a topic keyword (新区 inside 高新区) is no link to the topic.
      topicTokens: segmentedWords(seg, d.topic_terms),
      facets: registry.flatMap(({ name }) => ((d as Record<string, unknown>)[name] as string[] | undefined ?? []).map((value) => ({ facet: name, value }))),
    })),
  });
  return { sent: changed.length, deleted: gone.length };
}

/**
 * SQLite → search index. Incremental by default (only changed and deleted articles, via search_sync);
 * `rebuild` fills a fresh index under a temporary name and swaps it in, so searches keep working.
 */
export async function syncIndexWith(opts: {
  db: Db;
  client: Meilisearch | null;
  indexName: string;
  rebuild?: boolean;
  onProgress?: (p: SyncProgress) => void;
  log?: (msg: string) => void;
  engineError?: string | null;
  /** How long to wait for each indexing task (MEILI_TASK_TIMEOUT_MS). */
  taskTimeoutMs?: number;
  /** The facets to index (a test passes its own registry). */
  registry?: FacetRegistry;
}): Promise<SyncResult> {
  const started = Date.now();
  const { db, client, indexName } = opts;
  const progress = opts.onProgress ?? (() => {});
  const log = opts.log ?? (() => {});
  progress({ phase: "prepare", done: 0, total: 0 });
  const registry = opts.registry ?? FACET_REGISTRY;
  const { docs, seg, hashes, groups } = prepareDocuments(db, registry);
  const fallback = syncFallback(db, docs, hashes, seg, registry);
  progress({ phase: "fallback", done: fallback.sent, total: docs.length });
  const result: SyncResult = {
    engine: null,
    engineError: opts.engineError ?? null,
    rebuild: Boolean(opts.rebuild),
    indexName: null,
    articles: docs.length,
    sent: 0,
    deleted: 0,
    unchanged: 0,
    settingsUpdated: false,
    fallback,
    ms: 0,
  };
  if (!client) {
    log(`index: Meilisearch unavailable (${result.engineError ?? "not configured"}); only the SQLite fallback was updated`);
    result.ms = Date.now() - started;
    return result;
  }
  result.engine = "meilisearch";
  result.indexName = indexName;
  const settings = articleIndexSettings(groups, registry);
  const taskMs = opts.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;

  if (opts.rebuild) {
    // Indexes left by a rebuild that crashed before its swap.
    const { results: existing } = await client.getIndexes({ limit: 1000 });
    for (const stale of existing.filter((i) => i.uid.startsWith(`${indexName}_rebuild_`))) {
      await settle(client, client.deleteIndex(stale.uid), `delete ${stale.uid}`, taskMs);
    }
    const tmp = `${indexName}_rebuild_${Date.now().toString(36)}`;
    const fresh = await ensureIndex(client, tmp, taskMs);
    await applySettings(client, fresh, settings, taskMs);
    let sent = 0;
    await sendDocs(client, fresh, docs, (n) => progress({ phase: "send", done: (sent += n), total: docs.length }), taskMs);
    await ensureIndex(client, indexName, taskMs);
    progress({ phase: "swap", done: 0, total: 1 });
    await settle(client, client.swapIndexes([{ indexes: [indexName, tmp], rename: false }]), `swap ${indexName} ⇄ ${tmp}`, taskMs);
    // After the swap `tmp` holds the old documents.
    await settle(client, client.deleteIndex(tmp), `delete ${tmp}`, taskMs);
    deleteAllSearchSync({ db });
    upsertSearchSyncRows({ db, rows: docs.map((d) => ({ articleId: d.id, docHash: hashes.get(d.id) ?? "" })) });
    result.sent = docs.length;
    result.settingsUpdated = true;
    log(`index: rebuilt ${indexName} with ${docs.length} articles (swapped in from ${tmp})`);
  } else {
    const index = await ensureIndex(client, indexName, taskMs);
    result.settingsUpdated = await applySettings(client, index, settings, taskMs);
    let synced = getSearchSyncHashes({ db });
    const stats = await index.getStats();
    if (stats.numberOfDocuments !== synced.size) {
      // The index and our bookkeeping disagree (index wiped, another DB): resend everything.
      log(`index: ${indexName} holds ${stats.numberOfDocuments} documents but search_sync lists ${synced.size}; resending all`);
      deleteAllSearchSync({ db });
      synced = new Map();
    }
    const changed = docs.filter((d) => synced.get(d.id) !== hashes.get(d.id));
    const gone = [...synced.keys()].filter((id) => !hashes.has(id));
    let sent = 0;
    await sendDocs(client, index, changed, (n) => progress({ phase: "send", done: (sent += n), total: changed.length }), taskMs);
    upsertSearchSyncRows({ db, rows: changed.map((d) => ({ articleId: d.id, docHash: hashes.get(d.id) ?? "" })) });
    if (gone.length) {
      progress({ phase: "delete", done: 0, total: gone.length });
      await settle(client, index.deleteDocuments(gone), "delete documents", taskMs);
      deleteSearchSyncByIds({ db, ids: gone });
    }
    result.sent = changed.length;
    result.deleted = gone.length;
    result.unchanged = docs.length - changed.length;
    log(
      `index: ${indexName}: ${changed.length} sent, ${gone.length} deleted, ${result.unchanged} unchanged` +
        (result.settingsUpdated ? ", settings updated" : ""),
    );
  }
  progress({ phase: "done", done: docs.length, total: docs.length });
  result.ms = Date.now() - started;
  return result;
}
