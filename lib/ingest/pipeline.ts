import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  addIngestFailure,
  createIngestRun,
  finishIngestRun,
  foldArticleInto,
  getOriginalArticles,
  upsertArticle,
  type ArticleRecord,
} from "@/db/queries/ingest";
import { extract } from "../extract";
import { buildRecord } from "./record";
import { findNearDuplicate, type DedupCandidate } from "./dedup";
import { MAX_PAGE_BYTES, processPage } from "./process";
import type { DatePrecision } from "../domain/dates";
import { AtlasError, type ErrorCode } from "../errors";
import type { Sidecar } from "./types";

export const PAGE_EXTENSIONS = [".html", ".htm", ".txt"];

const sidecarSchema = z
  .object({
    url: z.string().url().optional(),
    fetchedAt: z.string().optional(),
    site: z.string().min(1).optional(),
    encoding: z.string().min(1).optional(),
  })
  .passthrough();

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
}

export interface IngestSummary {
  runId: number;
  counts: Record<FileStatus, number>;
  files: FileResult[];
  ms: number;
}

/** Files to ingest under the given paths (folders are walked), sorted; missing paths come back as failures. */
export function collectInputs(paths: string[]): { files: string[]; failures: FileResult[] } {
  const files: string[] = [];
  const failures: FileResult[] = [];
  const walk = (p: string) => {
    for (const entry of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(p, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (PAGE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  for (const p of paths) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) failures.push({ path: p, status: "failed", code: "not-found", reason: "no such file or folder" });
    else if (stat.isDirectory()) walk(p);
    else if (PAGE_EXTENSIONS.includes(path.extname(p).toLowerCase())) files.push(p);
    else failures.push({ path: p, status: "failed", code: "unsupported", reason: `not a page: expected ${PAGE_EXTENSIONS.join(", ")}` });
  }
  return { files: [...new Set(files)], failures };
}

/** The optional `page.json` beside `page.html`; a malformed one is an error, not silently ignored. */
export function readSidecar(file: string): Sidecar | undefined {
  const sidecarPath = file.slice(0, file.length - path.extname(file).length) + ".json";
  if (!fs.existsSync(sidecarPath)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(sidecarPath, "utf8"));
  } catch (cause) {
    throw new AtlasError("sidecar", `sidecar ${path.basename(sidecarPath)} is not valid JSON`, { cause });
  }
  const parsed = sidecarSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AtlasError("sidecar", `sidecar ${path.basename(sidecarPath)}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** Read, clean and extract one file without touching the database (what `kb inspect` shows). */
export function analyzeFile(file: string) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new AtlasError("not-found", `${file}: no such file`);
  const size = stat.size;
  if (size > MAX_PAGE_BYTES) {
    throw new AtlasError("too-large", `page is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_PAGE_BYTES / 1048576} MB limit`);
  }
  const sidecar = readSidecar(file);
  const cleaned = processPage(fs.readFileSync(file), { fileName: path.basename(file), sidecar });
  const extraction = extract(cleaned);
  return { cleaned, extraction, sidecar };
}

function failureOf(file: string, error: unknown): FileResult {
  if (error instanceof AtlasError) return { path: file, status: "failed", code: error.code, reason: error.message };
  return { path: file, status: "failed", code: "internal", reason: error instanceof Error ? error.message : String(error) };
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

/**
 * Ingest files and folders: each page is cleaned, extracted and written in its own transaction, so a crash
 * leaves no half-written article and re-running resumes. The run and every failure are recorded.
 */
export function ingestPaths({
  db,
  paths,
  onProgress,
}: {
  db: Db;
  paths: string[];
  onProgress?: (done: number, total: number, file: string) => void;
}): IngestSummary {
  const started = Date.now();
  const runId = createIngestRun({ db, inputs: paths });
  const { files, failures } = collectInputs(paths);
  const results: FileResult[] = [...failures];
  let originals: Original[] | null = null;
  try {
    files.forEach((file, i) => {
      onProgress?.(i, files.length, file);
      try {
        const { cleaned, extraction, sidecar } = analyzeFile(file);
        const record = buildRecord({ cleaned, extraction, filePath: path.relative(process.cwd(), file), fetchedAt: sidecar?.fetchedAt ?? null });
        const { article } = record;
        originals ??= getOriginalArticles({ db });
        const match = findTwin(article, originals);
        article.duplicateOf = match && !match.replaces ? match.twin.id : null;
        const outcome = upsertArticle({ db, record });
        if (match?.replaces) {
          foldArticleInto({ db, id: match.twin.id, into: article.id });
          originals = originals.filter((o) => o.id !== match.twin.id);
        }
        if (!article.duplicateOf && !originals.some((o) => o.id === article.id)) originals.push({ ...article, publishedPrecision: article.publishedPrecision ?? null });
        const status: FileStatus = outcome === "unchanged" ? "unchanged" : match ? "duplicate" : outcome;
        const pair = match ? { twin: match.twin.id, shown: article.duplicateOf ?? article.id } : {};
        results.push({ path: file, status, id: article.id, title: cleaned.title, ...pair });
      } catch (error) {
        results.push(failureOf(file, error));
      }
    });
    onProgress?.(files.length, files.length, "");
  } finally {
    const counts = countStatuses(results);
    for (const f of results) if (f.status === "failed") addIngestFailure({ db, runId, path: f.path, code: f.code ?? "internal", reason: f.reason ?? "" });
    finishIngestRun({
      db,
      runId,
      status: results.length > 0 && counts.failed === results.length ? "failed" : "done",
      counts: { created: counts.new, updated: counts.updated, unchanged: counts.unchanged, duplicate: counts.duplicate, failed: counts.failed },
    });
  }
  return { runId, counts: countStatuses(results), files: results, ms: Date.now() - started };
}

function countStatuses(results: FileResult[]): Record<FileStatus, number> {
  const counts: Record<FileStatus, number> = { new: 0, updated: 0, unchanged: 0, duplicate: 0, failed: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}
