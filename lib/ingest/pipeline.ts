import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import {
  addIngestFailure,
  createIngestRun,
  finishIngestRun,
  foldArticleInto,
  getArticleOwnerById,
  getOriginalArticles,
  markInterruptedRuns,
  updateIngestRunCounts,
  upsertArticle,
  type ArticleRecord,
} from "@/db/queries/ingest";
import { findNearDuplicate, type DedupCandidate } from "./dedup";
import { classifyError, fsError, recordFile, type FileRecord } from "./analyze";
import { resolveArticleId } from "./record";
import { DEFAULT_BUDGET, FilePool, type FileBudget } from "./pool";
import type { DatePrecision } from "../domain/dates";
import type { AtlasError, ErrorCode } from "../errors";

export { analyzeFile, readSidecar } from "./analyze";
export { DEFAULT_BUDGET, type FileBudget } from "./pool";

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

interface Original extends DedupCandidate {
  contentHash: string;
  publishedPrecision: DatePrecision | null;
}

const DATE_RANK: Record<DatePrecision, number> = { year: 1, month: 2, day: 3 };
const dateRank = (p: DatePrecision | null | undefined) => (p ? DATE_RANK[p] : 0);

/**
 * The earlier copy of the same story, if any (same body, else a near-duplicate), and whether this copy
 * should be the one shown instead: it is when it carries a more precise publication date.
 */
function findTwin(article: ArticleRecord["article"], originals: Original[]): { twin: Original; replaces: boolean } | null {
  const others = originals.filter((o) => o.id !== article.id);
  const twinId = others.find((o) => o.contentHash === article.contentHash)?.id ?? findNearDuplicate(article.body, article.simhash, others);
  const twin = others.find((o) => o.id === twinId);
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

/** One run: the record in `ingest_runs`, the results so far, and the originals duplicates are matched against. */
class Run {
  readonly started = Date.now();
  readonly runId: number;
  readonly interrupted: number[];
  readonly results: FileResult[] = [];
  private originals: Original[] | null = null;

  constructor(
    private readonly db: Db,
    paths: string[],
  ) {
    this.interrupted = markInterruptedRuns({ db });
    this.runId = createIngestRun({ db, inputs: paths });
  }

  /** A failure is recorded the moment it happens, so a run that is killed later keeps it. */
  fail(result: FileResult) {
    this.results.push(result);
    addIngestFailure({ db: this.db, runId: this.runId, path: result.path, code: result.code ?? "internal", reason: result.reason ?? "" });
    this.saveCounts();
  }

  /** Store one analyzed page (its own transaction) and link it to its twin, if any. */
  store(file: string, { record, title }: FileRecord) {
    const db = this.db;
    const { article } = record;
    article.id = resolveArticleId({ url: article.url ?? null, contentHash: article.contentHash, filePath: article.filePath ?? null }, (id) => getArticleOwnerById({ db, id }), sameFile, (p) => fs.existsSync(p));
    this.originals ??= getOriginalArticles({ db });
    const match = findTwin(article, this.originals);
    article.duplicateOf = match && !match.replaces ? match.twin.id : null;
    const outcome = upsertArticle({ db, record });
    if (match?.replaces) {
      foldArticleInto({ db, id: match.twin.id, into: article.id });
      this.originals = this.originals.filter((o) => o.id !== match.twin.id);
    }
    if (!article.duplicateOf && !this.originals.some((o) => o.id === article.id)) this.originals.push({ ...article, publishedPrecision: article.publishedPrecision ?? null });
    const status: FileStatus = outcome === "unchanged" ? "unchanged" : match ? "duplicate" : outcome;
    const pair = match ? { twin: match.twin.id, shown: article.duplicateOf ?? article.id } : {};
    this.results.push({ path: file, status, id: article.id, title, ...pair, ...(record.notes?.length ? { notes: record.notes } : {}) });
    this.saveCounts();
  }

  private saveCounts() {
    updateIngestRunCounts({ db: this.db, runId: this.runId, counts: runCounts(countStatuses(this.results)) });
  }

  finish(): IngestSummary {
    const counts = countStatuses(this.results);
    finishIngestRun({
      db: this.db,
      runId: this.runId,
      status: this.results.length > 0 && counts.failed === this.results.length ? "failed" : "done",
      counts: runCounts(counts),
    });
    return { runId: this.runId, counts, files: this.results, ms: Date.now() - this.started, interrupted: this.interrupted };
  }
}

const runCounts = (c: Record<FileStatus, number>) => ({ created: c.new, updated: c.updated, unchanged: c.unchanged, duplicate: c.duplicate, failed: c.failed });

function failureOf(file: string, error: unknown): FileResult {
  return failed(file, classifyError(error));
}

interface IngestOptions {
  db: Db;
  paths: string[];
  onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Ingest files and folders in this thread: each page is cleaned, extracted and written in its own transaction, so a
 * crash leaves no half-written article and re-running resumes. The run and every failure are recorded as they happen.
 * No time or memory budget: for trusted input (content/, tests); `kb ingest` uses ingestPathsIsolated.
 */
export function ingestPaths({ db, paths, onProgress }: IngestOptions): IngestSummary {
  const run = new Run(db, paths);
  const { files, failures } = collectInputs(paths);
  for (const f of failures) run.fail(f);
  files.forEach((file, i) => {
    onProgress?.(i, files.length, file);
    let analyzed: FileRecord;
    try {
      analyzed = recordFile(file);
    } catch (error) {
      run.fail(failureOf(file, error));
      return;
    }
    run.store(file, analyzed);
  });
  onProgress?.(files.length, files.length, "");
  return run.finish();
}

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
  try {
    const pending = files.map((file) => pool.run(file));
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      onProgress?.(i, files.length, file);
      const outcome = await pending[i]!;
      if (!outcome.ok) run.fail(failed(file, outcome.error));
      else run.store(file, outcome.value);
    }
  } finally {
    await pool.close();
  }
  onProgress?.(files.length, files.length, "");
  return run.finish();
}

function countStatuses(results: FileResult[]): Record<FileStatus, number> {
  const counts: Record<FileStatus, number> = { new: 0, updated: 0, unchanged: 0, duplicate: 0, failed: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}
