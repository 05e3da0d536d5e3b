// Plan aliases that are NOT in the hard-coded BASE_SYNONYM_GROUPS reach both engines as synonyms: one from the
// plans data file (上海大都市圈空间协同规划) and one an article teaches with 以下简称 (大都市圈总规). Pages go through
// the real pipeline into a temporary DATA_DIR; a real local Meilisearch is started for them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { getSearchEntities } from "@/db/queries/search";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { engineFor, type Engine } from "@/lib/search/engine";
import { search, syncIndex } from "@/lib/search/index";
import { ensureLocalServer, type LocalServer } from "@/lib/search/local-server";
import { parseSearchParams } from "@/lib/url-state";
import { BASE_SYNONYM_GROUPS, synonymGroups } from "@/lib/search/settings";
import type { SearchResponse } from "@/lib/search/types";

const PLAN = "上海大都市圈国土空间总体规划";
const DATA_ALIAS = "上海大都市圈空间协同规划"; // lib/extract/data/plans.json
const TAUGHT_ALIAS = "大都市圈总规"; // (以下简称“大都市圈总规”) in alias.txt

let dir: string;
let db: Db;
let server: LocalServer;
let engine: Engine;
const ids: Record<string, string> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-alias-"));
  db = openDb(path.join(dir, "atlas.db"));
  const pages = path.join(dir, "pages");
  fs.mkdirSync(pages);
  // Names the plan in full and teaches a short form of it.
  fs.writeFileSync(
    path.join(pages, "alias.txt"),
    [
      "上海大都市圈规划实施推进会召开",
      "2024年5月10日，上海大都市圈规划实施推进会在苏州召开。会议指出，《上海大都市圈国土空间总体规划》(以下简称“大都市圈总规”)是全国首个跨省域的国土空间规划。",
      "会议要求，各城市要对照大都市圈总规确定的目标任务，加快推进交通、生态和公共服务合作。",
    ].join("\n\n"),
  );
  // Names the plan in full in its headline only: the extractor reads the body, so this article is not tagged with
  // the plan, and neither short form is anywhere in it. Only a synonym can lead a search for a short form here.
  fs.writeFileSync(
    path.join(pages, "fullname.txt"),
    [
      "上海大都市圈国土空间总体规划获批",
      "2024年4月2日消息，经国务院同意，范围包括上海、苏州、无锡、常州、南通、宁波、湖州、嘉兴、舟山，总面积5.6万平方公里。",
      "各城市将在交通、生态、产业等方面加强合作。",
    ].join("\n\n"),
  );
  for (const name of ["alias", "fullname"]) fs.writeFileSync(path.join(pages, `${name}.json`), JSON.stringify({ url: `https://example.org/${name}`, site: "测试网" }));
  const summary = ingestPaths({ db, paths: ["content", pages] });
  expect(summary.counts).toMatchObject({ new: 7, failed: 0 });
  for (const f of summary.files) ids[path.basename(f.path, ".txt")] = f.id!;
  server = await ensureLocalServer({ dataDir: dir });
  engine = engineFor({ url: server.url, apiKey: server.apiKey, indexName: "alias_articles", local: server });
  expect((await syncIndex({ db, engine })).engine).toBe("meilisearch");
});

afterAll(async () => {
  await server?.stop();
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const find = async (q: string, on: Engine | null): Promise<SearchResponse> => {
  const r = await search(parseSearchParams(new URLSearchParams({ q })), { db, engine: on });
  expect(r.engine).toBe(on ? "meilisearch" : "sqlite");
  return r;
};

describe("plan aliases outside the hard-coded synonyms", () => {
  it("are stored on the plan entity, and the headline-only article is not tagged with it", () => {
    const base = new Set(BASE_SYNONYM_GROUPS.flat());
    expect(base.has(DATA_ALIAS)).toBe(false);
    expect(base.has(TAUGHT_ALIAS)).toBe(false);
    const plan = getSearchEntities({ db }).find((e) => e.kind === "plan" && e.name === PLAN);
    expect(plan?.aliases).toEqual(expect.arrayContaining([DATA_ALIAS, TAUGHT_ALIAS]));
    const tagged = db.$client.prepare("select article_id from mentions where entity_id = ?").all(plan!.id) as { article_id: string }[];
    expect(tagged.map((t) => t.article_id)).toContain(ids.alias);
    expect(tagged.map((t) => t.article_id)).not.toContain(ids.fullname);
  });

  it("synonymGroups puts each alias in one group with the plan's full name", () => {
    const groups = synonymGroups(getSearchEntities({ db }));
    for (const alias of [DATA_ALIAS, TAUGHT_ALIAS]) {
      const group = groups.find((g) => g.includes(alias));
      expect(group, alias).toBeDefined();
      expect(group).toContain(PLAN);
    }
  });

  it("the Meilisearch index holds them as synonyms of the full name", async () => {
    const synonyms = await engine.client.index(engine.indexName).getSynonyms();
    expect(synonyms[DATA_ALIAS]).toContain(PLAN);
    expect(synonyms[TAUGHT_ALIAS]).toContain(PLAN);
    expect(synonyms[PLAN]).toEqual(expect.arrayContaining([DATA_ALIAS, TAUGHT_ALIAS]));
  });

  for (const [label, on] of [
    ["Meilisearch", () => engine],
    ["the SQLite fallback", () => null],
  ] as const) {
    it(`${label}: a search for either alias finds the article that only uses the full name, highlighted as a match`, async () => {
      for (const alias of [DATA_ALIAS, TAUGHT_ALIAS]) {
        const r = await find(alias, on());
        const hit = r.hits.find((h) => h.id === ids.fullname);
        expect(hit, `${alias} → fullname.txt`).toBeDefined();
        expect(hit?.titleHtml).toContain(`<mark>${PLAN}</mark>`);
        expect(r.hits.map((h) => h.id)).toContain(ids.alias);
      }
    });
  }
});
