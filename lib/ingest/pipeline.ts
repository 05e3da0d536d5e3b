import { recordFile, type FileRecord } from "./analyze";
import { collectInputs, failureOf, Run, type IngestOptions, type IngestSummary } from "./writer";

/*
 * The ingest pipeline: the writer (writer.ts: run, store, worker-pool ingest), and the in-thread ingest below,
 * which cleans and extracts in the calling thread.
 */

export { analyzeFile, readSidecar } from "./analyze";
export * from "./writer";

/**
 * Ingest files and folders in this thread: each page is cleaned, extracted and written whole or not at all, so a
 * crash leaves no half-written article and re-running resumes. Writes are committed in batches (STORE_BATCH pages or
 * STORE_BATCH_MS), each article inside its own savepoint; the run and every failure are recorded as they go.
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
