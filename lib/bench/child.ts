import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/*
 * A command run as a child process and watched from outside (Linux /proc): its peak resident memory and its CPU
 * time, whatever threads it starts. Worker threads share their process's memory, so the peak covers the main
 * thread and every worker; nothing the benchmark itself holds (the corpus generator, the floor's pages) is counted.
 */

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident set of the process (VmHWM), MB: main thread + workers. Null where /proc is not available. */
  peakRssMb: number | null;
  /** User + system CPU time of all its threads (s), as last seen before it exited (sampled every `everyMs`). */
  cpuSeconds: number | null;
  /** Load average of the machine when it started and when it ended. */
  load: { start: number[]; end: number[] };
}

const TICKS = 100; // USER_HZ on Linux

function procStat(pid: number): { hwmMb: number; cpuS: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th of them.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { hwmMb: hwm ? Number(hwm[1]) / 1024 : 0, cpuS: (Number(f[11]) + Number(f[12])) / TICKS };
  } catch {
    return null;
  }
}

/** Run `cmd args` (no shell), sampling its memory and CPU every `everyMs`; `onSample` sees each sample. */
export function runWatched(
  cmd: string,
  args: string[],
  { env, cwd, everyMs = 200, onSample }: { env?: NodeJS.ProcessEnv; cwd?: string; everyMs?: number; onSample?: (s: { seconds: number; peakRssMb: number; cpuSeconds: number }) => void } = {},
): Promise<ChildRun> {
  const load0 = os.loadavg();
  const started = performance.now();
  // stdout goes to a file: writes to a file are synchronous in Node, so a child that exits right after printing a
  // large JSON (process.exit) loses nothing, which a pipe does not guarantee.
  const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "atlas-child-")), "stdout");
  const outFd = fs.openSync(outFile, "w");
  const child = spawn(cmd, args, { env, cwd, stdio: ["ignore", outFd, "pipe"] });
  fs.closeSync(outFd);
  const err: Buffer[] = [];
  child.stderr?.on("data", (b: Buffer) => err.push(b));
  let peak: number | null = null;
  let cpu: number | null = null;
  const sample = () => {
    const s = child.pid ? procStat(child.pid) : null;
    if (!s) return;
    peak = Math.max(peak ?? 0, s.hwmMb);
    cpu = s.cpuS;
    onSample?.({ seconds: (performance.now() - started) / 1000, peakRssMb: s.hwmMb, cpuSeconds: s.cpuS });
  };
  const timer = setInterval(sample, everyMs);
  return new Promise((resolve, reject) => {
    child.on("error", (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      const stdout = fs.readFileSync(outFile, "utf8");
      fs.rmSync(path.dirname(outFile), { recursive: true, force: true });
      resolve({
        code,
        stdout,
        stderr: Buffer.concat(err).toString("utf8"),
        seconds: (performance.now() - started) / 1000,
        peakRssMb: peak === null ? null : Math.round(peak),
        cpuSeconds: cpu,
        load: { start: load0, end: os.loadavg() },
      });
    });
  });
}
