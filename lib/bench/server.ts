import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/*
 * Helpers of the benchmark scripts (scripts/bench.ts, bench-pages.ts, bench-load.ts): the production app on a
 * free 127.0.0.1 port, timings, and a clean stop of the app and the local engine it started.
 */

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Time to the first byte of the body (ms); throws on an error status. */
export async function ttfb(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url);
  const reader = res.body?.getReader();
  await reader?.read();
  const ms = performance.now() - started;
  await reader?.cancel();
  if (res.status >= 400) throw new Error(`${url} answered ${res.status}`);
  return ms;
}

/** Time to the whole body (ms); throws on an error status. */
export async function timed(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status >= 400) throw new Error(`${url} answered ${res.status}`);
  return ms;
}

/** The p-th percentile (nearest rank) of a list of timings. */
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

export interface AppServer {
  base: string;
  server: ChildProcess;
  stop: () => Promise<void>;
}

/** `next start` of the existing production build on a free port, with this environment; resolves once `probe` answers. */
export async function startApp(env: NodeJS.ProcessEnv, probe = "/api/timeline"): Promise<AppServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    env,
    stdio: "ignore",
    detached: true,
  });
  const stop = async () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500));
  };
  for (let i = 0; ; i++) {
    try {
      await ttfb(base + probe);
      return { base, server, stop };
    } catch {
      if (i > 300) {
        await stop();
        throw new Error("the server did not start");
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Pids whose command line names `marker` (the engine a server started under its DATA_DIR). */
export function pidsMentioning(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(marker)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Stop the local Meilisearch a server or `kb index` started under this DATA_DIR (found by its data folder). */
export async function stopLocalEngine(dataDir: string): Promise<void> {
  for (const pid of pidsMentioning(path.join(dataDir, "meili"))) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // gone meanwhile
    }
  }
  await new Promise((r) => setTimeout(r, 1500));
}

export interface BenchServer extends AppServer {
  dataDir: string;
}

/**
 * A temporary DATA_DIR with `opts.ingest` ingested (and indexed), a production build (made when asked or missing),
 * and the app started on it; `stop` ends the app and its engine and removes the folder.
 */
export async function startBenchServer(opts: { ingest: string[]; build: boolean; env?: Record<string, string>; ready: string }): Promise<BenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "delta-atlas-bench-"));
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: "", NEXT_TELEMETRY_DISABLED: "1", ...opts.env };
  const run = (title: string, args: string[]) => {
    console.error(`bench: ${title}…`);
    const r = spawnSync("npm", args, { env, stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`${title} failed (exit ${r.status ?? r.signal})`);
  };
  run(`ingest ${opts.ingest.join(" ")} (and index it)`, ["run", "--silent", "kb", "--", "ingest", ...opts.ingest]);
  if (opts.build || !fs.existsSync(".next/BUILD_ID")) run("next build", ["run", "--silent", "build"]);
  const app = await startApp(env, opts.ready);
  const stop = async () => {
    await app.stop();
    await stopLocalEngine(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  return { ...app, dataDir, stop };
}
