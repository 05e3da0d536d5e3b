import { createRequire } from "node:module";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { AtlasError, type ErrorCode } from "../errors";
import type { FileRecord } from "./analyze";

/** How long and how much memory one file may take, and how many files are worked on at once. */
export interface FileBudget {
  /** Wall-clock time for reading, cleaning and extracting one file (ms). */
  timeoutMs: number;
  /**
   * Heap of each worker (MB): a page that needs more fails with `too-large`. V8 lets a heap grow towards its cap
   * before collecting, so the cap is also what each worker costs in memory: 512 MB holds a 19 MB page of 130
   * articles (MAX_PAGE_BYTES is 20 MB) while a 100 KB page needs ~130 MB live (dictionaries included).
   */
  maxMemoryMb: number;
  /** Worker threads (files in parallel). */
  workers: number;
}

export const DEFAULT_BUDGET: FileBudget = {
  timeoutMs: 60_000,
  maxMemoryMb: 512,
  workers: Math.max(1, Math.min(2, os.availableParallelism())),
};

export type Outcome = { ok: true; value: FileRecord } | { ok: false; error: AtlasError };

/** What the pool saw: the most files it held at once (queued + in a worker), and each worker thread's peak heap. */
export interface PoolStats {
  maxInFlight: number;
  /** Largest V8 heap (used, and reserved by V8) a worker reported after a file, MB, over every worker of the run. */
  workerHeapUsedMb: number;
  workerHeapTotalMb: number;
  /** Workers started (more than `workers` when some were replaced after a timeout or running out of memory). */
  workersStarted: number;
}

interface Job {
  id: number;
  file: string;
  resolve: (o: Outcome) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** It said ready once (a worker stopped for a timeout is not a failure to start). */
  started: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/**
 * The worker is TypeScript: a two-line bootstrap registers tsx's CommonJS loader in the new thread, then requires
 * it (an `--import tsx` flag does not reach a worker's entry module on Node 20). tsx's ESM loader (`tsx/esm/api`)
 * would run its hooks in a thread of their own, one more V8 instance per worker holding every module's source: ~70
 * MB of RSS a worker; the CommonJS hooks compile in the worker's own thread. Works under tsx, vitest and plain node.
 */
const WORKER_BOOTSTRAP = (() => {
  const api = createRequire(import.meta.url).resolve("tsx/cjs/api");
  const entry = fileURLToPath(new URL("./ingest-worker.ts", import.meta.url));
  return `require(${JSON.stringify(api)}).register(); require(${JSON.stringify(entry)});`;
})();
/** A worker that dies this many times in a row before it is ready means workers cannot start at all. */
const MAX_START_FAILURES = 3;

/**
 * A small pool of worker threads that read, clean and extract files under a time and memory budget. A file that
 * overruns its time is answered `timeout` and its worker terminated; a worker that runs out of heap answers
 * `too-large`; either way a fresh worker takes its place and the next file goes on.
 */
export class FilePool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closing = false;
  private startFailures = 0;
  private startError = "";
  private readonly counters: PoolStats = { maxInFlight: 0, workerHeapUsedMb: 0, workerHeapTotalMb: 0, workersStarted: 0 };

  constructor(private readonly budget: FileBudget) {
    const n = Math.max(1, Math.floor(budget.workers));
    for (let i = 0; i < n; i++) this.slots.push(this.spawn());
  }

  run(file: string): Promise<Outcome> {
    if (this.closing) return Promise.resolve({ ok: false, error: new AtlasError("internal", "the ingest pool is closed") });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, file, resolve });
      const busy = this.slots.filter((slot) => slot.job).length;
      this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.queue.length + busy);
      this.pump();
    });
  }

  stats(): PoolStats {
    return { ...this.counters };
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const job of this.queue.splice(0)) job.resolve({ ok: false, error: new AtlasError("internal", "the ingest pool was closed") });
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_BOOTSTRAP, {
      eval: true,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.budget.maxMemoryMb },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, started: false, job: null, timer: null };
    this.counters.workersStarted++;
    worker.on("message", (msg: { ready?: true; id?: number; ok?: boolean; value?: FileRecord; code?: ErrorCode; message?: string; heap?: [number, number] }) => {
      if (msg.heap) {
        this.counters.workerHeapUsedMb = Math.max(this.counters.workerHeapUsedMb, Math.round(msg.heap[0] / 1048576));
        this.counters.workerHeapTotalMb = Math.max(this.counters.workerHeapTotalMb, Math.round(msg.heap[1] / 1048576));
      }
      if (msg.ready) {
        slot.ready = true;
        slot.started = true;
        this.startFailures = 0;
        this.pump();
        return;
      }
      if (!slot.job || msg.id !== slot.job.id) return;
      this.settle(slot, msg.ok ? { ok: true, value: msg.value as FileRecord } : { ok: false, error: new AtlasError(msg.code ?? "internal", msg.message ?? "") });
      this.pump();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      if (!slot.started) this.startError = error.message;
      if (!slot.job) return;
      const mb = this.budget.maxMemoryMb;
      const e =
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new AtlasError("too-large", `processing the page needed more than the ${mb} MB memory budget`, { cause: error })
          : error instanceof RangeError && /call stack/i.test(error.message)
            ? new AtlasError("too-deep", `the page is nested too deeply to process (${error.message})`, { cause: error })
            : new AtlasError("internal", `the ingest worker failed: ${error.message}`, { cause: error });
      this.settle(slot, { ok: false, error: e });
    });
    worker.on("exit", () => {
      if (slot.job) this.settle(slot, { ok: false, error: new AtlasError("internal", "the ingest worker exited while working on this file") });
      if (!slot.started) this.startFailures++;
      const i = this.slots.indexOf(slot);
      if (i < 0 || this.closing) return;
      if (this.startFailures >= MAX_START_FAILURES) {
        this.slots.splice(i, 1);
        if (this.slots.length === 0) {
          for (const job of this.queue.splice(0)) job.resolve({ ok: false, error: new AtlasError("internal", `ingest workers could not start: ${this.startError}`) });
        }
        return;
      }
      this.slots[i] = this.spawn();
    });
    return slot;
  }

  private settle(slot: Slot, outcome: Outcome) {
    const job = slot.job;
    if (!job) return;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    job.resolve(outcome);
  }

  private pump() {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => {
        const seconds = this.budget.timeoutMs / 1000;
        this.settle(slot, { ok: false, error: new AtlasError("timeout", `reading, cleaning and extracting the page took longer than the ${seconds} s budget`) });
        // The exit handler puts a fresh worker in its place.
        slot.ready = false;
        void slot.worker.terminate();
      }, this.budget.timeoutMs);
      slot.worker.postMessage({ id: job.id, file: job.file });
    }
  }
}
