import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { sniffDeclaredCharset } from "@/lib/ingest/decode";

/*
 * A small web site on 127.0.0.1 for the fetch tests, serving real pages from ../shared/corpus (read in place) with
 * robots.txt rules, a sitemap index, an RSS feed, redirects (one a loop), slow answers, 404 / 429 / 500 / 503, a
 * wrong Content-Type, a GBK page with no charset in its header and an oversized page. It records every request.
 */

export const CORPUS = process.env.ATLAS_CORPUS_DIR ?? path.resolve("../shared/corpus");

export function corpusPages() {
  const gneDir = path.join(CORPUS, "gne/tests");
  if (!fs.existsSync(gneDir)) throw new Error(`the shared corpus is missing: looked in ${CORPUS} (set ATLAS_CORPUS_DIR)`);
  const gne = fs
    .readdirSync(gneDir)
    .flatMap((site) => fs.readdirSync(path.join(gneDir, site)).filter((f) => f.endsWith(".html")).map((f) => path.join(gneDir, site, f)))
    .sort();
  const cwcedDir = path.join(CORPUS, "cwced/original");
  const strict = new TextDecoder("utf-8", { fatal: true });
  const notUtf8 = fs
    .readdirSync(cwcedDir)
    .sort()
    .map((f) => path.join(cwcedDir, f))
    .filter((f) => {
      try {
        strict.decode(fs.readFileSync(f));
        return false;
      } catch {
        return true;
      }
    });
  // A GBK page that does not say so in its first 4 KB either: only sniffing can tell.
  const gbk = notUtf8.find((f) => !sniffDeclaredCharset(fs.readFileSync(f))) ?? notUtf8[0]!;
  return { gne, gbk };
}

export interface TestSite {
  base: string;
  /** Requests per path, in order, with their headers. */
  hits: { path: string; at: number; headers: http.IncomingHttpHeaders }[];
  /** Most requests in flight at once. */
  maxInFlight: number;
  pages: string[];
  gbk: string;
  /** Replace or add a route while the server runs. */
  routes: Map<string, Route>;
  close(): Promise<void>;
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse, count: number) => void | Promise<void>;

export async function startSite(opts: { robots?: string } = {}): Promise<TestSite> {
  const { gne, gbk } = corpusPages();
  const pages = gne.slice(0, 6);
  const hits: TestSite["hits"] = [];
  let inFlight = 0;
  const site = { maxInFlight: 0 } as TestSite;
  const routes = new Map<string, Route>();
  const html = (file: string, type = "text/html; charset=utf-8"): Route => (_req, res) => {
    res.writeHead(200, { "content-type": type });
    res.end(fs.readFileSync(file));
  };
  let base = "";
  routes.set("/robots.txt", (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(opts.robots ?? "User-agent: DeltaAtlas\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n");
  });
  pages.forEach((file, k) => routes.set(`/pages/${k}.html`, html(file)));
  routes.set("/private/secret.html", html(pages[0]!));
  routes.set("/gbk.html", html(gbk, "text/html"));
  routes.set("/sitemap_index.xml", (_req, res) => {
    res.writeHead(200, { "content-type": "application/xml" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>${base}/sitemap-1.xml</loc></sitemap>
  <sitemap><loc>${base}/sitemap-2.xml</loc><lastmod>2024-06-28</lastmod></sitemap>
  <sitemap><loc>${base}/sitemap-gone.xml</loc></sitemap>
</sitemapindex>`);
  });
  routes.set("/sitemap-1.xml", (_req, res) => {
    res.writeHead(200, { "content-type": "text/xml; charset=utf-8" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${base}/pages/1.html</loc></url><url><loc>${base}/pages/0.html</loc><lastmod>2024-01-17</lastmod></url>
<url><loc>${base}/private/secret.html</loc></url></urlset>`);
  });
  routes.set("/sitemap-2.xml", (_req, res) => {
    res.writeHead(200, { "content-type": "application/xml" });
    res.end(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/pages/2.html?a=1&amp;b=2</loc></url><url><loc>${base}/pages/0.html#top</loc></url></urlset>`);
  });
  routes.set("/feed.xml", (_req, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>测试频道 &amp; 新闻</title>
<item><title>第一篇</title><link>${base}/pages/3.html</link><pubDate>Fri, 28 Jun 2024 08:00:00 +0800</pubDate></item>
<item><title><![CDATA[第二篇 <b>粗体</b>]]></title><link>/pages/4.html</link></item>
<item><title>重定向</title><link>${base}/moved</link></item></channel></rss>`);
  });
  routes.set("/atom.xml", (_req, res) => {
    res.writeHead(200, { "content-type": "application/atom+xml" });
    res.end(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
<entry><title>a</title><id>urn:a</id><updated>2024-01-01T00:00:00Z</updated><link rel="alternate" href="${base}/pages/5.html"/><link rel="edit" href="${base}/edit/5"/></entry></feed>`);
  });
  routes.set("/moved", (_req, res) => {
    res.writeHead(301, { location: "/pages/5.html" });
    res.end();
  });
  routes.set("/loop-a", (_req, res) => {
    res.writeHead(302, { location: `${base}/loop-b` });
    res.end();
  });
  routes.set("/loop-b", (_req, res) => {
    res.writeHead(302, { location: "/loop-a" });
    res.end();
  });
  routes.set("/slow", (_req, res) => {
    const t = setTimeout(() => html(pages[0]!)(_req, res, 0), 2000);
    res.on("close", () => clearTimeout(t));
  });
  routes.set("/missing", (_req, res) => {
    res.writeHead(404, { "content-type": "text/html" });
    res.end("<h1>404</h1>");
  });
  routes.set("/broken", (_req, res) => {
    res.writeHead(500, { "content-type": "text/html" });
    res.end("<h1>500</h1>");
  });
  routes.set("/busy", (req, res, count) => {
    if (count === 1) {
      res.writeHead(429, { "retry-after": "0" });
      return void res.end();
    }
    html(pages[1]!)(req, res, count);
  });
  routes.set("/busy-long", (_req, res) => {
    res.writeHead(503, { "retry-after": "3600" });
    res.end();
  });
  routes.set("/flaky", (req, res, count) => {
    if (count === 1) return void req.socket.destroy();
    html(pages[2]!)(req, res, count);
  });
  routes.set("/report.pdf", (_req, res) => {
    res.writeHead(200, { "content-type": "application/pdf" });
    res.end("%PDF-1.4 not really");
  });
  routes.set("/wrong-type.html", html(pages[3]!, "image/png"));
  routes.set("/huge.html", (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    const chunk = Buffer.from(`<p>${"长三角一体化".repeat(1000)}</p>\n`);
    for (let i = 0; i < 200; i++) res.write(chunk);
    res.end();
  });
  routes.set("/huge-declared.html", (_req, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1048576) });
    res.write("<html>");
    setTimeout(() => res.destroy(), 50);
  });
  routes.set("/etag.html", (req, res) => {
    if (req.headers["if-none-match"] === '"v1"') {
      res.writeHead(304, { etag: '"v1"' });
      return void res.end();
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: '"v1"', "last-modified": "Fri, 28 Jun 2024 08:00:00 GMT" });
    res.end(fs.readFileSync(pages[4]!));
  });

  const counts = new Map<string, number>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", base);
    const key = url.pathname;
    hits.push({ path: req.url ?? "/", at: Date.now(), headers: req.headers });
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    inFlight++;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const route = routes.get(key);
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("not found");
    }
    await route(req, res, count);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(site, {
    base,
    hits,
    pages,
    gbk,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
