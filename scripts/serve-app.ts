/**
 * The web app as one process tree. `next start` runs in a process group of its own, so stopping it stops
 * everything it started (next-server, a search engine it spawned) and frees the port, however the tree is
 * shaped. scripts/serve.ts uses it; tests/serve-app.test.ts runs it on a stand-in tree.
 */
import { spawn, type StdioOptions } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import type { Config } from "@/lib/config";

/** Next's own bin, run with this node: no npx or npm wrapper between us and the server. */
export function nextBin(): string {
  return createRequire(import.meta.url).resolve("next/dist/bin/next");
}

/** `node <next> start -H HOST -p PORT`: the app listens on HOST only (127.0.0.1 unless configured). */
export function nextStartCommand(cfg: Pick<Config, "HOST" | "PORT">): { command: string; args: string[] } {
  return { command: process.execPath, args: [nextBin(), "start", "-H", cfg.HOST, "-p", String(cfg.PORT)] };
}

/** The address to open in a browser: a wildcard host is reached as localhost, an IPv6 one in brackets. */
export function appUrl(cfg: Pick<Config, "HOST" | "PORT">): string {
  const host = cfg.HOST === "0.0.0.0" || cfg.HOST === "::" ? "localhost" : cfg.HOST.includes(":") ? `[${cfg.HOST}]` : cfg.HOST;
  return `http://${host}:${cfg.PORT}`;
}

/** Live (not zombie) processes of group `pgid`, from /proc; null where there is no /proc. */
function groupMembers(pgid: number): number[] | null {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return null;
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so read after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z") members.push(Number(entry));
  }
  return members;
}

/** True while any process of group `pgid` runs (a zombie waiting to be reaped does not count). */
export function isGroupAlive(pgid: number): boolean {
  const members = groupMembers(pgid);
  if (members) return members.length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const signalExitCode = (signal: NodeJS.Signals) => 128 + (os.constants.signals[signal] ?? 0);

export interface ProcessTree {
  /** Pid of the first process, which is also the id of the group. */
  pid: number;
  /** The first process's exit code (128 + the signal number when a signal ended it). */
  exited: Promise<number>;
  /** Send a signal to every process of the tree. */
  signal(signal: NodeJS.Signals): void;
  /** `signal` (SIGTERM) to the whole tree, SIGKILL to what is left after `graceMs`; resolves once no process of it runs. */
  stop(opts?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<"stopped" | "killed">;
}

/** Start `command` as the leader of a new process group. */
export function spawnTree(command: string, args: string[], opts: { env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {}): ProcessTree {
  const child = spawn(command, args, { env: opts.env ?? process.env, stdio: opts.stdio ?? ["ignore", "inherit", "inherit"], detached: true });
  const exited = new Promise<number>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? (signal ? signalExitCode(signal) : 1)));
    child.once("error", (e) => {
      console.error(`could not start ${command}: ${e.message}`);
      resolve(127);
    });
  });
  const pid = child.pid ?? -1;
  const signal = (sig: NodeJS.Signals) => {
    if (pid <= 0) return;
    try {
      process.kill(-pid, sig);
    } catch {
      // the group is gone
    }
  };
  return {
    pid,
    exited,
    signal,
    async stop({ signal: sig = "SIGTERM", graceMs = 10_000 } = {}) {
      if (pid <= 0) return "stopped";
      signal(sig);
      const deadline = Date.now() + graceMs;
      while (isGroupAlive(pid)) {
        if (Date.now() >= deadline) {
          signal("SIGKILL");
          while (isGroupAlive(pid)) await sleep(50);
          return "killed";
        }
        await sleep(50);
      }
      return "stopped";
    },
  };
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
/** A stop signal within this long of the first is the same request delivered twice. */
const REPEAT_MS = 1000;

/**
 * Run until the tree ends or this process is asked to stop. SIGINT, SIGTERM and SIGHUP are passed to the
 * whole tree, with SIGKILL after `graceMs` or on a second signal (a second or more after the first);
 * whatever the tree leaves behind when its first process exits is stopped too. Then `onStopped` runs (stop
 * the search engine) and the exit code is returned: 128 + the signal number when stopped by a signal, else
 * the app's own code.
 */
export async function superviseTree(
  tree: ProcessTree,
  opts: { graceMs?: number; onStopped?: () => Promise<void> | void; log?: (msg: string) => void } = {},
): Promise<number> {
  const log = opts.log ?? (() => {});
  // Set by a signal handler (so declared without narrowing to null).
  let stopping = null as { signal: NodeJS.Signals; at: number; done: Promise<"stopped" | "killed"> } | null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      // One Ctrl-C reaches us twice under npm (from the terminal, and forwarded by npm): only a later one means "now".
      if (Date.now() - stopping.at < REPEAT_MS) return;
      log(`${signal} again: killing the app`);
      tree.signal("SIGKILL");
      return;
    }
    log(`${signal}: stopping the app …`);
    stopping = { signal, at: Date.now(), done: tree.stop({ signal, graceMs: opts.graceMs }) };
  };
  for (const s of STOP_SIGNALS) process.on(s, onSignal);
  try {
    const code = await tree.exited;
    // Without a signal the app ended by itself, and may have left children behind.
    const how = await (stopping?.done ?? tree.stop({ graceMs: opts.graceMs }));
    if (how === "killed") log(`the app did not stop within ${opts.graceMs ?? 10_000} ms: killed`);
    await opts.onStopped?.();
    return stopping ? signalExitCode(stopping.signal) : code;
  } finally {
    for (const s of STOP_SIGNALS) process.off(s, onSignal);
  }
}
