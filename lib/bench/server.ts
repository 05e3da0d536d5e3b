import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/* Helpers of the benchmark scripts (scripts/bench.ts, scripts/bench-pages.ts): a production server on a free port, timings. */

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
      return { base, stop };
    } catch {
      if (i > 300) {
        await stop();
        throw new Error("the server did not start");
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Stop the local Meilisearch a server or `kb index` started under this DATA_DIR (found by its data folder). */
export async function stopLocalEngine(dataDir: string): Promise<void> {
  for (const entry of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(path.join(dataDir, "meili"))) process.kill(Number(entry), "SIGTERM");
    } catch {
      // gone meanwhile
    }
  }
  await new Promise((r) => setTimeout(r, 1500));
}
