/*
 * The writer side of an ingest: the run, the store (dedup, batched transactions) and the worker-pool ingest. It
 * imports no cleaning or extraction code (the workers do that work), so the thread that writes (the main thread of
 * `kb ingest`) never loads the dictionaries, the gazetteer or cheerio. pipeline.ts adds the in-thread ingest.
 */
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import {
  addIngestFailure,
  createIngestRun,
  finishIngestRun,
  foldArticleInto,
  getArticleOwnerById,
  getOriginalsSharingKeys,
  getOriginalsWithoutDedupKeys,
  getOriginalWithBody,
  markInterruptedRuns,
  setDedupKeys,
  updateIngestRunCounts,
  upsertArticle,
  type ArticleRecord,
  type OriginalArticle,
} from "@/db/queries/ingest";
import { findNearDuplicate, lshKeys } from "./dedup";
import { classifyError, fsError } from "./file-errors";
import type { FileRecord } from "./analyze";
import { resolveArticleId } from "./article-id";
import { DEFAULT_BUDGET, FilePool, type FileBudget, type Outcome, type PoolStats } from "./pool";
import type { DatePrecision } from "../domain/dates";
import type { AtlasError, ErrorCode } from "../errors";

export { DEFAULT_BUDGET, type FileBudget, type PoolStats } from "./pool";

export const PAGE_EXTENSIONS = [".html", ".htm", ".txt"];

export type FileStatus = "new" | "updated" | "unchanged" | "duplicate" | "failed";

export interface FileResult {
  path: string;
  status: FileStatus;
  id?: string;
  title?: string;
  /** For duplicates: the other copy of the story, and which of the two is shown. */
  twin?: string;
  shown?: string;
  code?: ErrorCode;
  reason?: string;
  /** Caps that cut the page before it was stored (lib/ingest/caps.ts). */
  notes?: string[];
}

export interface IngestSummary {
  runId: number;
  counts: Record<FileStatus, number>;
  files: FileResult[];
  ms: number;
  /** Earlier runs found `running` whose process was gone, now marked `interrupted`. */
  interrupted: number[];
  /** Main-thread time per stored page (ms), in input order: finding its twin, and writing it. */
  timings: { dedupMs: number[]; writeMs: number[] };
  /** The worker pool's figures (ingestPathsIsolated only): files held at once, worker heaps. */
  pool?: PoolStats;
}

const failed = (p: string, e: AtlasError): FileResult => ({ path: p, status: "failed", code: e.code, reason: e.message });

/** Files to ingest under the given paths (folders are walked), sorted; a path or folder that cannot be used comes back as a failure. */
export function collectInputs(paths: string[]): { files: string[]; failures: FileResult[] } {
  const files: string[] = [];
  const failures: FileResult[] = [];
  const walk = (p: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(p, { withFileTypes: true });
    } catch (error) {
      // An unreadable sub-folder is one failure; the rest of the tree is still ingested.
      failures.push(failed(p, fsError(error, "folder")));
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(p, entry.name);
      // Symlinked folders are not followed (no loops); a symlinked page is, and analyzeFile checks what it points to.
      if (entry.isDirectory()) walk(full);
      else if (PAGE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(p, { throwIfNoEntry: false });
    } catch (error) {
      failures.push(failed(p, fsError(error, "path")));
      continue;
    }
    if (!stat) failures.push({ path: p, status: "failed", code: "not-found", reason: "no such file or folder" });
    else if (stat.isDirectory()) walk(p);
    else if (PAGE_EXTENSIONS.includes(path.extname(p).toLowerCase())) files.push(p);
    else failures.push({ path: p, status: "failed", code: "unsupported", reason: `not a page: expected ${PAGE_EXTENSIONS.join(", ")}` });
  }
  return { files: [...new Set(files)], failures };
}

const DATE_RANK: Record<DatePrecision, number> = { year: 1, month: 2, day: 3 };
const dateRank = (p: DatePrecision | null | undefined) => (p ? DATE_RANK[p] : 0);

/**
 * The earlier copy of the same story, if any (same body, else a near-duplicate among the originals sharing a key of
 * the near-duplicate index), and whether this copy should be the one shown instead: it is when it carries a more
 * precise publication date.
 */
function findTwin(db: Db, article: ArticleRecord["article"], keys: number[]): { twin: OriginalArticle; replaces: boolean } | null {
  const near = () => {
    const candidates = getOriginalsSharingKeys({ db, keys, id: article.id });
    const id = findNearDuplicate(article.body, article.simhash, candidates);
    return candidates.find((c) => c.id === id);
  };
  const twin = getOriginalWithBody({ db, contentHash: article.contentHash, id: article.id }) ?? near();
  if (!twin) return null;
  return { twin, replaces: dateRank(article.publishedPrecision) > dateRank(twin.publishedPrecision) };
}

/** Two paths (relative to the working directory) name the same file. */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const sa = fs.statSync(a, { throwIfNoEntry: false });
  const sb = sa && fs.statSync(b, { throwIfNoEntry: false });
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Articles written per transaction; each article is its own savepoint inside it (all of it is stored, or none). */
export const STORE_BATCH = 64;
/** A batch is committed after this long even when not full (a slow page does not hold the others back). */
const STORE_BATCH_MS = 1000;
/** The writer commits its open batch when it has waited this long for the next page. */
const WAIT_COMMIT_MS = 200;

/** One run: the record in `ingest_runs`, the results so far, and the open batch of writes. */
export class Run {
  readonly started = Date.now();
  readonly runId: number;
  readonly interrupted: number[];
  readonly results: FileResult[] = [];
  /** Kept as results arrive (recounting every result after each file was quadratic in the run's size). */
  private readonly counts: Record<FileStatus, number> = { new: 0, updated: 0, unchanged: 0, duplicate: 0, failed: 0 };
  readonly timings = { dedupMs: [] as number[], writeMs: [] as number[] };
  private batch: { size: number; since: number } | null = null;

  constructor(
    private readonly db: Db,
    paths: string[],
  ) {
    this.interrupted = markInterruptedRuns({ db });
    this.runId = createIngestRun({ db, inputs: paths });
    // Originals stored before the near-duplicate index existed are indexed once.
    db.transaction(() => {
      for (const a of getOriginalsWithoutDedupKeys({ db })) setDedupKeys({ db, id: a.id, keys: lshKeys(a.body) });
    });
  }

  /** A failure is recorded the moment it happens (committed with the current batch). */
  fail(result: FileResult) {
    this.add(result);
    this.begin();
    addIngestFailure({ db: this.db, runId: this.runId, path: result.path, code: result.code ?? "internal", reason: result.reason ?? "" });
    this.saved();
  }

  /** Store one analyzed page and link it to its twin, if any: one savepoint, so the article is stored whole or not at all. */
  store(file: string, { record, title }: FileRecord) {
    const db = this.db;
    const { article } = record;
    const keys = (record.dedupKeys ??= lshKeys(article.body));
    const t0 = performance.now();
    let dedupMs = 0;
    let stored: { outcome: "new" | "updated" | "unchanged"; match: ReturnType<typeof findTwin> };
    this.begin();
    try {
      stored = db.transaction(() => {
        article.id = resolveArticleId({ url: article.url ?? null, contentHash: article.contentHash, filePath: article.filePath ?? null }, (id) => getArticleOwnerById({ db, id }), sameFile, (p) => fs.existsSync(p));
        const match = findTwin(db, article, keys);
        dedupMs = performance.now() - t0;
        article.duplicateOf = match && !match.replaces ? match.twin.id : null;
        const outcome = upsertArticle({ db, record });
        if (match?.replaces) foldArticleInto({ db, id: match.twin.id, into: article.id });
        return { outcome, match };
      });
    } catch (error) {
      this.fail(failureOf(file, error));
      return;
    }
    this.timings.dedupMs.push(dedupMs);
    this.timings.writeMs.push(performance.now() - t0 - dedupMs);
    const { outcome, match } = stored;
    const status: FileStatus = outcome === "unchanged" ? "unchanged" : match ? "duplicate" : outcome;
    const pair = match ? { twin: match.twin.id, shown: article.duplicateOf ?? article.id } : {};
    this.add({ path: file, status, id: article.id, title, ...pair, ...(record.notes?.length ? { notes: record.notes } : {}) });
    this.saved();
  }

  private add(result: FileResult) {
    this.results.push(result);
    this.counts[result.status]++;
  }

  private begin() {
    if (this.batch) return;
    this.db.$client.exec("begin");
    this.batch = { size: 0, since: Date.now() };
  }

  /** After each file: save the counts so far, and commit when the batch is full or old. */
  private saved() {
    if (this.batch && (++this.batch.size >= STORE_BATCH || Date.now() - this.batch.since >= STORE_BATCH_MS)) this.commit();
  }

  /** Commit the open batch: called when it is full, before waiting for a worker, and at the end. */
  commit() {
    if (!this.batch) return;
    // The counts so far go with the batch (inside its transaction, they would not be seen earlier anyway).
    updateIngestRunCounts({ db: this.db, runId: this.runId, counts: runCounts(this.counts) });
    this.batch = null;
    this.db.$client.exec("commit");
  }

  finish(): IngestSummary {
    const counts = { ...this.counts };
    updateIngestRunCounts({ db: this.db, runId: this.runId, counts: runCounts(counts) });
    this.commit();
    finishIngestRun({
      db: this.db,
      runId: this.runId,
      status: this.results.length > 0 && counts.failed === this.results.length ? "failed" : "done",
      counts: runCounts(counts),
    });
    return { runId: this.runId, counts, files: this.results, ms: Date.now() - this.started, interrupted: this.interrupted, timings: this.timings };
  }
}

const runCounts = (c: Record<FileStatus, number>) => ({ created: c.new, updated: c.updated, unchanged: c.unchanged, duplicate: c.duplicate, failed: c.failed });

export function failureOf(file: string, error: unknown): FileResult {
  return failed(file, classifyError(error));
}

export interface IngestOptions {
  db: Db;
  paths: string[];
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Store records already analyzed (one run, batched like an ingest): what the pipeline's writer does, for tests. */
export function storeRecords({ db, records }: { db: Db; records: ({ file: string } & FileRecord)[] }): IngestSummary {
  const run = new Run(db, records.map((r) => r.file));
  for (const { file, ...analyzed } of records) run.store(file, analyzed);
  return run.finish();
}

/** Files given to the pool at once for `workers` threads: every worker busy, a few results ready for the writer. */
export const ingestWindow = (workers: number) => Math.max(2, Math.floor(workers) * 4);

/**
 * The same ingest with each file read, cleaned and extracted in a worker thread under a time and memory budget
 * (pool.ts): a file that overruns it fails with `timeout` or `too-large` and the run goes on with the next one. The
 * database is written here, in the main thread, one transaction per article, in input order (so duplicates are
 * decided exactly as ingestPaths decides them).
 */
export async function ingestPathsIsolated({ db, paths, onProgress, budget }: IngestOptions & { budget?: Partial<FileBudget> }): Promise<IngestSummary> {
  const run = new Run(db, paths);
  const { files, failures } = collectInputs(paths);
  for (const f of failures) run.fail(f);
  if (files.length === 0) return run.finish();
  const pool = new FilePool({ ...DEFAULT_BUDGET, ...budget });
  let stats: PoolStats;
  try {
    // A window of files in flight, not all of them: results wait for the writer in order, and a writer slower
    // than the workers would otherwise hold every analyzed page in memory (the corpus is streamed, never held).
    const window = ingestWindow(budget?.workers ?? DEFAULT_BUDGET.workers);
    const ready = new Array<boolean>(files.length).fill(false);
    const pending = new Map<number, Promise<Outcome>>();
    const submit = (i: number) => {
      if (i < files.length) pending.set(i, pool.run(files[i]!).then((o) => ((ready[i] = true), o)));
    };
    for (let i = 0; i < window; i++) submit(i);
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      onProgress?.(i, files.length, file);
      // Nothing waits uncommitted while a worker is still busy with the next page: when the wait lasts longer
      // than WAIT_COMMIT_MS, the open batch is committed (committing before every wait cost a commit per page
      // whenever the writer was faster than the workers).
      const idle = ready[i] ? null : setTimeout(() => run.commit(), WAIT_COMMIT_MS);
      const outcome = await pending.get(i)!;
      if (idle) clearTimeout(idle);
      pending.delete(i);
      submit(i + window);
      if (!outcome.ok) run.fail(failed(file, outcome.error));
      else run.store(file, outcome.value);
    }
  } finally {
    stats = pool.stats();
    await pool.close();
  }
  onProgress?.(files.length, files.length, "");
  return { ...run.finish(), pool: stats };
}
