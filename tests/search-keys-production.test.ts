// The local engine runs in production mode, queries carry a search-only key, and the master key stays in the indexing code.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureLocalServer, processArgv, type LocalServer } from "@/lib/search/local-server";

let dir: string;
let server: LocalServer;
const logs: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-keys-"));
  server = await ensureLocalServer({ dataDir: dir, log: (m) => logs.push(m) });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (route: string, key: string, init: RequestInit = {}) =>
  fetch(`${server.url}${route}`, { ...init, headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", ...init.headers } });

describe("the local engine and its keys", () => {
  it("runs with --env production and a master key of at least 16 bytes, and serves no dashboard", async () => {
    const argv = processArgv(server.pid)!;
    expect(argv[argv.indexOf("--env") + 1]).toBe("production");
    expect(argv.join(" ")).not.toContain(server.apiKey);
    expect(Buffer.byteLength(server.apiKey)).toBeGreaterThanOrEqual(16);
    const home = await fetch(`${server.url}/`);
    expect(home.headers.get("content-type") ?? "").not.toContain("text/html");
    // Production mode: nothing answers without a key.
    expect((await fetch(`${server.url}/indexes`)).status).toBe(401);
  });

  it("gives queries a key that can search and nothing else", async () => {
    expect(server.searchKey).not.toBe(server.apiKey);
    await call("/indexes", server.apiKey, { method: "POST", body: JSON.stringify({ uid: "probe", primaryKey: "id" }) });
    for (let i = 0; i < 50 && (await call("/indexes/probe", server.apiKey)).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await call("/indexes/probe/search", server.searchKey, { method: "POST", body: "{}" })).status).toBe(200);
    for (const [route, method] of [
      ["/indexes/probe/documents", "POST"],
      ["/indexes/probe/settings", "PATCH"],
      ["/keys", "GET"],
      ["/indexes", "GET"],
      ["/tasks", "GET"],
      ["/indexes/probe", "DELETE"],
    ] as const) {
      const res = await call(route, server.searchKey, { method, ...(method === "GET" || method === "DELETE" ? {} : { body: "[]" }) });
      expect(res.status, `${method} ${route} with the search key`).toBe(403);
    }
  });

  it("never writes the master key to its log lines or to the engine's log file", () => {
    expect(logs.join("\n")).not.toContain(server.apiKey);
    const logFile = path.join(dir, "meili", "meili.log");
    if (fs.existsSync(logFile)) expect(fs.readFileSync(logFile, "utf8")).not.toContain(server.apiKey);
    expect(fs.readFileSync(path.join(dir, "meili", "server.json"), "utf8")).not.toContain(server.apiKey);
    expect(fs.statSync(path.join(dir, "meili", "master.key")).mode & 0o777).toBe(0o600);
  });
});
