import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function kb(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/kb.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, MEILI_URL: "", MEILI_MASTER_KEY: "" },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("kb inspect", () => {
  it("prints the cleaned article and its extraction as JSON without touching the database", () => {
    const seed = fs.readdirSync("content").find((f) => f.startsWith("003_") && f.endsWith(".txt"))!;
    const r = kb("inspect", path.join("content", seed));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      title: "9大方面165项重点任务 长三角新一轮行动计划发布",
      published: "2024-07-29",
      publishedPrecision: "day",
      source: "建筑时报",
      site: "中国混凝土与水泥制品协会",
    });
    for (const key of ["author", "url", "paragraphs", "original", "entities", "figures", "milestones", "topics"]) expect(out).toHaveProperty(key);
    expect(out.paragraphs.join("")).not.toMatch(/[協發項]|\((?:xié|fā)\)/);
    expect(out.original).toMatch(/發/);
    expect(out.entities.some((e: { kind: string; name: string }) => e.kind === "plan" && e.name.includes("长三角地区一体化发展三年行动计划"))).toBe(true);
    // Every region mention says why it was accepted (word boundary, level suffix, address chain, context …).
    const regions = out.entities.filter((e: { kind: string }) => e.kind === "region") as { reason?: string }[];
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) expect(["word", "suffix", "chain", "context", "alias", "composite", "abbreviation"]).toContain(r.reason);
    expect(fs.existsSync(path.join(dataDir, "atlas.db"))).toBe(false);
  });

  it("--explain lists every dropped line with the rule that dropped it", () => {
    const file = path.join(process.env.ATLAS_CORPUS_DIR ?? path.resolve("..", "shared", "corpus"), "gne/tests/thepaper/5.html");
    const r = kb("inspect", "--explain", file);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { paragraphs: string[]; dropped: { text: string; rule: string }[]; droppedByRule: Record<string, number> };
    expect(out.dropped.length).toBeGreaterThan(10);
    for (const d of out.dropped) expect(d.rule, d.text).toMatch(/^[a-z-]+(:[a-z-]+)?$/);
    const ruleOf = (text: string) => out.dropped.find((d) => d.text.includes(text))?.rule;
    expect(ruleOf("澎湃新闻报料")).toBeTruthy();
    expect(ruleOf("责任编辑")).toBe("html:after-main-block");
    expect(ruleOf("首页 > 科技湃")).toBe("html:before-main-block");
    expect(Object.values(out.droppedByRule).reduce((a, b) => a + b, 0)).toBe(out.dropped.length);
    // Without the flag the output has no such list.
    expect(JSON.parse(kb("inspect", file).stdout)).not.toHaveProperty("dropped");
  });

  it("fails with a clear message on a missing file", () => {
    const r = kb("inspect", "content/nope.txt");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not-found.*nope\.txt: no such file/);
  });
});

describe("kb ingest", () => {
  it("prints a machine-readable summary and exits 0 when something was ingested", () => {
    const r = kb("ingest", "--json", "--no-index", "content", path.join(dataDir, "missing.html"));
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.counts).toEqual({ new: 5, updated: 0, unchanged: 0, duplicate: 0, failed: 1 });
    expect(summary.files.find((f: { status: string }) => f.status === "failed")).toMatchObject({ code: "not-found" });
  });

  it("exits non-zero only when nothing could be ingested", () => {
    expect(kb("ingest", "--json", "--no-index", "content").code).toBe(0);
    const r = kb("ingest", "--no-index", path.join(dataDir, "missing.html"));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not-found/);
  });
});

describe("kb ingest when the search engine dies during the index sync", () => {
  it("still prints the summary of what was stored, reports the index failure as a warning and exits 0", async () => {
    // An engine that answers the sync's first request (whatever it is: health, the index), then dies: the next
    // connection is cut and the port closed.
    let requests = 0;
    const server = http.createServer((req, res) => {
      requests++;
      if (requests === 1) {
        const at = "2024-01-01T00:00:00Z";
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ status: "available", uid: "atlas_articles", primaryKey: "id", createdAt: at, updatedAt: at }));
        return;
      }
      req.socket.destroy();
      server.close();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-cli-engine-"));
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/kb.ts", "ingest", "--json", "content"], {
        env: { ...process.env, DATA_DIR: dir, MEILI_URL: url, MEILI_MASTER_KEY: "test-key" },
      });
      let stdout = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).toBe(0);
      const summary = JSON.parse(stdout);
      expect(summary.counts).toEqual({ new: 5, updated: 0, unchanged: 0, duplicate: 0, failed: 0 });
      // Nothing reached the index: the sync either failed outright (indexError) or reports the engine it could not use.
      expect(summary.index?.engine ?? null).toBeNull();
      expect(summary.indexError?.code ?? summary.index?.engineError).toBeTruthy();
      expect(requests).toBeGreaterThanOrEqual(1);
    } finally {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
