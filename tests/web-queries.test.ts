import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import * as s from "@/db/schema";
import { getArticleById, getRelatedArticlesById } from "@/db/queries/articles";
import { getArticlesByEntityIds, getFiguresByEntityIds, getMentionsByEntityIds } from "@/db/queries/entities";
import { expandRegion, regionAncestry, regionChildIds } from "@/lib/domain/regions";
import { getMilestoneYearCounts, getMilestones, getMilestonesByArticleId, getMilestonesByEntityIds, getTimelineOptions } from "@/db/queries/timeline";

let dir: string;
let db: Db;

function article(id: string, extra: Partial<s.NewArticle> = {}) {
  db.insert(s.articles)
    .values({ id, contentHash: id, recordHash: id, simhash: "0", title: `标题${id}`, encoding: "utf-8", body: "b", original: "o", published: "2023-05-01", publishedPrecision: "day", ...extra })
    .run();
}
function para(articleId: string, idx: number, text: string) {
  db.insert(s.paragraphs).values({ articleId, idx, text, original: text }).run();
}
function entity(kind: s.Entity["kind"], slug: string, name: string, extra: Partial<s.Entity> = {}) {
  db.insert(s.entities).values({ id: `${kind}:${slug}`, kind, slug, name, ...extra }).run();
  return `${kind}:${slug}`;
}
function mention(articleId: string, entityId: string, paragraph: number, start: number, text: string) {
  db.insert(s.mentions).values({ articleId, entityId, paragraph, start, end: start + text.length, text }).run();
}
function milestone(id: string, date: string, precision: "day" | "month" | "year", ents: string[], sources: [string, number][]) {
  db.insert(s.milestones).values({ id, date, precision, action: "批复", event: `事件${id}` }).run();
  for (const e of ents) db.insert(s.milestoneEntities).values({ milestoneId: id, entityId: e }).run();
  for (const [a, p] of sources) db.insert(s.milestoneSources).values({ milestoneId: id, articleId: a, paragraph: p, event: `事件${id}` }).run();
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "web-queries-"));
  db = openDb(path.join(dir, "atlas.db"));
  // 浙江 › (嘉兴 missing as an entity) › 嘉善 › 西塘; 江苏 › 苏州
  entity("region", "33", "浙江", { path: ["浙江"], type: "province" });
  entity("region", "330421", "嘉善", { path: ["浙江", "嘉兴", "嘉善"], parentId: "zj-jx", type: "county" });
  entity("region", "330421103", "西塘", { path: ["浙江", "嘉兴", "嘉善", "西塘"], parentId: "region:330421", type: "town" });
  entity("region", "32", "江苏", { path: ["江苏"], type: "province" });
  entity("region", "3205", "苏州", { path: ["江苏", "苏州"], parentId: "32", type: "city" });
  const plan = entity("plan", "p1", "示范区总体方案", { type: "方案" });
  const proj = entity("project", "rail", "沪苏嘉城际铁路", { regionId: "region:3205" });
  const org = entity("organization", "gwy", "国务院");

  article("A", { published: "2019-10-31" });
  article("B", { published: "2023-12" , publishedPrecision: "month" });
  article("C", { duplicateOf: "B", published: "2023-12-10" });
  article("D", { published: "2024-07-29" });
  para("A", 0, "国务院批复示范区总体方案,嘉善等地参与。");
  para("A", 1, "江苏也有新闻。");
  para("B", 0, "沪苏嘉城际铁路开工,国务院关注。");
  para("C", 0, "沪苏嘉城际铁路开工,国务院关注。");
  para("D", 0, "西塘古镇。示范区总体方案。");
  mention("A", org, 0, 0, "国务院");
  mention("A", plan, 0, 5, "示范区总体方案");
  mention("A", "region:330421", 0, 13, "嘉善");
  mention("A", "region:32", 1, 0, "江苏");
  mention("B", proj, 0, 0, "沪苏嘉城际铁路");
  mention("B", org, 0, 10, "国务院");
  mention("C", proj, 0, 0, "沪苏嘉城际铁路");
  mention("D", "region:330421103", 0, 0, "西塘");
  mention("D", plan, 0, 5, "示范区总体方案");
  db.insert(s.articleTopics).values([{ articleId: "A", topic: "规划与制度创新", score: 1 }, { articleId: "B", topic: "交通", score: 1 }]).run();
  db.insert(s.figures).values([
    { articleId: "A", paragraph: 0, text: "75%", value: 75, unit: "%", subject: "达标率", entityId: plan },
    { articleId: "D", paragraph: 0, text: "从80%上升到96.2%", value: 96.2, unit: "%", subject: "达标率", before: 80, after: 96.2, entityId: plan },
  ]).run();

  milestone("m1", "2019-10", "month", [org, plan], [["A", 0]]); // located by its source paragraph (嘉善)
  milestone("m2", "2023-12-08", "day", [proj], [["B", 0], ["C", 0]]); // located by its project (苏州)
  milestone("m3", "2024", "year", ["region:330421103"], [["D", 0]]); // names a region itself
  milestone("m4", "2023-02", "month", [org], [["A", 1]]); // paragraph names 江苏
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("region tree (lib/domain/regions, the one hierarchy)", () => {
  it("expands a region to everything below it, whichever levels the database holds", () => {
    expect(expandRegion("region:33")).toEqual(expect.arrayContaining(["region:33", "region:3304", "region:330421", "region:330421103"]));
    expect(expandRegion("330421")).toEqual(expect.arrayContaining(["region:330421", "region:330421103"]));
    expect(expandRegion("region:330421")).not.toContain("region:33");
    expect(regionAncestry("region:330421103")).toEqual([
      { id: "region:33", name: "浙江" },
      { id: "region:3304", name: "嘉兴" },
      { id: "region:330421", name: "嘉善" },
    ]);
    expect(regionChildIds("region:32")).toContain("region:3205");
  });
});

describe("timeline", () => {
  const ids = (f: Parameters<typeof getMilestones>[0]) => getMilestones({ db, ...f }).map((m) => m.id);
  it("lists milestones in date order with entities, regions and deduplicated sources", () => {
    const all = getMilestones({ db });
    expect(all.map((m) => m.id)).toEqual(["m1", "m4", "m2", "m3"]);
    const m2 = all.find((m) => m.id === "m2")!;
    expect(m2.entities.map((e) => e.name)).toEqual(["沪苏嘉城际铁路"]);
    expect(m2.regions.map((r) => r.id)).toEqual(["region:3205"]);
    expect(m2.sources.map((x) => x.articleId).sort()).toEqual(["B", "C"]);
    expect(all.find((m) => m.id === "m1")!.regions.map((r) => r.name)).toEqual(["嘉善"]);
  });
  it("filters by region (own region, located project, source paragraph; with everything below)", () => {
    expect(ids({ filter: { region: "region:33" } })).toEqual(["m1", "m3"]);
    expect(ids({ filter: { region: "region:330421103" } })).toEqual(["m3"]);
    expect(ids({ filter: { region: "region:32" } })).toEqual(["m4", "m2"]);
    expect(ids({ filter: { region: "region:3205" } })).toEqual(["m2"]);
  });
  it("filters by plan, topic and date range at each bound's own precision", () => {
    expect(ids({ filter: { plan: "plan:p1" } })).toEqual(["m1"]);
    expect(ids({ filter: { topic: "交通" } })).toEqual(["m2"]);
    expect(ids({ filter: { from: "2023", to: "2023" } })).toEqual(["m4", "m2"]);
    expect(ids({ filter: { from: "2023-03" } })).toEqual(["m2", "m3"]);
    expect(ids({ filter: { to: "2019-10-15" } })).toEqual(["m1"]);
  });
  it("counts per year ignoring the date range, and offers only used filter values", () => {
    expect(getMilestoneYearCounts({ db, filter: { region: "region:33", from: "2024" } })).toEqual([
      { year: "2019", count: 1 },
      { year: "2024", count: 1 },
    ]);
    const opts = getTimelineOptions({ db });
    expect(opts.plans.map((p) => p.id)).toEqual(["plan:p1"]);
    expect(opts.topics).toEqual(["交通", "规划与制度创新"]);
    expect(opts.regions.map((r) => r.id)).toEqual(["region:32", "region:3205", "region:33", "region:330421", "region:330421103"]);
  });
  it("finds milestones of an entity, of a region and of an article", () => {
    expect(getMilestonesByEntityIds({ db, ids: ["organization:gwy"] }).map((m) => m.id)).toEqual(["m1", "m4"]);
    expect(getMilestonesByEntityIds({ db, ids: [], regionIds: ["region:32", "region:3205"] }).map((m) => m.id)).toEqual(["m4", "m2"]);
    expect(getMilestonesByArticleId({ db, articleId: "C" }).map((m) => m.id)).toEqual(["m2"]);
  });
});

describe("articles", () => {
  it("returns an article with mentions, figures, topics and its twins", () => {
    const b = getArticleById({ db, id: "B" })!;
    expect(b.mentions.map((m) => [m.kind, m.text])).toEqual([["project", "沪苏嘉城际铁路"], ["organization", "国务院"]]);
    expect(b.topics).toEqual([{ topic: "交通", score: 1 }]);
    expect(b.duplicateOf).toBeNull();
    expect(b.twins.map((t) => t.id)).toEqual(["C"]);
    const c = getArticleById({ db, id: "C" })!;
    expect(c.duplicateOf?.id).toBe("B");
    expect(c.twins).toEqual([]);
    expect(getArticleById({ db, id: "nope" })).toBeNull();
  });
  it("relates articles by shared non-date entities, never to its own twin", () => {
    const related = getRelatedArticlesById({ db, id: "A" });
    expect(related.map((r) => [r.id, r.shared, r.sharedNames])).toEqual([
      ["D", 1, ["示范区总体方案"]],
      ["B", 1, ["国务院"]],
    ]);
    // B shares 沪苏嘉城际铁路 with C, but C is B's near-duplicate, not a related article.
    expect(getRelatedArticlesById({ db, id: "B" }).map((r) => r.id)).toEqual(["A"]);
    expect(getRelatedArticlesById({ db, id: "C" }).map((r) => r.id)).toEqual([]);
  });
  it("lists an entity's articles with near-duplicates folded, and its mentions with context", () => {
    expect(getArticlesByEntityIds({ db, ids: ["project:rail"] }).map((a) => a.id)).toEqual(["B"]);
    const ms = getMentionsByEntityIds({ db, ids: ["region:330421"] });
    expect(ms).toHaveLength(1);
    expect(ms[0]!.context).toBe("国务院批复示范区总体方案,嘉善等地参与。");
    expect(getFiguresByEntityIds({ db, ids: ["plan:p1"] }).map((f) => f.articleId)).toEqual(["A", "D"]);
  });
});
