import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type TestSite } from "./fetch-helpers/site";

// `kb fetch` and `kb watch` as a user runs them, against the local test site (the server runs in this process, so
// the command is spawned asynchronously). --no-index: the database is what is checked, not the search engine.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-fetch-cli-"));
let site: TestSite;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function kb(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/kb.ts", ...args], {
      env: { ...process.env, DATA_DIR: dataDir, MEILI_URL: "", MEILI_MASTER_KEY: "", CRAWLER_CONTACT: "mailto:crawler@example.org" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const FAST = ["--rate", "50", "--retries", "1", "--request-timeout", "2s", "--no-index", "--json"];

describe("kb fetch", () => {
  it("fetches a URL list, stores pages with sidecars and ingests them (--ingest)", async () => {
    const out = path.join(dataDir, "fetched");
    const list = path.join(dataDir, "urls.txt");
    fs.writeFileSync(list, `# test\n${site.base}/pages/0.html\n${site.base}/pages/0.html#again\n${site.base}/missing\n${site.base}/report.pdf\nnot-a-url\n`);
    const r = await kb("fetch", "--urls", list, "--out", out, "--ingest", ...FAST);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const { fetch, ingest } = JSON.parse(r.stdout);
    expect(fetch.counts).toMatchObject({ new: 1, refused: 1, failed: 2 });
    expect(fetch.results.find((x: { url: string }) => x.url === "not-a-url")).toMatchObject({ code: "bad-request" });
    expect(ingest.counts).toMatchObject({ new: 1, failed: 0 });
    expect(site.hits.find((h) => h.path === "/pages/0.html")!.headers["user-agent"]).toContain("mailto:crawler@example.org");

    // Again: the stored copy is current, nothing is ingested.
    const again = JSON.parse((await kb("fetch", "--urls", list, "--out", out, "--ingest", ...FAST)).stdout);
    expect(again.fetch.counts).toMatchObject({ new: 0, unchanged: 1 });
    expect(again.ingest).toBeNull();
  });

  it("needs a source of URLs", async () => {
    const r = await kb("fetch", "--out", path.join(dataDir, "x"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--urls FILE, --sitemap URL or --feed URL/);
  });
});

describe("kb watch", () => {
  it("runs one round over the sources file (--once) and ingests what changed", async () => {
    const sources = path.join(dataDir, "sources.json");
    fs.writeFileSync(sources, JSON.stringify({ sources: [{ name: "测试站", feed: `${site.base}/feed.xml`, maxPages: 2 }] }));
    const out = path.join(dataDir, "watched");
    const r = await kb("watch", "--once", "--sources", sources, "--out", out, ...FAST);
    expect(r.code).toBe(0);
    const round = JSON.parse(r.stdout);
    expect(round.sources[0].name).toBe("测试站");
    expect(round.sources[0].summary.counts).toMatchObject({ new: 2, skipped: 1 });
    expect(round.ingest.counts.new + round.ingest.counts.duplicate).toBe(2);
    const sidecars = fs.readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith(".json"));
    for (const f of sidecars) expect(JSON.parse(fs.readFileSync(path.join(out, String(f)), "utf8")).site).toBe("测试站");
    const bad = await kb("watch", "--once", "--sources", path.join(dataDir, "nope.json"));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not-found.*nope\.json/);
  });
});
