// Pages composed by a test, through the real pipeline into a temporary DATA_DIR and a real local Meilisearch:
// both engines (the tuned index and the SQLite fallback) answer over them.
import fs from "node:fs";
import { afterAll, beforeAll, expect } from "vitest";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "@/db/client";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { engineFor, type Engine } from "@/lib/search/engine";
import { search, syncIndex } from "@/lib/search/index";
import { parseSearchParams } from "@/lib/url-state";
import { ensureLocalServer, type LocalServer } from "@/lib/search/local-server";

export interface PagesCorpus {
  db: Db;
  engine: Engine;
  /** Page name → article id. */
  ids: Record<string, string>;
  /** What ingestPaths counted (new, failed …). */
  counts: Record<string, number>;
  indexedBy: string | null;
  /** The ids of a search's first page on one engine (`sqlite`: the fallback), checking that engine answered. */
  find(q: string, engine: "meilisearch" | "sqlite"): Promise<string[]>;
  close(): Promise<void>;
}

/** `pages`: name → paragraphs (the first is the title). Each page gets a sidecar with its URL and a site. */
export async function indexPages(pages: Record<string, string[]>, prefix: string): Promise<PagesCorpus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `atlas-${prefix}-`));
  const db = openDb(path.join(dir, "atlas.db"));
  let server: LocalServer | undefined;
  const close = async () => {
    await server?.stop();
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const folder = path.join(dir, "pages");
    fs.mkdirSync(folder);
    for (const [name, paras] of Object.entries(pages)) {
      fs.writeFileSync(path.join(folder, `${name}.txt`), paras.join("\n\n"));
      fs.writeFileSync(path.join(folder, `${name}.json`), JSON.stringify({ url: `https://example.org/${name}`, site: "测试网" }));
    }
    const summary = ingestPaths({ db, paths: [folder] });
    const ids: Record<string, string> = {};
    for (const f of summary.files) ids[path.basename(f.path, ".txt")] = f.id!;
    server = await ensureLocalServer({ dataDir: dir });
    const engine = engineFor({ url: server.url, apiKey: server.apiKey, indexName: `${prefix}_articles`, local: server });
    const indexedBy = (await syncIndex({ db, engine })).engine;
    const find = async (q: string, name: "meilisearch" | "sqlite") => {
      const r = await search(parseSearchParams(new URLSearchParams({ q })), { db, engine: name === "meilisearch" ? engine : null });
      if (r.engine !== name) throw new Error(`${q}: answered by ${r.engine}, not ${name}`);
      return r.hits.map((h) => h.id);
    };
    return { db, engine, ids, counts: summary.counts as unknown as Record<string, number>, indexedBy, find, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export const ENGINES = ["meilisearch", "sqlite"] as const;

/**
 * The pages indexed once for a test file (its beforeAll and afterAll), through the real pipeline and a real local
 * Meilisearch: `ids` is filled before the tests run, `find` searches one engine, `db` is the corpus's database.
 */
export function usePagesCorpus(pages: Record<string, string[]>, prefix: string) {
  let corpus: PagesCorpus | undefined;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    corpus = await indexPages(pages, prefix);
    Object.assign(ids, corpus.ids);
    expect(corpus.counts).toMatchObject({ new: Object.keys(pages).length, failed: 0 });
    expect(corpus.indexedBy).toBe("meilisearch");
  }, 180_000);
  afterAll(async () => {
    await corpus?.close();
  });
  const open = () => {
    if (!corpus) throw new Error(`${prefix}: the pages are not indexed yet`);
    return corpus;
  };
  return { ids, find: (q: string, engine: (typeof ENGINES)[number]) => open().find(q, engine), db: () => open().db };
}
