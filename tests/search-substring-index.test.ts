// The search fallback's substring path through the trigram index (migration 0012) instead of reading every stored
// document: the same documents as the LIKE scan it replaced, for strings of every length (one and two characters go
// through the index's vocabulary), and the index follows search_docs on insert, update and delete.
// Real pages (content/ + ../shared/corpus/yrd-dev) ingested and synced into a temporary database; no Meilisearch.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { deleteFallbackDocsByIds, substringMatches, upsertFallbackDocs, type FallbackDoc } from "@/db/queries/search";
import { requireCorpus } from "@/lib/eval/corpora";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { search, syncIndex } from "@/lib/search/index";
import { DERIVED_ATTRIBUTES } from "@/lib/search/settings";
import { parseSearchParams } from "@/lib/url-state";

let dir: string;
let db: Db;
let docs: { article_id: string; doc: string }[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-substring-"));
  db = openDb(path.join(dir, "atlas.db"));
  ingestPaths({ db, paths: ["content", requireCorpus("yrd-dev")] });
  await syncIndex({ db, engine: null });
  docs = db.all<{ article_id: string; doc: string }>(sql`select article_id, doc from search_docs order by article_id`);
  expect(docs.length).toBeGreaterThan(40);
});

afterAll(() => {
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const both = (strings: string[]) => ({
  index: substringMatches({ db, strings }),
  scan: substringMatches({ db, strings, path: "scan" }),
});

/** A deterministic spread of substrings of the stored documents: every length from 1 to 6, at many offsets. */
function sampleSubstrings(): string[] {
  const out: string[] = [];
  docs.forEach((d, i) => {
    const chars = [...d.doc];
    for (let len = 1; len <= 6; len++) {
      const at = (i * 7919 + len * 104729) % Math.max(1, chars.length - len);
      out.push(chars.slice(at, at + len).join(""));
    }
  });
  return out;
}

describe("substring path: the index finds what the scan finds", () => {
  it("substrings of the documents, 1 to 6 characters", () => {
    const strings = sampleSubstrings();
    let partial = 0;
    for (const s of strings) {
      const { index, scan } = both([s]);
      expect(index, JSON.stringify(s)).toEqual(scan);
      expect(scan.length).toBeGreaterThan(0);
      if (scan.length < docs.length) partial++;
    }
    // Not a vacuous check: many strings match only some of the documents.
    expect(partial).toBeGreaterThan(strings.length / 4);
  });

  it("one and two characters (no trigram query matches them), including a document's last characters", () => {
    const cases = ["嘉", "善", "嘉善", "虹桥", "交通", "区", "G6", "g6", "6", "1}", "}", "]}"];
    for (const s of cases) {
      const { index, scan } = both([s]);
      expect(index, s).toEqual(scan);
    }
    expect(both(["嘉善"]).scan.length).toBeGreaterThan(0);
    expect(both(["1}"]).scan.length + both(["0}"]).scan.length + both(["]}"]).scan.length).toBeGreaterThan(0);
  });

  it("ASCII case folded as LIKE folds it; % _ \\ and quotes are literal", () => {
    for (const s of ["G60", "g60", "GDP", "gdp", "Http", "HTTPS", "%", "_", "a_b", "100%", '"', '":"', "\\", "'s", "zzz-not-there", "乙丙丁戊"]) {
      const { index, scan } = both([s]);
      expect(index, s).toEqual(scan);
    }
    expect(both(["HTTP"]).index).toEqual(both(["http"]).index);
  });

  it("several alternatives (a query's synonym versions) of mixed lengths", () => {
    const { index, scan } = both(["长三角", "长江三角洲", "嘉善", "示范"]);
    expect(index).toEqual(scan);
    expect(both([""]).index).toHaveLength(docs.length);
  });

  it("searches through the API answer as with the scan: a two-character query and a longer one", async () => {
    for (const q of ["嘉善", "示范区建设", "虹桥"]) {
      const r = await search(parseSearchParams(new URLSearchParams({ q, pageSize: "100" })), { db, engine: null });
      expect(r.engine).toBe("sqlite");
      expect(r.total).toBeGreaterThan(0);
      // Every document holding the text is among the matches (the substring path's contribution).
      const ids = new Set(r.hits.map((h) => h.id));
      for (const id of both([q]).scan) expect(ids.has(id), `${q} ${id}`).toBe(true);
    }
  });
});

describe("substring index in step with search_docs", () => {
  const base = (articleId: string, text: string): FallbackDoc => ({
    articleId,
    docHash: `h-${text}`,
    doc: JSON.stringify({ id: articleId, title: text, body: `正文 ${text} 结束` }),
    publishedNum: 0,
    titleTokens: text,
    namesTokens: "",
    bodyTokens: text,
    entityTokens: "",
    relatedTokens: "",
    subwordTokens: "",
    topicTokens: "",
    facets: [],
  });

  it("insert, update and delete", () => {
    const id = "zz-substring-sync";
    upsertFallbackDocs({ db, docs: [base(id, "鸺鹠鹪鹩")] });
    expect(substringMatches({ db, strings: ["鸺鹠鹪鹩"] })).toEqual([id]);
    expect(substringMatches({ db, strings: ["鹪鹩"] })).toEqual([id]);
    expect(substringMatches({ db, strings: ["鸺"] })).toEqual([id]);

    upsertFallbackDocs({ db, docs: [base(id, "鹡鸰鸊鷉")] });
    expect(substringMatches({ db, strings: ["鸺鹠鹪鹩"] })).toEqual([]);
    expect(substringMatches({ db, strings: ["鹪鹩"] })).toEqual([]);
    expect(substringMatches({ db, strings: ["鹡鸰鸊鷉"] })).toEqual([id]);
    expect(substringMatches({ db, strings: ["鷉"] })).toEqual([id]);
    // Updating another row keeps this one's entry (the update replaces by the row's own key).
    const other = docs[0]!.article_id;
    const before = substringMatches({ db, strings: ["鹡鸰"] });
    db.run(sql`update search_docs set doc = doc where article_id = ${other}`);
    expect(substringMatches({ db, strings: ["鹡鸰"] })).toEqual(before);

    deleteFallbackDocsByIds({ db, ids: [id] });
    expect(substringMatches({ db, strings: ["鹡鸰鸊鷉"] })).toEqual([]);
    expect(substringMatches({ db, strings: ["鷉"] })).toEqual([]);
  });

  it("a changed article reaches the index through the sync", async () => {
    const id = docs[1]!.article_id;
    db.run(sql`update articles set body = body || ${"\n鹈鹕鸬鹚在此"} where id = ${id}`);
    await syncIndex({ db, engine: null });
    expect(substringMatches({ db, strings: ["鹈鹕鸬鹚"] })).toEqual([id]);
    expect(substringMatches({ db, strings: ["鸬鹚"] })).toEqual(substringMatches({ db, strings: ["鸬鹚"], path: "scan" }));
    // Every document is indexed exactly once: the index and the scan agree on a string all of them hold.
    expect(substringMatches({ db, strings: ['"id":"'] })).toHaveLength(docs.length);
  });
});

describe("the stored document is the article's own text", () => {
  it("holds its title and body, and none of the fields derived from them (segmentations, word codes, entities)", () => {
    for (const { doc } of docs) {
      const fields = Object.keys(JSON.parse(doc) as object);
      expect(fields).toEqual(expect.arrayContaining(["id", "title", "body"]));
      expect(fields.filter((f) => DERIVED_ATTRIBUTES.includes(f))).toEqual([]);
    }
    // The derived fields are real fields of the search document (a renamed one would make this check vacuous).
    expect(DERIVED_ATTRIBUTES).toEqual(expect.arrayContaining(["title_seg", "body_seg", "inner_seg", "keywords", "entities_lead", "text_words"]));
  });
});
