// Stopping the web app's process tree for real: a stand-in for `npx next start` (a wrapper that dies on
// SIGTERM without passing it on, and a server process under it holding a port), run by the same
// spawnTree/superviseTree that scripts/serve.ts runs `next start` with.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const dirs: string[] = [];
const started: number[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** True when something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Running, not a zombie (a zombie holds no port and waits only to be reaped). */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startServe(mode: "graceful" | "stubborn" | "crash", opts: { graceMs?: number; engine?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-serve-"));
  dirs.push(dir);
  const port = await freePort();
  const pidFile = path.join(dir, "pids.json");
  const marker = path.join(dir, "engine-stopped");
  const args = [String(port), pidFile, mode, String(opts.graceMs ?? 5000), marker, ...(opts.engine ? [path.join(dir, "data")] : [])];
  const host = spawn(process.execPath, ["--import", "tsx", "tests/serve-helpers/supervise.ts", ...args], { stdio: ["ignore", "inherit", "inherit"] });
  started.push(host.pid!);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => host.once("exit", (code, signal) => resolve({ code, signal })));
  for (let i = 0; i < 600 && !(await listening(port)); i++) await sleep(50);
  expect(await listening(port)).toBe(true);
  const pids = JSON.parse(fs.readFileSync(pidFile, "utf8")) as { wrapper: number; server: number };
  started.push(pids.wrapper, pids.server);
  const enginePid = opts.engine ? Number(fs.readFileSync(`${marker}.engine`, "utf8")) : null;
  if (enginePid) started.push(enginePid);
  return { host, exit, port, pids, marker, enginePid, graceful: () => fs.existsSync(`${pidFile}.graceful`) };
}

afterEach(() => {
  // A failed test must not leave its processes behind.
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!fs.existsSync("/proc"))("serve: stopping the app's process tree", () => {
  it("SIGTERM stops every process of the tree, frees the port, stops the engine and exits 143", async () => {
    const { host, exit, port, pids, marker, graceful } = await startServe("graceful");
    expect(running(pids.server)).toBe(true);
    host.kill("SIGTERM");
    expect(await exit).toEqual({ code: 143, signal: null });
    expect(running(pids.wrapper)).toBe(false);
    expect(running(pids.server)).toBe(false);
    expect(graceful()).toBe(true);
    expect(await listening(port)).toBe(false);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it("Ctrl-C (SIGINT) exits 130 with nothing left behind", async () => {
    const { host, exit, port, pids, graceful } = await startServe("graceful");
    host.kill("SIGINT");
    expect(await exit).toEqual({ code: 130, signal: null });
    expect(running(pids.server)).toBe(false);
    expect(graceful()).toBe(true);
    expect(await listening(port)).toBe(false);
  });

  it("one Ctrl-C that arrives twice (from the terminal and forwarded by npm) still lets the app shut down gracefully", async () => {
    const { host, exit, pids, graceful } = await startServe("graceful");
    host.kill("SIGINT");
    await sleep(100);
    host.kill("SIGINT");
    expect(await exit).toEqual({ code: 130, signal: null });
    expect(running(pids.server)).toBe(false);
    expect(graceful()).toBe(true);
  });

  it("a second Ctrl-C a while later kills the app at once", async () => {
    const { host, exit, port, pids } = await startServe("stubborn", { graceMs: 20_000 });
    const t0 = Date.now();
    host.kill("SIGINT");
    await sleep(1500);
    host.kill("SIGINT");
    expect(await exit).toEqual({ code: 130, signal: null });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(running(pids.server)).toBe(false);
    expect(await listening(port)).toBe(false);
  });

  it("a server that ignores SIGTERM is killed after the grace period", async () => {
    const { host, exit, port, pids, marker } = await startServe("stubborn", { graceMs: 800 });
    const t0 = Date.now();
    host.kill("SIGTERM");
    expect(await exit).toEqual({ code: 143, signal: null });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(700);
    expect(running(pids.server)).toBe(false);
    expect(await listening(port)).toBe(false);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it("with the search engine it started: the app goes first, then the engine, then serve exits", async () => {
    // The engine's own signal hook must not end the process before the app's tree is down.
    const { host, exit, port, pids, marker, enginePid } = await startServe("stubborn", { graceMs: 1500, engine: true });
    expect(running(enginePid!)).toBe(true);
    host.kill("SIGTERM");
    expect(await exit).toEqual({ code: 143, signal: null });
    expect(running(pids.server)).toBe(false);
    expect(await listening(port)).toBe(false);
    expect(running(enginePid!)).toBe(false);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it("npm run serve: SIGTERM to npm reaches serve (the script execs node), which stops the tree gracefully", async () => {
    // The real "serve" script line, run by npm in a scratch package where it starts the stand-in instead of scripts/serve.ts.
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-npm-serve-"));
    dirs.push(dir);
    const port = await freePort();
    const pidFile = path.join(dir, "pids.json");
    const host = [path.resolve("tests/serve-helpers/supervise.ts"), port, pidFile, "graceful", 5000, path.join(dir, "engine-stopped")].join(" ");
    expect(pkg.scripts.serve).toContain("scripts/serve.ts");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "serve-stand-in", private: true, scripts: { serve: pkg.scripts.serve!.replace("scripts/serve.ts", host) } }));
    fs.symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
    const npm = spawn("npm", ["run", "--silent", "serve"], { cwd: dir, stdio: ["ignore", "inherit", "inherit"] });
    started.push(npm.pid!);
    const exit = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
    for (let i = 0; i < 600 && !(await listening(port)); i++) await sleep(50);
    expect(await listening(port)).toBe(true);
    const pids = JSON.parse(fs.readFileSync(pidFile, "utf8")) as { wrapper: number; server: number };
    started.push(pids.wrapper, pids.server);

    npm.kill("SIGTERM");
    expect(await exit).toBe(143);
    // npm exits once serve has: by then the app is down, gracefully.
    expect(running(pids.server)).toBe(false);
    expect(fs.existsSync(`${pidFile}.graceful`)).toBe(true);
    expect(await listening(port)).toBe(false);
  });

  it("when the app exits by itself, what it left behind is stopped and its exit code is passed on", async () => {
    const { exit, port, pids, marker } = await startServe("crash");
    expect(await exit).toEqual({ code: 3, signal: null });
    expect(running(pids.server)).toBe(false);
    expect(await listening(port)).toBe(false);
    expect(fs.existsSync(marker)).toBe(true);
  });
});
