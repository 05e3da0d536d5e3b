// /api/search end to end: the route handler over a fixture database, with the process-wide engine
// (a real local Meilisearch started under a temporary DATA_DIR), then MEILI_URL pointing at it as "external".
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useLocalEngineWithFixture } from "./search-helpers/local-engine";

const dir = await useLocalEngineWithFixture("atlas-api-");

const { getDb } = await import("@/db/client");
const { loadConfig } = await import("@/lib/config");
const { connectEngine, getEngine } = await import("@/lib/search/engine");
const { search } = await import("@/lib/search/index");
const { parseSearchParams } = await import("@/lib/url-state");
const { GET } = await import("@/app/api/search/route");

describe("GET /api/search", () => {
  it("answers in the documented shape", async () => {
    const res = await GET(new Request("http://localhost/api/search?q=都市&topic=交通与基础设施&sort=newest"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { hits: Record<string, unknown>[]; facets: Record<string, unknown[]> };
    expect(body).toMatchObject({ query: "都市", engine: "meilisearch", total: 1, page: 1 });
    expect(typeof body.tookMs).toBe("number");
    expect(body.hits[0]).toMatchObject({
      id: "a1",
      title: "上海大都市区空间协同规划发布",
      published: "2024-03-05",
      site: "上海发布",
      regions: [{ id: "region:310118", name: "青浦" }],
      topics: ["交通与基础设施"],
      url: "https://example.test/a1",
    });
    expect(body.hits[0]?.snippet).toContain("<mark>都市</mark>");
    expect(Object.keys(body.facets).sort()).toEqual(["kind", "plan", "region", "site", "topic", "year"]);
    expect(body.facets.topic).toContainEqual({ value: "交通与基础设施", label: "交通与基础设施", count: 1, selected: true });
  });

  it("exports CSV and rejects bad parameters", async () => {
    const csv = await GET(new Request("http://localhost/api/search?q=嘉兴&format=csv"));
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text).toContain("嘉兴文旅新地标");
    // The CSV does not say which engine answered: the same search as JSON must come from Meilisearch, in the same order.
    const json = (await (await GET(new Request("http://localhost/api/search?q=嘉兴"))).json()) as { engine: string; hits: { id: string }[] };
    expect(json.engine).toBe("meilisearch");
    const csvIds = text.replace(/^\uFEFF/, "").trim().split("\r\n").slice(1).map((line) => line.split(",")[0]);
    expect(csvIds).toEqual(json.hits.map((h) => h.id));
    expect(csvIds.length).toBeGreaterThan(0);
    const bad = await GET(new Request("http://localhost/api/search?page=-1"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/page/);
  });
});

describe("external Meilisearch", () => {
  it("uses MEILI_URL/MEILI_MASTER_KEY instead of starting a local engine", async () => {
    const local = await getEngine();
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-ext-"));
    try {
      const key = fs.readFileSync(path.join(dir, "meili/master.key"), "utf8").trim();
      const cfg = loadConfig({ ...process.env, DATA_DIR: other, MEILI_URL: local.url, MEILI_MASTER_KEY: key });
      const ext = await connectEngine(cfg);
      expect(ext.kind).toBe("external");
      expect(ext.local).toBeNull();
      expect(fs.existsSync(path.join(other, "meili"))).toBe(false);
      const r = await search(parseSearchParams(new URLSearchParams("q=景点")), { db: getDb(), engine: ext });
      expect(r.engine).toBe("meilisearch");
      expect(r.hits.map((h) => h.id)).toEqual(["a3"]);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
