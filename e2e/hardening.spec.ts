import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { loadConfig } from "../lib/config";
import { nextStartCommand } from "../scripts/serve-app";
import { seededRandom as rng } from "../lib/eval/rng";

/*
 * Hardening of the production build (issue 14): security headers on every response, a seeded parameter fuzz over every
 * page and API route (no answer ≥ 500, a Chinese message on every API 400), long headers, and hostile pages
 * (e2e/hostile/) served by a second server on their own DATA_DIR: no dialog, no script of theirs, no request to another
 * host, no dangerous URL in the DOM.
 */

const fixtureDb = () => new Database(path.join(process.env.E2E_DATA_DIR!, "atlas.db"), { readonly: true, fileMustExist: true });
const HAN = /\p{Script=Han}/u;

test.describe("security headers", () => {
  test("every kind of response carries them; pages get a nonce CSP without 'unsafe-inline' scripts", async ({ request, page }) => {
    const home = await request.get("/");
    const chunk = /\/_next\/static\/[^"']+\.js/.exec(await home.text())?.[0];
    expect(chunk, "a script chunk on the home page").toBeTruthy();
    const urls = ["/", "/?q=示范区", "/timeline", "/entities/plan", "/no-such-page", "/api/search?q=示范区", "/api/timeline?format=csv", "/api/articles/nope", "/icon.svg", chunk!];
    // The engine's master key (the fixture's local engine) never reaches a page, a response or a script.
    const masterKey = fs.readFileSync(path.join(process.env.E2E_DATA_DIR!, "meili", "master.key"), "utf8").trim();
    expect(masterKey.length).toBeGreaterThanOrEqual(16);
    for (const url of urls) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect(await res.text(), url).not.toContain(masterKey);
      const h = res.headers();
      expect(h["x-content-type-options"], url).toBe("nosniff");
      expect(h["referrer-policy"], url).toBe("no-referrer");
      expect(h["x-frame-options"], url).toBe("DENY");
      const csp = h["content-security-policy"] ?? "";
      expect(csp, url).toContain("frame-ancestors 'none'");
      const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
      expect(script, url).not.toContain("unsafe-inline");
      if ((h["content-type"] ?? "").startsWith("text/html")) expect(script, url).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      else expect(csp, url).toContain("default-src 'none'");
    }
    // Two requests, two nonces; and the page still runs its own scripts under the policy (client navigation works).
    const nonce = async () => /'nonce-([^']+)'/.exec((await request.get("/timeline")).headers()["content-security-policy"] ?? "")?.[1];
    expect(await nonce()).not.toBe(await nonce());
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
    });
    await page.goto("/?q=示范区");
    await page.getByTestId("hit-link").first().click();
    await expect(page).toHaveURL(/\/articles\//);
    await page.goto("/timeline");
    expect(violations).toEqual([]);
  });
});

const KEYS = ["q", "region", "topic", "site", "year", "plan", "kind", "sort", "page", "pageSize", "format", "from", "to", "view", "all", "foo", "__proto__", "constructor", "q[]", "region[0]"];
const BAD_VALUES = [
  "", " ", "-1", "0", "1.5", "1e309", "NaN", "Infinity", "9".repeat(400), "%", "%E4", "%E4%B8", "%zz", "%00", "\u0000", "\uFFFF", "%ED%A0%80", "\uD800", "𠀀𠀁",
  "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "../../etc/passwd", "region:", "region:zj", "region:../..", "plan:x", "a".repeat(5000),
  "[]", "{}", "null", "true", "2024-13-45", "2024-02-30", "-2024", "99999-01-01", "0000-00-00", "2024", "2024-1", "示范区\u202e", "\u200b\u200d",
  "csv", "json", "xml", "relevance", "newest", "oldest", "RANDOM()", "1;drop table articles", "' or 1=1 --", "*", "\\", "//", "浙江", "嘉善", "生态环境",
];
const BAD_SEGMENTS = ["%", "%E4%B8", "%00", "..", "%2e%2e", "%2F", "a".repeat(2000), "%3Cscript%3E", "region:zj", "%F0%A0%80%80", "%E2%80%AE", "null", "0", "-1", "%C0%AE", "x%20y", "plan", "region"];

/** encodeURIComponent, with a lone surrogate sent as the (invalid UTF-8) bytes it would be. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\uD800-\uDFFF]/g, "%ED%A0%80");
  }
}

test.describe("parameter fuzz", () => {
  test("900 generated requests over every page and API route: none answers ≥ 500, every API 400 explains itself in Chinese", async ({ request }) => {
    test.setTimeout(600_000);
    const db = fixtureDb();
    const articleIds = (db.prepare("select id from articles limit 3").all() as { id: string }[]).map((r) => r.id);
    const entities = db.prepare("select kind, slug from entities where kind in ('plan','region','org','project') group by kind").all() as { kind: string; slug: string }[];
    db.close();
    const ids = () => articleIds[Math.floor(random() * articleIds.length)]!;
    const entity = () => entities[Math.floor(random() * entities.length)]!;
    const random = rng(14);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const seg = (good: string) => (random() < 0.4 ? pick(BAD_SEGMENTS) : encodeURIComponent(good));
    const routes: (() => string)[] = [
      () => "/",
      () => "/timeline",
      () => `/entities/${seg(entity().kind)}`,
      () => {
        const e = entity();
        return `/entities/${seg(e.kind)}/${seg(e.slug)}`;
      },
      () => `/articles/${seg(ids())}`,
      () => "/api/search",
      () => "/api/timeline",
      () => `/api/articles/${seg(ids())}`,
      () => {
        const e = entity();
        return `/api/entities/${seg(e.kind)}/${seg(e.slug)}`;
      },
    ];
    const failures: string[] = [];
    for (let i = 0; i < 900; i++) {
      const base = routes[i % routes.length]!();
      const parts: string[] = [];
      const n = 1 + Math.floor(random() * 4);
      for (let k = 0; k < n; k++) {
        const key = pick(KEYS);
        const value = pick(BAD_VALUES);
        // Mostly well-encoded; sometimes raw, so broken percent-encoding and stray separators reach the server.
        parts.push(random() < 0.8 ? `${encodeURIComponent(key)}=${encode(value)}` : `${key}=${value.replace(/[#\s]/g, "")}`);
      }
      const url = `${base}?${parts.join("&")}`;
      const method = random() < 0.05 ? pick(["POST", "PUT", "DELETE", "PATCH"]) : "GET";
      const res = await request.fetch(url, { method, maxRedirects: 0, failOnStatusCode: false });
      const status = res.status();
      if (status >= 500) failures.push(`${status} ${method} ${url.slice(0, 300)}`);
      else if (status === 400 && base.startsWith("/api/")) {
        const body = (await res.json().catch(() => null)) as { error?: string; message?: string } | null;
        if (body?.error !== "bad-request" || !HAN.test(body.message ?? "")) failures.push(`400 without a Chinese message: ${method} ${url.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("long and odd headers never give a 5xx", async ({ request }) => {
    const cases: Record<string, string>[] = [
      { "X-Long": "a".repeat(8_000) },
      { "X-Long": "a".repeat(70_000) },
      { Cookie: Array.from({ length: 500 }, (_, i) => `c${i}=${"v".repeat(40)}`).join("; ") },
      { "Accept-Language": "zh-CN,".repeat(2_000) },
      { "X-Forwarded-For": "not-an-ip, ::1, 999.999.999.999" },
      { "User-Agent": "\u00ff".repeat(100) },
    ];
    for (const headers of cases) {
      for (const url of ["/", "/api/search?q=示范区"]) {
        const status = await request
          .get(url, { headers, failOnStatusCode: false })
          .then((r) => r.status())
          .catch(() => 0);
        // Node's parser answers 431 (Request Header Fields Too Large) past 16 KB of headers; a closed socket is 0.
        expect(status, `${url} with ${Object.keys(headers)[0]} of ${Object.values(headers)[0]!.length}`).toBeLessThan(500);
      }
    }
  });
});

/** A free port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** What a page shows that must not be there: handlers, dangerous URLs, foreign frames or scripts, executed payloads. */
async function dangers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const DANGEROUS = /^(javascript|data|vbscript|file):/;
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const a of Array.from(el.attributes)) {
        const name = a.name.toLowerCase();
        // eslint-disable-next-line no-control-regex -- browsers ignore these inside a scheme, so must we
        const value = a.value.toLowerCase().replace(/[\s\u0000-\u001f]/g, "");
        if (name.startsWith("on")) found.push(`<${el.tagName.toLowerCase()} ${name}>`);
        if (DANGEROUS.test(value)) found.push(`<${el.tagName.toLowerCase()} ${name}="${a.value.slice(0, 60)}">`);
      }
    }
    const main = document.getElementById("main") ?? document.body;
    for (const el of Array.from(main.querySelectorAll("script, iframe, frame, object, embed, base, meta, link, style, math")))
      found.push(`<${el.tagName.toLowerCase()}> in the content`);
    if ((window as unknown as { __pwned?: unknown }).__pwned !== undefined) found.push("a payload ran (window.__pwned)");
    return found;
  });
}

test.describe("hostile pages", () => {
  let server: ChildProcess | null = null;
  let dataDir = "";
  let base = "";
  const rateLimit = 40;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "delta-atlas-e2e-hostile-"));
    const port = await freePort();
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: "", PORT: String(port), HOST: "", API_RATE_LIMIT: String(rateLimit), API_RATE_WINDOW_S: "600" };
    const ingest = spawnSync("npm", ["run", "--silent", "kb", "--", "ingest", "e2e/hostile", "--json"], { env, encoding: "utf8" });
    expect(ingest.status, ingest.stderr).toBe(0);
    const summary = JSON.parse(ingest.stdout) as { counts: Record<string, number> };
    expect(summary.counts).toMatchObject({ new: 4, failed: 0 });
    const { command, args } = nextStartCommand(loadConfig(env));
    server = spawn(command, args, { env, stdio: "ignore", detached: true });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 120; i++) {
      const up = await fetch(`${base}/timeline`).then((r) => r.ok, () => false);
      if (up) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error("the hostile-page server did not start");
  });

  test.afterAll(async () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 3000));
    }
    // The engine this server started (its command line names this DATA_DIR), then the folder.
    for (const entry of fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
      try {
        if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(path.join(dataDir, "meili"))) process.kill(Number(entry), "SIGTERM");
      } catch {
        // ended meanwhile
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  });

  test("search, article, timeline and entity pages show every hostile string as text and run none of it", async ({ page }) => {
    test.setTimeout(300_000);
    const dialogs: string[] = [];
    const foreign: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.context().route("**/*", (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host !== "127.0.0.1") {
        foreign.push(route.request().url());
        return route.abort();
      }
      return route.continue();
    });
    const db = new Database(path.join(dataDir, "atlas.db"), { readonly: true });
    const articles = db.prepare("select id, url from articles").all() as { id: string; url: string | null }[];
    const entityPages = db.prepare("select distinct kind, slug from entities join mentions on mentions.entity_id = entities.id where kind in ('plan','org','project','region')").all() as { kind: string; slug: string }[];
    const markupNames = (db.prepare("select name from entities where name like '%<%'").all() as { name: string }[]).map((r) => r.name);
    db.close();
    // Only http(s) addresses were stored.
    expect(articles.map((a) => a.url).filter((u) => u !== null && !/^https?:\/\//.test(u))).toEqual([]);
    expect(markupNames.length, "plan names carrying markup, shown as text below").toBeGreaterThan(0);

    const urls = [
      "/?q=水乡客厅",
      "/?q=普通文字",
      "/?q=科创中心",
      "/?q=alert",
      "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "/timeline",
      "/entities/plan",
      ...articles.flatMap((a) => [`/articles/${a.id}`, `/articles/${a.id}?view=original`]),
      ...entityPages.map((e) => `/entities/${e.kind}/${encodeURIComponent(e.slug)}`),
    ];
    for (const url of urls) {
      await page.goto(base + url);
      await page.waitForLoadState("networkidle");
      expect(await dangers(page), url).toEqual([]);
    }
    // Scraped "<mark>" text stays text: the only highlights are the query's own words.
    await page.goto(`${base}/?q=${encodeURIComponent("普通文字")}`);
    const marks = await page.locator("mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => m.includes("伪造高亮"))).toEqual([]);
    const snippets = (await page.getByTestId("hit-snippet").allTextContents()).join("\n");
    if (snippets.includes("伪造高亮")) expect(snippets).toContain("<mark>伪造高亮</mark>");
    // A plan name with markup is shown as its text.
    await page.goto(`${base}/entities/plan`);
    await expect(page.getByText(markupNames[0]!, { exact: false }).first()).toBeVisible();
    await page.goto(`${base}/timeline`);
    await expect(page.locator("#main")).toContainText("水乡客厅");
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
  });

  test("the API answers 429 with Retry-After and a Chinese message past the per-client limit; pages are not limited", async ({ request }) => {
    const statuses: number[] = [];
    let limited: { retryAfter?: string; body: { error?: string; message?: string } } | null = null;
    for (let i = 0; i <= rateLimit + 1 && !limited; i++) {
      const res = await request.get(`${base}/api/search?q=${encodeURIComponent("示范区")}`);
      statuses.push(res.status());
      if (res.status() === 429) limited = { retryAfter: res.headers()["retry-after"], body: await res.json() };
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(limited, `statuses ${statuses.join(",")}`).not.toBeNull();
    expect(Number(limited!.retryAfter)).toBeGreaterThan(0);
    expect(limited!.body.error).toBe("rate-limited");
    expect(limited!.body.message).toMatch(HAN);
    expect((await request.get(`${base}/timeline`)).status()).toBe(200);
  });
});
