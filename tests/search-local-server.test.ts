// The local engine's lifecycle with the real bundled binary: stale files, concurrent starts, checksum.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ensureLocalServer, isHealthy, isPidAlive, resolveMeiliBinary } from "@/lib/search/local-server";

const run = promisify(execFile);
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-meili-"));
  dirs.push(d);
  return d;
};

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("local Meilisearch lifecycle", () => {
  it("replaces a stale server.json left by a crash", async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "meili"), { recursive: true });
    // A pid that is certainly dead: a child that has already exited.
    const dead = spawn(process.execPath, ["-e", ""]);
    const deadPid = dead.pid ?? 0;
    await new Promise((r) => dead.once("exit", r));
    fs.writeFileSync(path.join(dir, "meili/server.json"), JSON.stringify({ pid: deadPid, port: 1, binary: "x", startedAt: "" }));
    const server = await ensureLocalServer({ dataDir: dir });
    try {
      expect(server.startedHere).toBe(true);
      expect(server.pid).not.toBe(deadPid);
      const info = JSON.parse(fs.readFileSync(path.join(dir, "meili/server.json"), "utf8")) as { pid: number };
      expect(info.pid).toBe(server.pid);
      expect(await isHealthy(server.url)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(isPidAlive(server.pid)).toBe(false);
    expect(fs.existsSync(path.join(dir, "meili/server.json"))).toBe(false);
  });

  it("starts one engine when two processes start at the same time, and the starter stops it on exit", async () => {
    const dir = tmp();
    const child = () => run("npx", ["tsx", "tests/search-helpers/ensure-engine.ts", dir, "3000"], { encoding: "utf8" });
    const [a, b] = await Promise.all([child(), child()]);
    const ra = JSON.parse(a.stdout.trim().split("\n").pop() ?? "{}") as { pid: number; startedHere: boolean };
    const rb = JSON.parse(b.stdout.trim().split("\n").pop() ?? "{}") as { pid: number; startedHere: boolean };
    expect(ra.pid).toBe(rb.pid);
    expect([ra.startedHere, rb.startedHere].sort()).toEqual([false, true]);
    // Both children have exited: the one that started the engine stopped it.
    for (let i = 0; i < 50 && isPidAlive(ra.pid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(isPidAlive(ra.pid)).toBe(false);
    expect(fs.existsSync(path.join(dir, "meili/server.json"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "meili/start.lock"))).toBe(false);
    expect(fs.readFileSync(path.join(dir, "meili/meili.log"), "utf8")).toMatch(/Meilisearch|Server listening|actix/i);
  });

  it("sets aside data written by an incompatible Meilisearch version and starts empty", async () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, "meili/data.ms"), { recursive: true });
    fs.writeFileSync(path.join(dir, "meili/data.ms/VERSION"), "0.30.0");
    const server = await ensureLocalServer({ dataDir: dir });
    try {
      expect(await isHealthy(server.url)).toBe(true);
      expect(fs.readdirSync(path.join(dir, "meili")).some((f) => f.startsWith("data.ms.incompatible-"))).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it("refuses a bundled binary whose checksum does not match", () => {
    const dir = tmp();
    const fake = path.join(dir, "meilisearch");
    fs.writeFileSync(fake, "#!/bin/sh\necho pwned\n", { mode: 0o755 });
    const savedPath = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      expect(() => resolveMeiliBinary({ bundledPath: fake })).toThrow(/sha256 .* does not match/);
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it("reports the log tail when the engine cannot start", async () => {
    const dir = tmp();
    const bad = path.join(dir, "bad-meili");
    fs.writeFileSync(bad, "#!/bin/sh\necho 'error: cannot open database' >&2\nexit 3\n", { mode: 0o755 });
    await expect(ensureLocalServer({ dataDir: dir, bin: bad, timeoutMs: 5000 })).rejects.toThrow(/exited with code 3[\s\S]*cannot open database/);
    expect(fs.existsSync(path.join(dir, "meili/server.json"))).toBe(false);
  });
});
