import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import Table from "cli-table3";
import { getDb } from "@/db/client";
import { ingestPaths, type IngestSummary } from "@/lib/ingest/pipeline";

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
}

/** Non-zero only when nothing could be ingested: every input failed, or there was no input at all. */
export function ingestExitCode(summary: IngestSummary): number {
  const ok = summary.files.length - summary.counts.failed;
  return ok > 0 ? 0 : 1;
}

export function registerIngest(program: Command) {
  program
    .command("ingest")
    .description("clean, extract and store scraped pages (.html, .htm, .txt with optional sidecar .json)")
    .argument("[paths...]", "files or folders", ["content"])
    .option("--json", "print a machine-readable summary on stdout")
    .option("--no-index", "do not sync the search index afterwards")
    .action(async (paths: string[], opts: { json?: boolean; index: boolean }) => {
      const db = getDb();
      const bar = process.stderr.isTTY && !opts.json
        ? new SingleBar({ format: "ingest [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {file}", stream: process.stderr, hideCursor: true }, Presets.shades_classic)
        : null;
      const startedAt = Date.now();
      const summary = ingestPaths({
        db,
        paths,
        onProgress: (done, total, file) => {
          if (!bar) return;
          if (done === 0) bar.start(total, 0, { file: "", rate: "0" });
          const seconds = (Date.now() - startedAt) / 1000;
          bar.update(done, { file: file.slice(-40), rate: seconds > 0 ? (done / seconds).toFixed(1) : "0" });
        },
      });
      bar?.stop();
      let index: unknown = null;
      if (opts.index && summary.counts.new + summary.counts.updated + summary.counts.duplicate + summary.counts.unchanged > 0) {
        const { syncIndex } = await import("@/lib/search");
        index = await syncIndex({ log: opts.json ? () => {} : (m: string) => console.error(m) });
      }
      if (opts.json) console.log(JSON.stringify({ ...summary, index }, null, 2));
      else printSummary(summary);
      process.exitCode = ingestExitCode(summary);
    });
}
