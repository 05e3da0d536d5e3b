// Integration: a real Meilisearch started from the bundled binary in a temp DATA_DIR, never a mock.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { engineFor, type Engine } from "@/lib/search/engine";
import { search, syncIndex } from "@/lib/search/index";
import { ensureLocalServer, isPidAlive, type LocalServer } from "@/lib/search/local-server";
import { parseSearchParams } from "@/lib/url-state";
import type { SearchResponse } from "@/lib/search/types";
import { ARTICLES, deleteArticle, insertArticle, loadFixture, updateArticleTitle } from "./search-helpers/fixture";

let dir: string;
let db: Db;
let server: LocalServer;
let engine: Engine;

const q = (query: string) => parseSearchParams(new URLSearchParams(query));
const ids = (r: SearchResponse) => r.hits.map((h) => h.id).sort();
/** A search that Meilisearch must answer: a silent fallback to SQLite would otherwise pass most checks here. */
const meili = async (query: string) => {
  const r = await search(q(query), { db, engine });
  expect(r.engine, `“${query}” answered by`).toBe("meilisearch");
  expect(r.notice).toBeNull();
  return r;
};
/** A search with the engine given but stopped: SQLite answers, with its notice. */
const sqlite = async (query: string) => {
  const r = await search(q(query), { db, engine });
  expect(r.engine, `“${query}” answered by`).toBe("sqlite");
  expect(r.notice).toBeTruthy();
  return r;
};
const count = (r: SearchResponse, facet: keyof SearchResponse["facets"], value: string) => r.facets[facet].find((v) => v.value === value)?.count;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-search-"));
  db = openDb(path.join(dir, "atlas.db"));
  loadFixture(db);
  server = await ensureLocalServer({ dataDir: dir });
  engine = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "test_articles", local: server });
  const first = await syncIndex({ db, engine });
  expect(first.sent).toBe(ARTICLES.length - 1);
});

afterAll(async () => {
  await server?.stop();
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("local engine", () => {
  it("keeps its key private and records the running server", () => {
    expect(server.startedHere).toBe(true);
    expect(fs.statSync(path.join(dir, "meili/master.key")).mode & 0o777).toBe(0o600);
    const info = JSON.parse(fs.readFileSync(path.join(dir, "meili/server.json"), "utf8")) as { pid: number };
    expect(info.pid).toBe(server.pid);
  });

  it("is reused by a second process, which leaves it running when it exits", async () => {
    const { execFileSync } = await import("node:child_process");
    const out = execFileSync("npx", ["tsx", "tests/search-helpers/ensure-engine.ts", dir, "0"], { encoding: "utf8" });
    const child = JSON.parse(out.trim().split("\n").pop() ?? "{}") as { pid: number; startedHere: boolean };
    expect(child).toMatchObject({ pid: server.pid, startedHere: false });
    expect(isPidAlive(server.pid)).toBe(true);
  });
});

describe("finding what people mean", () => {
  it("finds short words inside longer ones", async () => {
    expect(ids(await meili("q=都市"))).toEqual(["a1"]);
    // 城际 is also a keyword of the 交通与基础设施 topic: an article tagged with it matches too, below the literal hit.
    const intercity = await meili("q=城际");
    expect(intercity.hits[0]?.id).toBe("a1");
    expect(ids(intercity).filter((id) => id !== "a1").every((id) => intercity.hits.find((h) => h.id === id)?.topics.includes("交通与基础设施"))).toBe(true);
    expect(ids(await meili("q=示范"))).toEqual(["a2", "a5"]);
  });

  it("normalizes traditional characters in the query", async () => {
    const r = await meili("q=長三角");
    expect(ids(r)).toEqual(["a2", "a5", "a6"]);
  });

  it("resolves synonyms and abbreviations", async () => {
    expect(ids(await meili("q=浙大"))).toEqual(["a4"]);
    // a5 only says 长江三角洲; a2 and a6 only say 长三角.
    expect(ids(await meili("q=长江三角洲"))).toEqual(["a2", "a5", "a6"]);
    // Plan alias from entities.aliases: a5 names the plan in full, a2 by its alias.
    expect(ids(await meili("q=示范区总规"))).toContain("a2");
  });

  it("does not confuse words that sound alike (景点 vs 经典)", async () => {
    expect(ids(await meili("q=景点"))).toEqual(["a3"]);
    expect(ids(await meili("q=经典"))).toEqual(["a4"]);
  });

  it("escapes markup and highlights matches", async () => {
    const r = await meili("q=网信");
    const hit = r.hits[0];
    expect(hit?.id).toBe("a6");
    expect(hit?.snippet).toContain("&#60;script&#62;");
    expect(hit?.snippet).not.toMatch(/<script/);
    expect(hit?.snippet).toContain("<mark>网信</mark>");
    expect(hit?.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("folds duplicates into their twin", async () => {
    const r = await meili("q=大都市区");
    expect(ids(r)).toEqual(["a1"]);
  });
});

describe("facets", () => {
  it("counts region values with their ancestors, depth and parent", async () => {
    const r = await meili("");
    expect(r.total).toBe(6);
    expect(count(r, "region", "region:33")).toBe(3);
    expect(count(r, "region", "region:3304")).toBe(2);
    const jiashan = r.facets.region.find((v) => v.value === "region:330421");
    expect(jiashan).toMatchObject({ label: "嘉善", depth: 2, parent: "region:3304", count: 1, selected: false });
    expect(count(r, "topic", "交通与基础设施")).toBe(2);
    expect(count(r, "year", "2024")).toBe(2);
    expect(count(r, "site", "嘉兴日报")).toBe(2);
    expect(r.facets.plan.find((v) => v.value === "plan:shifanqu-zonggui")?.label).toContain("示范区");
  });

  it("ORs values within a facet and ANDs across facets", async () => {
    const or = await meili("topic=公共服务与民生&topic=生态环境");
    expect(ids(or)).toEqual(["a2", "a3", "a4"]);
    // The selected facet keeps counting its other values (multi-select).
    expect(count(or, "topic", "交通与基础设施")).toBe(2);
    expect(or.facets.topic.find((v) => v.value === "公共服务与民生")?.selected).toBe(true);
    const and = await meili("topic=公共服务与民生&topic=生态环境&region=region:3304");
    expect(ids(and)).toEqual(["a2", "a3"]);
    expect(count(and, "region", "region:3301")).toBe(1);
  });

  it("searches within a facet's values and sorts by date", async () => {
    const r = await meili("regionQuery=嘉");
    expect(r.facets.region.map((v) => v.label).sort()).toEqual(["嘉兴", "嘉善"]);
    const newest = await meili("sort=newest");
    expect(newest.hits.map((h) => h.id)).toEqual(["a1", "a6", "a2", "a3", "a4", "a5"]);
    const oldest = await meili("sort=oldest");
    expect(oldest.hits.map((h) => h.id)).toEqual(["a4", "a3", "a2", "a6", "a1", "a5"]);
  });
});

describe("sync", () => {
  it("re-sends only what changed and removes what was deleted", async () => {
    const again = await syncIndex({ db, engine });
    expect(again).toMatchObject({ sent: 0, deleted: 0, unchanged: 6, settingsUpdated: false });
    updateArticleTitle(db, "a3", "嘉兴文旅新地标揭晓");
    deleteArticle(db, "a4");
    const changed = await syncIndex({ db, engine });
    expect(changed).toMatchObject({ sent: 1, deleted: 1, unchanged: 4 });
    expect((await meili("q=揭晓")).hits.map((h) => h.id)).toEqual(["a3"]);
    expect((await meili("q=经典")).total).toBe(0);
    const off = await search(q("q=经典"), { db, engine: null });
    expect(off).toMatchObject({ engine: "sqlite", total: 0 });
    insertArticle(db, ARTICLES.find((a) => a.id === "a4")!);
    expect(await syncIndex({ db, engine })).toMatchObject({ sent: 1, deleted: 0 });
  });

  it("rebuilds under a temporary name and swaps it in", async () => {
    await engine.client.createIndex("test_articles_rebuild_crashed").waitTask({ timeout: 120_000 });
    const rebuilding = syncIndex({ db, engine, rebuild: true });
    // Searches keep answering from the old index while the new one fills.
    const during = await meili("q=都市");
    const r = await rebuilding;
    expect(during.engine).toBe("meilisearch");
    expect(ids(during)).toEqual(["a1"]);
    expect(r).toMatchObject({ rebuild: true, sent: 6 });
    const { results } = await engine.client.getIndexes({ limit: 100 });
    expect(results.map((i) => i.uid)).toEqual(["test_articles"]);
    expect(ids(await meili("q=都市"))).toEqual(["a1"]);
  });
});

describe("fallback", () => {
  it("answers from SQLite with the same shape once the engine is stopped", async () => {
    const live = await meili("q=长三角&topic=生态环境&topic=政务服务");
    await server.stop();
    expect(isPidAlive(server.pid)).toBe(false);
    expect(fs.existsSync(path.join(dir, "meili/server.json"))).toBe(false);
    const r = await sqlite("q=长三角&topic=生态环境&topic=政务服务");
    expect(r.engine).toBe("sqlite");
    expect(r.notice).toBeTruthy();
    expect(ids(r)).toEqual(ids(live));
    expect(r.facets.topic).toEqual(live.facets.topic);
    expect(ids(await sqlite("q=都市"))).toEqual(["a1"]);
    expect(ids(await sqlite("q=長三角"))).toEqual(["a2", "a5", "a6"]);
    expect(ids(await sqlite("q=浙大"))).toEqual(["a4"]);
    expect(ids(await sqlite("q=景点"))).toEqual(["a3"]);
    const esc = await sqlite('q=" OR script*');
    expect(esc.engine).toBe("sqlite");
    const snip = (await sqlite("q=网信")).hits[0]?.snippet ?? "";
    expect(snip).toContain("&#60;script&#62;");
    expect(snip).toContain("<mark>网信</mark>");
  });
});
