import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PoliteClient, retryAfterMs, userAgent } from "@/lib/fetch/client";
import { parseFeed, parseSitemap, parseUrlList } from "@/lib/fetch/discover";
import { readStoredSidecar, storedPath, fetchUrls, type FetchResult } from "@/lib/fetch/run";
import { fetchOrigin, loadSources } from "@/lib/fetch/sources";
import { readSidecar } from "@/lib/ingest/pipeline";
import { processPage } from "@/lib/ingest/process";
import { startSite, type TestSite } from "./fetch-helpers/site";

/** Small waits everywhere: the politeness is the same code, only the numbers are test-sized. */
const FAST = { ratePerSecond: 50, backoffMs: 5, requestTimeoutMs: 400, maxRetryAfterMs: 1000, retries: 2, maxBytes: 512 * 1024 };

let site: TestSite;
let out: string;
beforeAll(async () => {
  site = await startSite();
  out = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-fetch-"));
});
afterAll(async () => {
  await site.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const hitsOf = (p: string) => site.hits.filter((h) => h.path === p);
const byUrl = (results: FetchResult[], p: string) => results.find((r) => r.url === `${site.base}${p}`);

describe("discovery (pure parsers)", () => {
  it("reads a sitemap index and a urlset, resolving entities", () => {
    const idx = parseSitemap(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.test/s1.xml</loc></sitemap></sitemapindex>`, "https://a.test/");
    expect(idx).toEqual({ pages: [], sitemaps: ["https://a.test/s1.xml"] });
    const set = parseSitemap(`<urlset><url><loc>https://a.test/p?x=1&amp;y=2</loc><lastmod>2024-01-01</lastmod></url></urlset>`, "https://a.test/");
    expect(set.pages).toEqual([{ url: "https://a.test/p?x=1&y=2", lastmod: "2024-01-01" }]);
    expect(() => parseSitemap("<html><body>hi</body></html>", "https://a.test/")).toThrow(/not a sitemap/);
    expect(() => parseSitemap("<urlset><url>", "https://a.test/")).toThrow();
  });

  it("reads RSS 2.0, RSS 1.0 and Atom links (alternate link, relative links resolved)", () => {
    expect(parseFeed(`<rss><channel><item><link>/a</link></item><item><guid>https://b.test/g</guid></item></channel></rss>`, "https://a.test/feed").map((i) => i.url)).toEqual(["https://a.test/a", "https://b.test/g"]);
    expect(parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>https://a.test/r</link></item></rdf:RDF>`, "https://a.test/").map((i) => i.url)).toEqual(["https://a.test/r"]);
    expect(parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="edit" href="/e"/><link href="/x"/></entry></feed>`, "https://a.test/").map((i) => i.url)).toEqual(["https://a.test/x"]);
    expect(() => parseFeed("<html/>", "https://a.test/")).toThrow(/not an RSS or Atom feed/);
  });

  it("reads a URL list with comments and reports what is not a URL", () => {
    expect(parseUrlList("# sites\nhttps://a.test/x#frag\n\nftp://a.test/f\nnot a url\nhttp://b.test/ # trailing\n")).toEqual({
      urls: ["https://a.test/x", "http://b.test/"],
      bad: ["ftp://a.test/f", "not a url"],
    });
  });

  it("reads Retry-After as seconds or a date", () => {
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(new Date(Date.now() + 10_000).toUTCString(), Date.now())).toBeGreaterThan(8000);
    expect(retryAfterMs("soon")).toBeNull();
  });

  it("validates a sources file", () => {
    const file = path.join(out, "sources.json");
    fs.writeFileSync(file, JSON.stringify({ sources: [{ name: "a", feed: "https://a.test/rss", sitemap: "https://a.test/s.xml" }] }));
    expect(() => loadSources(file)).toThrow(/exactly one of sitemap, feed or urls/);
    fs.writeFileSync(file, JSON.stringify({ sources: [{ name: "a", feed: "https://a.test/rss", maxPages: 5 }] }));
    expect(loadSources(file)).toEqual([{ name: "a", feed: "https://a.test/rss", maxPages: 5 }]);
    expect(() => loadSources(path.join(out, "none.json"))).toThrow(/no such file/);
    expect(loadSources("sources.example.json").length).toBeGreaterThan(0);
  });
});

describe("kb fetch against a local site", () => {
  it("follows a sitemap index, honours robots.txt for its own agent, stores each page once with its sidecar", async () => {
    const dir = path.join(out, "sitemap");
    const summary = await fetchOrigin({ sitemap: `${site.base}/sitemap_index.xml` }, { ...FAST, outDir: dir, contact: "https://example.org/crawler" });
    const ok = summary.results.filter((r) => r.status === "new").map((r) => new URL(r.url).pathname + new URL(r.url).search);
    // Newest <lastmod> first (pages/0 is the only dated one), then sitemap order.
    expect(ok).toEqual(["/pages/0.html", "/pages/1.html", "/pages/2.html?a=1&b=2"]);
    // The fragment variant of pages/0 is the same URL: fetched once.
    expect(hitsOf("/pages/0.html")).toHaveLength(1);
    // robots.txt: the DeltaAtlas group (not the `*` group that disallows everything) applies, and /private/ is refused unfetched.
    expect(byUrl(summary.results, "/private/secret.html")).toMatchObject({ status: "refused", code: "robots" });
    expect(hitsOf("/private/secret.html")).toHaveLength(0);
    expect(hitsOf("/robots.txt")).toHaveLength(1);
    // A child sitemap that is missing is reported, the rest goes on.
    expect(summary.results.find((r) => r.url.endsWith("/sitemap_index.xml"))).toMatchObject({ status: "failed", code: "http-status" });
    // The User-Agent names the project and the contact.
    expect(hitsOf("/pages/1.html")[0]!.headers["user-agent"]).toBe(userAgent("https://example.org/crawler"));
    expect(userAgent("https://example.org/crawler")).toMatch(/^DeltaAtlas\/[\d.]+ \(\+https:\/\/example\.org\/crawler;/);

    const file = storedPath(dir, `${site.base}/pages/1.html`);
    expect(fs.readFileSync(file)).toEqual(fs.readFileSync(site.pages[1]!));
    const sidecar = readStoredSidecar(file)!;
    expect(sidecar).toMatchObject({ url: `${site.base}/pages/1.html`, finalUrl: `${site.base}/pages/1.html`, status: 200, encoding: "utf-8", headerCharset: "utf-8" });
    expect(new Date(sidecar.fetchedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // The ingest reads this sidecar as it is (schema, URL, encoding) and cleans the page.
    expect(readSidecar(file)).toMatchObject({ url: sidecar.url, encoding: "utf-8" });
    const article = processPage(fs.readFileSync(file), { fileName: path.basename(file), sidecar: readSidecar(file) });
    expect(article.url).toBe(sidecar.url);
    expect(article.paragraphs.join("").length).toBeGreaterThan(100);
  });

  it("reads an RSS feed and an Atom feed, following a redirect to its final URL", async () => {
    const dir = path.join(out, "feed");
    const rss = await fetchOrigin({ feed: `${site.base}/feed.xml` }, { ...FAST, outDir: dir });
    expect(rss.results.map((r) => [new URL(r.url).pathname, r.status])).toEqual([
      ["/pages/3.html", "new"],
      ["/pages/4.html", "new"],
      ["/moved", "new"],
    ]);
    const moved = readStoredSidecar(storedPath(dir, `${site.base}/moved`))!;
    expect(moved).toMatchObject({ url: `${site.base}/moved`, finalUrl: `${site.base}/pages/5.html`, status: 200 });
    const atom = await fetchOrigin({ feed: `${site.base}/atom.xml` }, { ...FAST, outDir: dir });
    // /pages/5.html was reached through /moved in another run: this run fetches it itself.
    expect(atom.results).toMatchObject([{ url: `${site.base}/pages/5.html`, status: "new" }]);
    // Within one run (one client: a watch round over several sources), a page is fetched once, whoever lists it.
    const client = new PoliteClient(FAST);
    const hits = hitsOf("/pages/3.html").length;
    const hits5 = hitsOf("/pages/5.html").length;
    const first = await fetchOrigin({ feed: `${site.base}/feed.xml` }, { ...FAST, client, outDir: path.join(dir, "round") });
    const second = await fetchOrigin({ urls: [`${site.base}/pages/3.html`, `${site.base}/pages/5.html`] }, { ...FAST, client, outDir: path.join(dir, "round") });
    expect(first.counts.new).toBe(3);
    expect(second.results.map((r) => r.status)).toEqual(["skipped", "skipped"]);
    expect(second.results[1]!.reason).toMatch(/already fetched in this run/);
    expect(hitsOf("/pages/3.html").length).toBe(hits + 1);
    expect(hitsOf("/pages/5.html").length).toBe(hits5 + 1); // reached once, through /moved
  });

  it("refuses what is not an article and retries what may pass, each with its reason", async () => {
    const dir = path.join(out, "faults");
    const paths = ["/loop-a", "/missing", "/broken", "/busy", "/busy-long", "/flaky", "/slow", "/report.pdf", "/wrong-type.html", "/huge.html", "/huge-declared.html"];
    const summary = await fetchUrls({ ...FAST, urls: paths.map((p) => site.base + p), outDir: dir });
    const outcome = (p: string) => {
      const r = byUrl(summary.results, p)!;
      return [r.status, r.code ?? null];
    };
    expect(outcome("/loop-a")).toEqual(["refused", "redirects"]);
    expect(byUrl(summary.results, "/loop-a")!.reason).toMatch(/redirect loop/);
    expect(outcome("/missing")).toEqual(["failed", "http-status"]);
    expect(hitsOf("/missing")).toHaveLength(1); // a 404 is not retried
    expect(outcome("/broken")).toEqual(["failed", "http-status"]);
    expect(hitsOf("/broken")).toHaveLength(3); // 1 + 2 retries
    expect(outcome("/busy")).toEqual(["new", null]); // 429 with Retry-After: 0, then 200
    expect(hitsOf("/busy")).toHaveLength(2);
    expect(outcome("/busy-long")).toEqual(["failed", "http-status"]);
    expect(byUrl(summary.results, "/busy-long")!.reason).toMatch(/Retry-After asks for 3600 s/);
    expect(hitsOf("/busy-long")).toHaveLength(1);
    expect(outcome("/flaky")).toEqual(["new", null]); // a dropped connection, then 200
    expect(outcome("/slow")).toEqual(["failed", "timeout"]);
    expect(hitsOf("/slow")).toHaveLength(3);
    expect(outcome("/report.pdf")).toEqual(["refused", "unsupported"]);
    expect(byUrl(summary.results, "/wrong-type.html")!.reason).toMatch(/Content-Type image\/png is not HTML/);
    expect(outcome("/huge.html")).toEqual(["refused", "too-large"]);
    expect(outcome("/huge-declared.html")).toEqual(["refused", "too-large"]);
    // Nothing refused or failed is stored.
    for (const p of ["/loop-a", "/missing", "/huge.html", "/wrong-type.html", "/slow"]) expect(fs.existsSync(storedPath(dir, site.base + p))).toBe(false);
    // One host, one request at a time.
    expect(site.maxInFlight).toBe(1);
  });

  it("detects a GBK page's charset the way the ingest does when the header gives none", async () => {
    const dir = path.join(out, "gbk");
    const summary = await fetchUrls({ ...FAST, urls: [`${site.base}/gbk.html`], outDir: dir });
    expect(summary.counts.new).toBe(1);
    const file = storedPath(dir, `${site.base}/gbk.html`);
    expect(fs.readFileSync(file)).toEqual(fs.readFileSync(site.gbk)); // stored raw
    expect(readStoredSidecar(file)).toMatchObject({ headerCharset: null, encoding: "gb18030" });
    expect(processPage(fs.readFileSync(file), { fileName: "x.html" }).encoding).toBe("gb18030");
  });

  it("re-fetches with conditional requests: a 304 keeps the stored page, identical bytes are unchanged", async () => {
    const dir = path.join(out, "conditional");
    const urls = [`${site.base}/etag.html`, `${site.base}/pages/0.html`];
    const first = await fetchUrls({ ...FAST, urls, outDir: dir });
    expect(first.counts.new).toBe(2);
    expect(first.changed).toHaveLength(2);
    const file = storedPath(dir, urls[0]!);
    const stored = fs.readFileSync(file);
    const second = await fetchUrls({ ...FAST, urls, outDir: dir });
    expect(second.results.map((r) => r.status)).toEqual(["not-modified", "unchanged"]);
    expect(second.changed).toEqual([]);
    const conditional = site.hits.filter((h) => h.path === "/etag.html").at(-1)!;
    expect(conditional.headers["if-none-match"]).toBe('"v1"');
    expect(conditional.headers["if-modified-since"]).toBe("Fri, 28 Jun 2024 08:00:00 GMT");
    expect(fs.readFileSync(file)).toEqual(stored);
    // The page changes on the site: updated.
    site.routes.set("/pages/0.html", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(fs.readFileSync(site.pages[5]!));
    });
    const third = await fetchUrls({ ...FAST, urls, outDir: dir });
    expect(third.results.map((r) => r.status)).toEqual(["not-modified", "updated"]);
    expect(fs.readFileSync(storedPath(dir, urls[1]!))).toEqual(fs.readFileSync(site.pages[5]!));
  });

  it("stops at the page budget and spaces requests to one host by the rate", async () => {
    const dir = path.join(out, "budget");
    const urls = [0, 1, 2, 3].map((k) => `${site.base}/pages/${k}.html?budget`);
    const before = site.hits.length;
    const summary = await fetchUrls({ ...FAST, ratePerSecond: 10, urls, outDir: dir, maxPages: 2 });
    expect(summary.counts).toMatchObject({ new: 2, skipped: 2 });
    expect(summary.results.filter((r) => r.status === "skipped").every((r) => r.code === "budget")).toBe(true);
    const starts = site.hits.slice(before).filter((h) => h.path.includes("budget")).map((h) => h.at);
    expect(starts).toHaveLength(2);
    // A lower bound only (never an upper one): the second request did not start before the 100 ms interval.
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(95);
  });

  it("spends no request past the time budget", async () => {
    const client = new PoliteClient({ ...FAST, deadline: Date.now() - 1 });
    await expect(client.get(`${site.base}/pages/0.html?late`, { accept: () => true, acceptLabel: "HTML" })).rejects.toMatchObject({ code: "budget" });
    expect(site.hits.some((h) => h.path.includes("late"))).toBe(false);
  });

  it("obeys a Crawl-delay longer than its own interval", async () => {
    const other = await startSite({ robots: "User-agent: *\nCrawl-delay: 0.3\n" });
    try {
      const urls = [0, 1].map((k) => `${other.base}/pages/${k}.html`);
      const summary = await fetchUrls({ ...FAST, urls, outDir: path.join(out, "crawl-delay") });
      expect(summary.counts.new).toBe(2);
      const starts = other.hits.filter((h) => h.path.startsWith("/pages/")).map((h) => h.at);
      // A lower bound only: the second page did not start before the 300 ms the site asked for.
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(295);
    } finally {
      await other.close();
    }
  });

  it("treats an unreachable robots.txt as a disallow and a missing one as allow", async () => {
    const other = await startSite({ robots: "" });
    try {
      other.routes.set("/robots.txt", (_req, res) => {
        res.writeHead(500);
        res.end();
      });
      const refused = await fetchUrls({ ...FAST, urls: [`${other.base}/pages/0.html`], outDir: path.join(out, "robots") });
      expect(refused.results[0]).toMatchObject({ status: "refused", code: "robots" });
      expect(other.hits.filter((h) => h.path === "/pages/0.html")).toHaveLength(0);
      other.routes.delete("/robots.txt");
      const allowed = await fetchUrls({ ...FAST, urls: [`${other.base}/pages/0.html`], outDir: path.join(out, "robots") });
      expect(allowed.results[0]).toMatchObject({ status: "new" });
    } finally {
      await other.close();
    }
  });
});
