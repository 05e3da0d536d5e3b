/**
 * The e2e web server: fixture database from content/ (+ e2e/fixtures/) through the real pipeline, then the production
 * build served on 127.0.0.1. Run by Playwright's webServer with DATA_DIR and PORT set.
 * E2E_SKIP_BUILD=1 reuses an existing `.next` build; E2E_KEEP=1 keeps DATA_DIR afterwards.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../lib/config";
import { nextStartCommand } from "../scripts/serve-app";

const dataDir = process.env.DATA_DIR;
const port = process.env.PORT;
if (!dataDir || !port) throw new Error("serve-fixture: DATA_DIR and PORT must be set (playwright.config.ts sets them)");
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: "", NEXT_TELEMETRY_DISABLED: "1" };

function step(title: string, cmd: string, args: string[]) {
  const started = Date.now();
  console.log(`[e2e] ${title}…`);
  const r = spawnSync(cmd, args, { env, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`[e2e] ${title} failed (exit ${r.status ?? r.signal})`);
    cleanUp();
    process.exit(1);
  }
  console.log(`[e2e] ${title} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// e2e/fixtures/ holds a reprint of a seed as another site published it: the pipeline must fold it into its twin.
step(`ingest content/ and e2e/fixtures/ into ${dataDir}`, "npm", ["run", "--silent", "kb", "--", "ingest", "content", "e2e/fixtures"]);
if (process.env.E2E_SKIP_BUILD !== "1" || !fs.existsSync(".next/BUILD_ID")) step("next build", "npm", ["run", "--silent", "build"]);

// Started the way `npm run serve` starts it: on HOST (127.0.0.1 unless set) and PORT.
const { command, args } = nextStartCommand(loadConfig(env));
const server = spawn(command, args, { env, stdio: "inherit" });

/** Processes whose command line names this fixture's Meilisearch folder (started by this run). */
function fixtureEnginePids(): number[] {
  const marker = path.join(dataDir!, "meili");
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(marker)) pids.push(Number(entry));
    } catch {
      // process ended meanwhile
    }
  }
  return pids;
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Stop a local Meilisearch the server left behind (it should stop it itself), wait until it is
 * gone (it writes on shutdown), then drop the fixture folder.
 */
function cleanUp(): void {
  const pids = fs.existsSync("/proc") ? fixtureEnginePids() : [];
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  for (let waited = 0; waited < 8_000 && pids.some((pid) => fs.existsSync(`/proc/${pid}`)); waited += 100) sleepSync(100);
  const tmp = fs.realpathSync(os.tmpdir());
  if (process.env.E2E_KEEP !== "1" && fs.existsSync(dataDir!) && fs.realpathSync(dataDir!).startsWith(path.join(tmp, "delta-atlas-e2e-"))) {
    fs.rmSync(dataDir!, { recursive: true, force: true, maxRetries: 3 });
  }
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    server.kill(signal);
  });
}
server.on("exit", (code) => {
  cleanUp();
  process.exit(code ?? 0);
});
