/**
 * Milestones through the real pipeline (processPage → extract → buildRecord → upsertArticle) into a
 * temporary SQLite, then read back by the timeline queries: planned apart, undated off the timeline,
 * cross-article merging only when action, subject and compatible dates agree. Pages written for this test.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { upsertArticle } from "@/db/queries/ingest";
import { getLatestMilestones, getMilestones, getMilestonesByArticleId } from "@/db/queries/timeline";
import { extract } from "@/lib/extract";
import { processPage } from "@/lib/ingest/process";
import { buildRecord } from "@/lib/ingest/record";
import { parseTimelineParams } from "@/lib/url-state";

let dir: string;
let db: Db;
const ids: Record<string, string> = {};

function ingest(name: string, text: string, url: string) {
  const cleaned = processPage(Buffer.from(text), { fileName: `${name}.txt`, sidecar: { url } });
  const record = buildRecord({ cleaned, extraction: extract(cleaned), filePath: null, fetchedAt: null });
  upsertArticle({ db, record });
  ids[name] = record.article.id;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "milestone-queries-"));
  db = openDb(path.join(dir, "atlas.db"));
  ingest(
    "a",
    "示范区水网工程进展\n发布时间：2023-06-20\n2023年6月18日,中共中央、国务院印发《长江三角洲区域一体化发展规划纲要》。\n到2026年,示范区将基本建成跨省域清水绿廊。\n9月8日,青浦区将举行秋季运动会。\n",
    "https://example.org/a",
  );
  ingest(
    "b",
    "纲要印发一周\n发布时间：2023-06-25\n6月,中共中央、国务院正式印发《长江三角洲区域一体化发展规划纲要》。\n",
    "https://example.org/b",
  );
  ingest("c", "医院新闻\n发布时间：2023-06-21\n6月18日,某县医院药剂科举行了药学知识竞赛。\n", "https://example.org/c");
  ingest("d", "县里新闻\n发布时间：2023-06-22\n6月18日,吴江区举行了湖泊联合保洁启动仪式。\n", "https://example.org/d");
  ingest("e", "旧闻一则\n11月7日,嘉善至西塘市域铁路控制性工程正式开工。\n", "https://example.org/e");
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("milestones in the database", () => {
  it("merges two reports of one event at compatible precisions, keeping the more precise date", () => {
    const issued = getMilestones({ db }).filter((m) => m.action === "印发");
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ date: "2023-06-18", precision: "day", status: "done", subject: "长江三角洲区域一体化发展规划纲要" });
    expect(issued[0]!.sources.map((s) => s.articleId).sort()).toEqual([ids.a, ids.b].sort());
    expect(issued[0]!.sources[0]!.sentence).toContain("印发");
  });

  it("never merges unrelated events of one day", () => {
    // Both pages are too short to count as about the delta (relevance), so ask for off-topic ones too.
    const held = getMilestones({ db, filter: { offtopic: true } }).filter((m) => m.date === "2023-06-18" && m.action !== "印发");
    expect(held.length).toBe(2);
    expect(new Set(held.map((m) => m.sources[0]!.articleId))).toEqual(new Set([ids.c, ids.d]));
  });

  it("shows planned milestones apart: a status filter, and not among the latest events", () => {
    const planned = getMilestones({ db, filter: parseTimelineParams({ status: "planned" }) });
    expect(planned.map((m) => [m.date, m.action, m.status])).toEqual([
      ["2023-09-08", "举行", "planned"],
      ["2026", "建成", "planned"],
    ]);
    expect(getMilestones({ db, filter: { status: "done" } }).every((m) => m.status === "done")).toBe(true);
    expect(getLatestMilestones({ db, limit: 10 }).every((m) => m.status === "done" && m.date)).toBe(true);
  });

  it("keeps an undated event on its article only", () => {
    expect(getMilestones({ db }).some((m) => m.date === null)).toBe(false);
    const onArticle = getMilestonesByArticleId({ db, articleId: ids.e! });
    expect(onArticle.map((m) => [m.date, m.action])).toEqual([[null, "开工"]]);
  });

  it("rejects an unknown status in the URL with a Chinese message", () => {
    expect(() => parseTimelineParams({ status: "maybe" })).toThrow(/status：应为 done 或 planned/);
  });
});
