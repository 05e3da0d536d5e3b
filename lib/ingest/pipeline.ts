import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  addIngestFailure,
  createIngestRun,
  finishIngestRun,
  getArticleIdByContentHash,
  getDedupCandidates,
  upsertArticle,
  upsertEntities,
} from "@/db/queries/ingest";
import { extract } from "../extract";
import { buildRecord, gazetteerEntityRows } from "./record";
import { findNearDuplicate, type DedupCandidate } from "./dedup";
import { MAX_PAGE_BYTES, processPage } from "./process";
import { AtlasError, type Sidecar } from "./types";

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
  /** For duplicates: the article this one was folded into. */
  twin?: string;
  code?: string;
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
  db.transaction((tx) => upsertEntities({ db: tx as unknown as Db, rows: gazetteerEntityRows() }));
  const { files, failures } = collectInputs(paths);
  const results: FileResult[] = [...failures];
  let candidates: DedupCandidate[] | null = null;
  try {
    files.forEach((file, i) => {
      onProgress?.(i, files.length, file);
      try {
        const { cleaned, extraction, sidecar } = analyzeFile(file);
        const record = buildRecord({ cleaned, extraction, filePath: path.relative(process.cwd(), file), fetchedAt: sidecar?.fetchedAt ?? null });
        const { id, contentHash, simhash, body } = record.article;
        candidates ??= getDedupCandidates({ db, exceptId: "" });
        const others = candidates.filter((c) => c.id !== id);
        const twin = getArticleIdByContentHash({ db, contentHash, exceptId: id }) ?? findNearDuplicate(body, simhash, others);
        record.article.duplicateOf = twin;
        const outcome = upsertArticle({ db, record });
        if (!twin && !candidates.some((c) => c.id === id)) candidates.push({ id, simhash, body });
        const status: FileStatus = outcome === "unchanged" ? "unchanged" : twin ? "duplicate" : outcome;
        results.push({ path: file, status, id, title: cleaned.title, ...(twin ? { twin } : {}) });
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
