// Issue 14: the engine killed in the middle of a sync (documents in flight) → the next sync converges: the index holds
// exactly the database's articles. The engine is a real local Meilisearch; the kill happens at its first task poll.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { requireCorpus } from "@/lib/eval/corpora";
import { engineFor } from "@/lib/search/engine";
import { syncIndex } from "@/lib/search/index";
import { ensureLocalServer, isPidAlive, killServer, type LocalServer } from "@/lib/search/local-server";
import { dyingEngineProxy } from "./search-helpers/fake-engine";

const INDEX = "faults_articles";
let dir: string;
let db: Db;
let server: LocalServer;
const cleanups: (() => Promise<void> | void)[] = [];
const articleCount = () => (db.$client.prepare("select count(*) as n from articles").get() as { n: number }).n;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-sync-faults-"));
  db = openDb(path.join(dir, "atlas.db"));
  ingestPaths({ db, paths: ["content"] });
  server = await ensureLocalServer({ dataDir: dir });
  await syncIndex({ db, engine: engineFor({ url: server.url, apiKey: server.apiKey, indexName: INDEX, local: server }) });
}, 120_000);
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await server?.stop();
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("an engine killed in the middle of a sync", () => {
  it("fails that sync, and the next sync (engine restarted) leaves the index equal to the database", async () => {
    // New articles to send: the sync below is in the middle of sending them when the engine dies.
    ingestPaths({ db, paths: [requireCorpus("yrd-dev")] });
    const victim = server;
    const proxy = await dyingEngineProxy(victim.port, () => killServer(victim.pid, 100));
    cleanups.push(proxy.close);
    const dying = engineFor({ url: proxy.url, apiKey: victim.apiKey, searchKey: victim.searchKey, indexName: INDEX });
    await expect(syncIndex({ db, engine: dying })).rejects.toThrow();
    expect(proxy.fired(), "the engine was killed during the sync").toBe(true);
    // Gone (its exit may take a moment to be reaped on a loaded machine).
    for (let i = 0; i < 100 && isPidAlive(victim.pid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(isPidAlive(victim.pid)).toBe(false);

    server = await ensureLocalServer({ dataDir: dir });
    const engine = engineFor({ url: server.url, apiKey: server.apiKey, indexName: INDEX, local: server });
    const r = await syncIndex({ db, engine });
    expect(r.engine).toBe("meilisearch");
    const stats = await engine.client.index(INDEX).getStats();
    expect(stats.numberOfDocuments).toBe(r.articles);
    expect(r.articles).toBe(articleCount());
    // And a further sync has nothing left to do.
    expect(await syncIndex({ db, engine })).toMatchObject({ sent: 0, deleted: 0 });
  }, 180_000);
});
