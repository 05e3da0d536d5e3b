// Issue 16: a hung or slow search engine never hangs a search. The hung engine is a socket on 127.0.0.1 that
// accepts and never answers (the fault under test); the engine that comes back is a real local Meilisearch.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { engineFor, type Engine } from "@/lib/search/engine";
import { search, syncIndex } from "@/lib/search/index";
import { ensureLocalServer, isPidAlive, killServer, type LocalServer } from "@/lib/search/local-server";
import { parseSearchParams } from "@/lib/url-state";
import { dyingEngineProxy, hangingEngine, slowEngine } from "./search-helpers/fake-engine";
import { loadFixture } from "./search-helpers/fixture";

const QUERY_MS = 800;
/** Generous: the fallback's own time on a loaded 2-core machine. We assert outcomes, not speed. */
const MARGIN_MS = 6000;

let dir: string;
let db: Db;
let server: LocalServer;
const cleanups: (() => Promise<void> | void)[] = [];

const q = (query: string) => parseSearchParams(new URLSearchParams(query));
const ids = (hits: { id: string }[]) => hits.map((h) => h.id).sort();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-deadline-"));
  db = openDb(path.join(dir, "atlas.db"));
  loadFixture(db);
  server = await ensureLocalServer({ dataDir: dir });
  const real = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "deadline_articles", local: server });
  expect((await syncIndex({ db, engine: real })).engine).toBe("meilisearch");
});

afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await server?.stop();
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An engine at `url` with the real engine's keys and index, and a short query deadline. */
const engineAt = (url: string, timeouts: Partial<Engine["timeouts"]> = {}): Engine =>
  engineFor({ url, apiKey: server.apiKey, searchKey: server.searchKey, indexName: "deadline_articles", timeouts: { queryMs: QUERY_MS, ...timeouts } });

describe("an engine that accepts connections and never answers", () => {
  it("is answered by the SQLite fallback within the deadline, 10 searches at once too; the breaker then keeps queries off it; the real engine takes over again once it is back", async () => {
    const hung = await hangingEngine();
    cleanups.push(hung.close);
    const engine = engineAt(hung.url);
    const expected = ids((await search(q("q=都市"), { db, engine: null })).hits);
    expect(expected).toEqual(["a1"]);

    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const r = await search(q("q=都市"), { db, engine });
        return { ...r, at: Date.now() - started };
      }),
    );
    for (const r of answers) {
      expect(r.engine).toBe("sqlite");
      expect(r.notice).toBeTruthy();
      expect(ids(r.hits)).toEqual(expected);
      expect(r.at).toBeLessThan(QUERY_MS + MARGIN_MS);
    }
    // The engine was really asked (and never answered).
    expect(hung.requestLines.filter((l) => l.startsWith("POST /multi-search")).length).toBeGreaterThanOrEqual(1);
    expect(engine.breaker.isOpen).toBe(true);

    // Later queries do not wait on it: the breaker sends them straight to SQLite; only health probes reach it.
    const asked = hung.requestLines.filter((l) => l.startsWith("POST /multi-search")).length;
    for (let i = 0; i < 5; i++) {
      const r = await search(q("q=都市"), { db, engine });
      expect(r.engine).toBe("sqlite");
    }
    expect(hung.requestLines.filter((l) => l.startsWith("POST /multi-search")).length).toBe(asked);

    // A health probe that gets no answer does not close it.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await search(q("q=都市"), { db, engine })).engine).toBe("sqlite");
    await new Promise((r) => setTimeout(r, QUERY_MS + 300));
    expect(hung.requestLines.some((l) => l.startsWith("GET /health"))).toBe(true);
    expect(engine.breaker.isOpen).toBe(true);

    // The real engine is back behind the same address: a health probe succeeds and Meilisearch answers again.
    hung.forwardTo(server.port);
    let back = null;
    for (const until = Date.now() + 30_000; Date.now() < until; ) {
      const r = await search(q("q=都市"), { db, engine });
      if (r.engine === "meilisearch") {
        back = r;
        break;
      }
      await new Promise((res) => setTimeout(res, 250));
    }
    expect(back?.engine, "Meilisearch answers again once the engine is back").toBe("meilisearch");
    expect(back?.notice).toBeNull();
    expect(ids(back?.hits ?? [])).toEqual(expected);
    expect(engine.breaker.isOpen).toBe(false);
  });

  it("bounds the index sync too: settings and task requests have their own deadline", async () => {
    const hung = await hangingEngine();
    cleanups.push(hung.close);
    const t = Date.now();
    const err = await syncIndex({ db, engine: engineAt(hung.url, { requestMs: 1000 }) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(Date.now() - t).toBeLessThan(1000 + MARGIN_MS);
  });
});

describe("an engine that answers slowly", () => {
  it("is answered by the fallback within the deadline, concurrently too", async () => {
    const slow = await slowEngine(5000);
    cleanups.push(slow.close);
    const engine = engineAt(slow.url);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 10 }, () => search(q("q=景点"), { db, engine })));
    const took = Date.now() - started;
    for (const r of answers) {
      expect(r.engine).toBe("sqlite");
      expect(r.notice).toBeTruthy();
      expect(ids(r.hits)).toEqual(["a3"]);
    }
    expect(slow.requests()).toBeGreaterThanOrEqual(1);
    expect(took).toBeLessThan(QUERY_MS + MARGIN_MS);
  });
});

describe("kb index when the engine dies during the sync", () => {
  it("prints its error and exits, instead of staying alive for minutes", async () => {
    // Its own engine in its own DATA_DIR: this test kills it.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-dying-"));
    const otherDb = openDb(path.join(other, "atlas.db"));
    loadFixture(otherDb);
    otherDb.$client.close();
    const engineDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-dying-engine-"));
    const victim = await ensureLocalServer({ dataDir: engineDir });
    const proxy = await dyingEngineProxy(victim.port, () => killServer(victim.pid, 100));
    cleanups.push(proxy.close, () => victim.stop(), () => fs.rmSync(other, { recursive: true, force: true }), () => fs.rmSync(engineDir, { recursive: true, force: true }));

    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/kb.ts", "index"], {
      env: { ...process.env, DATA_DIR: other, DATABASE_PATH: "", MEILI_URL: proxy.url, MEILI_MASTER_KEY: victim.apiKey, MEILI_SEARCH_KEY: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | "still running">((resolve) => {
      const limit = setTimeout(() => resolve("still running"), 60_000);
      child.once("exit", (c) => {
        clearTimeout(limit);
        resolve(c ?? -1);
      });
    });
    if (code === "still running") child.kill("SIGKILL");
    expect(proxy.fired(), "the engine was killed during the sync").toBe(true);
    expect(isPidAlive(victim.pid)).toBe(false);
    expect(code, `kb index output:\n${stderr}`).not.toBe("still running");
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/error \(engine-/);
  }, 90_000);
});
