/**
 * The production app on a temporary DATA_DIR for the benchmark scripts (bench-pages, bench-load): ingest, build when
 * asked, `next start` on 127.0.0.1 only (a free port), and a clean stop of the app and the engine it started.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface BenchServer {
  base: string;
  dataDir: string;
  server: ChildProcess;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
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
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], { env, stdio: "ignore", detached: true });
  const stop = async () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    // The server started a local Meilisearch under DATA_DIR on its first search: stop it too.
    for (const pid of pidsMentioning(path.join(dataDir, "meili"))) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // gone meanwhile
      }
    }
    await new Promise((r) => setTimeout(r, 1500));
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  for (let i = 0; ; i++) {
    const ok = await fetch(base + opts.ready).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 300) {
      await stop();
      throw new Error("the server did not start");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, dataDir, server, stop };
}
