import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { ingestExitCode } from "@/scripts/commands/ingest";

let dir: string;
let db: Db;

const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const snapshot = () =>
  Object.fromEntries(
    ["articles", "paragraphs", "entities", "mentions", "figures", "milestones", "milestone_sources", "milestone_entities", "article_topics"].map((t) => [
      t,
      db.$client.prepare(`select * from ${t} order by 1, 2`).all(),
    ]),
  );

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-ingest-"));
  db = openDb(path.join(dir, "atlas.db"));
});
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("ingesting content/", () => {
  it("stores every seed with its paragraphs, entities and milestones", () => {
    const summary = ingestPaths({ db, paths: ["content"] });
    expect(summary.counts).toEqual({ new: 5, updated: 0, unchanged: 0, duplicate: 0, failed: 0 });
    expect(count("articles")).toBe(5);
    expect(count("paragraphs")).toBeGreaterThan(40);
    expect(count("mentions")).toBeGreaterThan(50);
    expect(count("milestones")).toBeGreaterThan(3);
    const run = db.$client.prepare("select * from ingest_runs where id = ?").get(summary.runId) as Record<string, unknown>;
    expect(run).toMatchObject({ status: "done", created: 5, failed: 0 });
    expect(run.finished_at).toBeTruthy();
  });

  it("changes nothing when run again (idempotent, same entities and milestones)", () => {
    const before = snapshot();
    const summary = ingestPaths({ db, paths: ["content"] });
    expect(summary.counts).toEqual({ new: 0, updated: 0, unchanged: 5, duplicate: 0, failed: 0 });
    expect(snapshot()).toEqual(before);
  });

  it("updates a changed page in place and keeps its id", () => {
    const src = fs.readdirSync("content").find((f) => f.startsWith("001_") && f.endsWith(".txt"))!;
    const work = path.join(dir, "changed");
    fs.mkdirSync(work);
    // Same URL (sidecar) → same article; a new paragraph → updated.
    fs.writeFileSync(path.join(work, "a.json"), JSON.stringify({ url: "https://example.org/a" }));
    fs.copyFileSync(path.join("content", src), path.join(work, "a.txt"));
    const first = ingestPaths({ db, paths: [work] });
    // The seed itself is already stored (no URL): the copy with a URL is the same story.
    expect(first.files[0]).toMatchObject({ status: "duplicate" });
    const id = first.files[0]!.id;
    // Edit inside the body (text appended after the page's 相关新闻 list would rightly be dropped as tail junk).
    const original = fs.readFileSync(path.join(work, "a.txt"), "utf8");
    fs.writeFileSync(path.join(work, "a.txt"), original.replace("谋划示范区明年工作", "谋划示范区明年工作,推动成果复制推广"));
    const second = ingestPaths({ db, paths: [work] });
    expect(second.files[0]).toMatchObject({ id, status: "duplicate" });
    const body = (db.$client.prepare("select body from articles where id = ?").get(id) as { body: string }).body;
    expect(body).toContain("复制推广");
  });
});

describe("near-duplicates", () => {
  it("links the same story scraped from another site to its twin", () => {
    const src = fs.readdirSync("content").find((f) => f.startsWith("004_") && f.endsWith(".txt"))!;
    const text = fs.readFileSync(path.join("content", src), "utf8");
    const work = path.join(dir, "reprint");
    fs.mkdirSync(work);
    // Another site: different header lines, the story re-encoded as GBK HTML.
    const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const html = `<html><head><meta charset="gbk"><title>实施10大标志性工程,2020年浙江大都市区建设目标确定_某某新闻网</title></head><body>
      <div class="nav"><a href="/">首页</a> > <a href="/news">新闻</a></div>
      <h1>实施10大标志性工程,2020年浙江大都市区建设目标确定</h1><div class="info">2020-04-30 来源:浙江发改</div>
      <div class="article">${paras.map((p) => `<p>${p}</p>`).join("\n")}</div>
      <div class="footer">Copyright © 某某新闻网 版权所有</div></body></html>`;
    fs.writeFileSync(path.join(work, "reprint.html"), iconv.encode(html, "gbk"));
    const summary = ingestPaths({ db, paths: [work] });
    expect(summary.files[0]).toMatchObject({ status: "duplicate" });
    const twin = summary.files[0]!.twin!;
    const row = db.$client.prepare("select file_path from articles where id = ?").get(twin) as { file_path: string };
    expect(row.file_path).toContain("004_");
  });
});

describe("which twin is shown", () => {
  it("shows the copy with the more precise date and folds the undated one into it, stably", () => {
    const src = fs.readdirSync("content").find((f) => f.startsWith("000_") && f.endsWith(".txt"))!;
    const seedId = (db.$client.prepare("select id from articles where file_path like ?").get(`%${src}`) as { id: string }).id;
    expect((db.$client.prepare("select published, duplicate_of from articles where id = ?").get(seedId) as object)).toEqual({ published: null, duplicate_of: null });
    const text = fs.readFileSync(path.join("content", src), "utf8");
    const work = path.join(dir, "dated-reprint");
    fs.mkdirSync(work);
    const body = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 60 && !/浏览器|售楼|国资/.test(p));
    const html = `<html><head><meta charset="utf-8"><title>长三角一体化示范区2024年度“体检报告”出炉</title></head><body>
      <h1>长三角一体化示范区2024年度“体检报告”出炉</h1><div class="info">2025-02-21 10:30 来源:示范区执委会</div>
      <div class="article">${body.map((p) => `<p>${p}</p>`).join("\n")}</div></body></html>`;
    fs.writeFileSync(path.join(work, "dated.html"), html);
    fs.writeFileSync(path.join(work, "dated.json"), JSON.stringify({ url: "https://example.org/dated", site: "某某新闻网" }));
    const first = ingestPaths({ db, paths: [work] });
    const reprintId = first.files[0]!.id!;
    expect(first.files[0]).toMatchObject({ status: "duplicate", twin: seedId, shown: reprintId });
    const rows = () => db.$client.prepare("select id, duplicate_of from articles where id in (?, ?) order by id").all(seedId, reprintId);
    const expected = [
      { id: seedId, duplicate_of: reprintId },
      { id: reprintId, duplicate_of: null },
    ].sort((a, b) => a.id.localeCompare(b.id));
    expect(rows()).toEqual(expected);
    // Re-ingesting either copy keeps the choice.
    const again = ingestPaths({ db, paths: [work, path.join("content", src)] });
    expect(again.files.map((f) => f.status)).toEqual(["unchanged", "unchanged"]);
    expect(rows()).toEqual(expected);
  });
});

describe("bad input", () => {
  it("reports each bad file with a clear reason, goes on, and writes nothing partial", () => {
    const work = path.join(dir, "bad");
    fs.mkdirSync(work);
    fs.writeFileSync(path.join(work, "empty.txt"), "");
    fs.writeFileSync(path.join(work, "binary.html"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    fs.writeFileSync(path.join(work, "huge.html"), Buffer.alloc(50 * 1024 * 1024, "a"));
    fs.writeFileSync(path.join(work, "nothing.html"), "<html><head><title>x</title></head><body><nav><a href='/'>首页</a></nav></body></html>");
    fs.writeFileSync(path.join(work, "truncated.html"), `<html><head><meta charset="utf-8"><title>长三角一体化示范区建设推进</title></head><body><h1>长三角一体化示范区建设推进</h1><div class="content"><p>${"近日,长三角生态绿色一体化发展示范区执委会召开会议,研究部署示范区下一阶段重点工作,推进跨区域协同发展。".repeat(4)}</p><p>会议强调,要加快推进重大项目建设`);
    fs.writeFileSync(path.join(work, "bad-sidecar.txt"), "示范区".repeat(100));
    fs.writeFileSync(path.join(work, "bad-sidecar.json"), "{ not json");
    const before = count("articles");
    const summary = ingestPaths({ db, paths: [work, path.join(dir, "missing-folder")] });
    const byName = Object.fromEntries(summary.files.map((f) => [path.basename(f.path), f]));
    expect(byName["empty.txt"]).toMatchObject({ status: "failed", code: "empty" });
    expect(byName["binary.html"]).toMatchObject({ status: "failed", code: "binary" });
    expect(byName["huge.html"]).toMatchObject({ status: "failed", code: "too-large" });
    expect(byName["nothing.html"]).toMatchObject({ status: "failed", code: "no-text" });
    expect(byName["bad-sidecar.txt"]).toMatchObject({ status: "failed", code: "sidecar" });
    expect(byName["missing-folder"]).toMatchObject({ status: "failed", code: "not-found" });
    expect(byName["truncated.html"]).toMatchObject({ status: "new" });
    for (const f of summary.files.filter((f) => f.status === "failed")) expect(f.reason!.length).toBeGreaterThan(5);
    expect(count("articles")).toBe(before + 1);
    const failures = db.$client.prepare("select code from ingest_failures where run_id = ? order by code").all(summary.runId) as { code: string }[];
    expect(failures.map((f) => f.code)).toEqual(["binary", "empty", "no-text", "not-found", "sidecar", "too-large"]);
    expect(ingestExitCode(summary)).toBe(0);
  });

  it("exits non-zero only when nothing could be ingested", () => {
    const summary = ingestPaths({ db, paths: [path.join(dir, "nope")] });
    expect(ingestExitCode(summary)).toBe(1);
    expect(summary.counts.failed).toBe(1);
  });
});
