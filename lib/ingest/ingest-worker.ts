import v8 from "node:v8";
import { parentPort } from "node:worker_threads";
import { classifyError, recordFile } from "./analyze";
import { processPage } from "./process";
import { extract } from "../extract";

/*
 * One ingest worker (pool.ts): reads, cleans and extracts the files it is sent, one at a time, and posts back the
 * rows to store. It never touches the database. The pool stops it (worker.terminate) when a file overruns its time
 * budget; its heap is capped by resourceLimits, so a page that needs too much memory ends the worker, not the run.
 */

const port = parentPort;
if (!port) throw new Error("ingest-worker.ts runs as a worker thread (lib/ingest/pool.ts)");

// Load the dictionaries (OpenCC, gazetteer, jieba) before saying ready, so no file's budget pays for them.
try {
  extract(processPage(Buffer.from("长三角生态绿色一体化发展示范区在嘉善、青浦和吴江投资10亿元建设新项目。\n"), { fileName: "warm-up.txt" }));
} catch {
  // A warm-up that fails changes nothing: the first file reports its own error.
}

/** This thread's heap after a file (used, reserved): the pool reports the peak (FilePool.stats). */
const heap = (): [number, number] => {
  const h = v8.getHeapStatistics();
  return [h.used_heap_size, h.total_heap_size];
};

port.on("message", ({ id, file }: { id: number; file: string }) => {
  try {
    const value = recordFile(file);
    port.postMessage({ id, ok: true, value, heap: heap() });
  } catch (error) {
    const e = classifyError(error);
    port.postMessage({ id, ok: false, code: e.code, message: e.message, heap: heap() });
  }
});
port.postMessage({ ready: true });
