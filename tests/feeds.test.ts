// Atom feeds end to end: the route handlers over a real database ingested from content/ and ../shared/corpus/yrd-dev,
// parsed back with a real XML parser. Search runs on the SQLite full-text fallback (the engine address is closed), the
// path every feed takes when Meilisearch is down; the feed code does not depend on which engine answers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-feeds-"));
process.env.DATA_DIR = dir;
process.env.MEILI_URL = "http://127.0.0.1:9";
process.env.MEILI_MASTER_KEY = "closed";

const { getDb } = await import("@/db/client");
const { ingestPaths } = await import("@/lib/ingest/pipeline");
const { syncIndex } = await import("@/lib/search");
const { GET: searchFeed } = await import("@/app/feeds/search/route");
const { GET: timelineFeed } = await import("@/app/feeds/timeline/route");
const { GET: entityFeed } = await import("@/app/feeds/entities/[kind]/[slug]/route");
const { buildAtom, stableId } = await import("@/lib/feeds/atom");
const { CORPUS } = await import("./fetch-helpers/site");

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (n) => n === "entry" || n === "link" || n === "category" });

interface Entry {
  id: string;
  title: { "#text": string } | string;
  updated: string;
  published?: string;
  summary: { "#text": string } | string;
  link: { "@rel": string; "@href": string }[];
  author?: { name: string };
}
interface Feed {
  id: string;
  title: { "#text": string } | string;
  updated: string;
  link: { "@rel": string; "@href": string }[];
  entry?: Entry[];
}

const textOf = (v: { "#text": string } | string) => (typeof v === "string" ? v : v["#text"]);

async function read(res: Response): Promise<Feed> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  const xml = await res.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as { feed: Feed & { "@xmlns": string } };
  expect(doc.feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  // RFC 4287's required elements, on the feed and every entry.
  for (const key of ["id", "title", "updated"] as const) expect(doc.feed[key]).toBeTruthy();
  for (const e of doc.feed.entry ?? []) {
    expect(e.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(textOf(e.title)).toBeTruthy();
    expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
    expect(e.link.find((l) => l["@rel"] === "alternate")?.["@href"]).toMatch(/^http:\/\/atlas\.test\/articles\//);
  }
  return doc.feed;
}

/** Entries newest first: publication dates never increase down the feed (undated entries last). */
function expectNewestFirst(entries: Entry[]) {
  const dates = entries.map((e) => (e.published ? Date.parse(e.published) : -Infinity));
  for (let i = 1; i < dates.length; i++) expect(dates[i]!).toBeLessThanOrEqual(dates[i - 1]!);
}

const YRD = path.join(CORPUS, "yrd-dev");
const entityParams = (kind: string, slug: string) => ({ params: Promise.resolve({ kind, slug }) });

beforeAll(async () => {
  if (!fs.existsSync(YRD)) throw new Error(`the shared corpus is missing: looked in ${YRD} (set ATLAS_CORPUS_DIR)`);
  ingestPaths({ db: getDb(), paths: ["content"] });
  await syncIndex();
});

afterAll(() => {
  getDb().$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Atom feeds", () => {
  it("a search feed follows the search page's parameters and changes when a matching article is ingested", async () => {
    const url = "http://atlas.test/feeds/search?q=虹桥&sort=oldest&page=3";
    const before = await read(await searchFeed(new Request(url)));
    // sort and page do not make another feed: the self link and id are those of the query alone.
    expect(before.link.find((l) => l["@rel"] === "self")?.["@href"]).toBe(`http://atlas.test/feeds/search?q=${encodeURIComponent("虹桥")}`);
    expect(before.link.find((l) => l["@rel"] === "alternate")?.["@href"]).toBe(`http://atlas.test/?q=${encodeURIComponent("虹桥")}`);
    const again = await read(await searchFeed(new Request("http://atlas.test/feeds/search?q=虹桥")));
    expect(again.id).toBe(before.id);
    const beforeIds = (before.entry ?? []).map((e) => e.id);

    // 001 is about 虹桥国际开放枢纽: ingest it (read in place, with its sidecar URL).
    const summary = ingestPaths({ db: getDb(), paths: [path.join(YRD, "001.txt")] });
    expect(summary.counts.new).toBe(1);
    await syncIndex();
    const articleId = summary.files[0]!.id!;
    const after = await read(await searchFeed(new Request(url)));
    const added = (after.entry ?? []).filter((e) => !beforeIds.includes(e.id));
    expect(added.map((e) => e.id)).toEqual([stableId(`article:${articleId}`)]);
    expect(added[0]!.link.find((l) => l["@rel"] === "alternate")?.["@href"]).toBe(`http://atlas.test/articles/${articleId}`);
    expect(added[0]!.link.find((l) => l["@rel"] === "via")?.["@href"]).toBe(JSON.parse(fs.readFileSync(path.join(YRD, "001.json"), "utf8")).url);
    expect(textOf(added[0]!.summary).length).toBeGreaterThan(20);
    expect(Date.parse(after.updated)).toBeGreaterThanOrEqual(Date.parse(before.updated));
    expectNewestFirst(after.entry ?? []);
    // Ids are stable: the same article keeps its id in every later read.
    const third = await read(await searchFeed(new Request(url)));
    expect((third.entry ?? []).map((e) => e.id)).toEqual((after.entry ?? []).map((e) => e.id));
  });

  it("filters use the search page's grammar, and a bad one is a 400 with a Chinese message", async () => {
    const feed = await read(await searchFeed(new Request("http://atlas.test/feeds/search?region=嘉善")));
    expect((feed.entry ?? []).length).toBeGreaterThan(0);
    const bad = await searchFeed(new Request("http://atlas.test/feeds/search?color=red"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "bad-request", message: expect.stringContaining("不认识的参数") });
  });

  it("the timeline feed lists milestones newest first", async () => {
    const feed = await read(await timelineFeed(new Request("http://atlas.test/feeds/timeline")));
    const entries = feed.entry ?? [];
    expect(entries.length).toBeGreaterThan(3);
    expectNewestFirst(entries);
    expect(feed.link.find((l) => l["@rel"] === "alternate")?.["@href"]).toBe("http://atlas.test/timeline");
    const bad = await timelineFeed(new Request("http://atlas.test/feeds/timeline?from=2024-13"));
    expect(bad.status).toBe(400);
  });

  it("an entity feed lists the articles about it (a region: and below it), newest first", async () => {
    const feed = await read(await entityFeed(new Request("http://atlas.test/feeds/entities/region/330421"), entityParams("region", "330421")));
    expect(textOf(feed.title)).toContain("嘉善");
    const entries = feed.entry ?? [];
    expect(entries.length).toBeGreaterThan(0);
    expectNewestFirst(entries);
    // The old slug id reaches the same feed.
    const old = await read(await entityFeed(new Request("http://atlas.test/feeds/entities/region/zj-jiaxing-jiashan"), entityParams("region", "zj-jiaxing-jiashan")));
    expect(old.id).toBe(feed.id);
    const missing = await entityFeed(new Request("http://atlas.test/feeds/entities/plan/nope"), entityParams("plan", "nope"));
    expect(missing.status).toBe(404);
  });

  it("escapes whatever an article holds", () => {
    const title = `<script>alert("x")</script> & 'quotes' ]]> \u0001`;
    const xml = buildAtom({
      key: "t",
      title,
      self: "http://atlas.test/feeds/search?q=a&b=<c>",
      alternate: "http://atlas.test/",
      entries: [{ key: "article:x", title, href: "http://atlas.test/articles/x?a=1&b=2", updated: "2024-01-01T00:00:00Z", summary: title }],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml) as { feed: Feed };
    expect(textOf(doc.feed.title)).toBe(title.replace("\u0001", "").trim());
    expect(doc.feed.entry?.[0]?.link[0]?.["@href"]).toBe("http://atlas.test/articles/x?a=1&b=2");
    expect(doc.feed.link[0]?.["@href"]).toBe("http://atlas.test/feeds/search?q=a&b=<c>");
  });
});
