import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import Table from "cli-table3";
import { getDb } from "@/db/client";
import { InvalidArgumentError } from "commander";
import { DEFAULT_BUDGET, ingestPathsIsolated, type IngestSummary } from "@/lib/ingest/writer";

// Colours only on a terminal: a piped summary stays plain text.
const style = process.stdout.isTTY ? {} : { head: [], border: [] };

function printSummary(summary: IngestSummary) {
  const counts = new Table({ head: ["new", "updated", "unchanged", "duplicate", "failed", "time"], style });
  const c = summary.counts;
  counts.push([c.new, c.updated, c.unchanged, c.duplicate, c.failed, `${(summary.ms / 1000).toFixed(1)} s`]);
  console.log(counts.toString());
  const dupes = summary.files.filter((f) => f.status === "duplicate");
  if (dupes.length) {
    const t = new Table({ head: ["duplicate file", "article", "twin", "shown"], style });
    for (const f of dupes) t.push([f.path, f.id ?? "", f.twin ?? "", f.shown ?? ""]);
    console.log(t.toString());
  }
  const failed = summary.files.filter((f) => f.status === "failed");
  if (failed.length) {
    const t = new Table({ head: ["failed file", "code", "reason"], colWidths: [40, 16, 60], wordWrap: true, style });
    for (const f of failed) t.push([f.path, f.code ?? "", f.reason ?? ""]);
    console.log(t.toString());
  }
  const cut = summary.files.filter((f) => f.notes?.length);
  if (cut.length) {
    const t = new Table({ head: ["stored, but cut", "what was cut"], colWidths: [40, 76], wordWrap: true, style });
    for (const f of cut) t.push([f.path, (f.notes ?? []).join("; ")]);
    console.log(t.toString());
  }
  if (summary.interrupted.length) console.log(`earlier run(s) ${summary.interrupted.join(", ")} had been killed: marked interrupted`);
}

export const positive = (what: string, integer = false) => (raw: string) => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new InvalidArgumentError(`${what} must be a positive ${integer ? "integer" : "number"}`);
  return n;
};

/** Non-zero only when nothing could be ingested: every input failed, or there was no input at all. */
export function ingestExitCode(summary: IngestSummary): number {
  const ok = summary.files.length - summary.counts.failed;
  return ok > 0 ? 0 : 1;
}

export function registerIngest(program: Command) {
  ingestBudgetOptions(program.command("ingest"))
    .description("clean, extract and store scraped pages (.html, .htm, .txt with optional sidecar .json)")
    .argument("[paths...]", "files or folders", ["content"])
    .option("--json", "print a machine-readable summary on stdout")
    .option("--no-index", "do not sync the search index afterwards")
    .action(async (paths: string[], opts: IngestCliOptions) => {
      const { summary } = await runIngest(paths, opts);
      process.exitCode = ingestExitCode(summary);
    });
}

export interface IngestCliOptions {
  json?: boolean;
  index: boolean;
  timeout: number;
  maxMemory: number;
  workers: number;
}

/** Ingest with a progress bar, sync the index, print the summary (or return it for a caller's --json). */
export async function runIngest(paths: string[], opts: IngestCliOptions & { quiet?: boolean }) {
  const db = getDb();
  const bar = process.stderr.isTTY && !opts.json
    ? new SingleBar({ format: "ingest [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {file}", stream: process.stderr, hideCursor: true }, Presets.shades_classic)
    : null;
  const startedAt = Date.now();
  const summary = await ingestPathsIsolated({
    db,
    paths,
    budget: { timeoutMs: opts.timeout * 1000, maxMemoryMb: opts.maxMemory, workers: opts.workers },
    onProgress: (done, total, file) => {
      if (!bar) return;
      if (done === 0) bar.start(total, 0, { file: "", rate: "0" });
      const seconds = (Date.now() - startedAt) / 1000;
      bar.update(done, { file: file.slice(-40), rate: seconds > 0 ? (done / seconds).toFixed(1) : "0" });
    },
  });
  bar?.stop();
  // What was stored is final: whatever happens to the index now is a warning, never the command's outcome.
  let index: unknown = null;
  let indexError: { code: string; message: string } | null = null;
  if (opts.index && summary.counts.new + summary.counts.updated + summary.counts.duplicate + summary.counts.unchanged > 0) {
    const search = await import("@/lib/search");
    try {
      index = await search.syncIndex({ log: opts.json ? () => {} : (m: string) => console.error(m) });
    } catch (error) {
      const e = search.classifyEngineError(error);
      indexError = { code: e.code, message: e.message };
    }
  }
  const result = { ...summary, index, ...(indexError ? { indexError } : {}) };
  if (opts.json) {
    if (!opts.quiet) console.log(JSON.stringify(result, null, 2));
  } else printSummary(summary);
  if (indexError && !opts.json) console.error(`warning: the search index was not updated (${indexError.code}): ${indexError.message}; run \`npm run kb -- index\` later`);
  return { summary, result };
}

/** The ingest budget options, shared by `ingest`, `fetch --ingest` and `watch`. */
export function ingestBudgetOptions(cmd: Command): Command {
  return cmd
    .option("--timeout <seconds>", "time budget for reading, cleaning and extracting one file", positive("--timeout"), DEFAULT_BUDGET.timeoutMs / 1000)
    .option("--max-memory <MB>", "heap budget of each ingest worker", positive("--max-memory", true), DEFAULT_BUDGET.maxMemoryMb)
    .option("--workers <n>", "files processed in parallel (worker threads)", positive("--workers", true), DEFAULT_BUDGET.workers);
}

