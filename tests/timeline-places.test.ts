/**
 * milestone_places (migration 0011): the regions each milestone is located in, kept by SQLite triggers, which the
 * timeline's region filter reads instead of three subqueries per milestone. Checked on the real pipeline (processPage →
 * extract → buildRecord → upsertArticle) over the demo pages in content/ and the 40 yrd-dev pages, against the three
 * ways computed directly from milestone_entities, entities and the source paragraphs' mentions:
 * - the table after a fresh ingest (insert triggers), after a migration from 0010 (the backfill), after an article is
 *   re-ingested with changed text, after an article is deleted, after a project's region changes (update/delete triggers);
 * - the region filter, alone and combined with topic, status and dates, gives the same milestones as the condition
 *   the timeline used before the table (copied below as the reference).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-timeline-places-"));
process.env.DATA_DIR = dir;

const { getDb, openDb } = await import("@/db/client");
type Db = ReturnType<typeof openDb>;
const { upsertArticle } = await import("@/db/queries/ingest");
const { getMilestones, getMilestoneCount, getMilestoneYearCounts, getTimelineOptions } = await import("@/db/queries/timeline");
const { expandRegion, resolveRegion } = await import("@/lib/domain/regions");
const { requireCorpus } = await import("@/lib/eval/corpora");
const { extract } = await import("@/lib/extract");
const { processPage } = await import("@/lib/ingest/process");
const { buildRecord } = await import("@/lib/ingest/record");

type Record = ReturnType<typeof buildRecord>;

/** Every page of content/ and yrd-dev, cleaned and extracted once. */
function records(): Record[] {
  const out: Record[] = [];
  for (const folder of [path.resolve("content"), requireCorpus("yrd-dev")]) {
    for (const f of fs.readdirSync(folder).filter((x) => x.endsWith(".txt")).sort()) {
      const sidecar = JSON.parse(fs.readFileSync(path.join(folder, f.replace(/\.txt$/, ".json")), "utf8"));
      const cleaned = processPage(fs.readFileSync(path.join(folder, f)), { fileName: f, sidecar });
      out.push(buildRecord({ cleaned, extraction: extract(cleaned), filePath: null, fetchedAt: null }));
    }
  }
  return out;
}

/** The regions of every milestone by the three ways, computed from the rows they derive from. */
function expected(db: Db): string[] {
  return db.$client
    .prepare(
      `select me.milestone_id || ' ' || e.id from milestone_entities me join entities e on e.id = me.entity_id where e.kind = 'region'
       union select me.milestone_id || ' ' || e.region_id from milestone_entities me join entities e on e.id = me.entity_id where e.region_id is not null
       union select ms.milestone_id || ' ' || mn.entity_id from milestone_sources ms
         join mentions mn on mn.article_id = ms.article_id and mn.paragraph = ms.paragraph
         join entities e on e.id = mn.entity_id where e.kind = 'region'
       order by 1`,
    )
    .pluck()
    .all() as string[];
}

function stored(db: Db): string[] {
  return db.$client.prepare("select milestone_id || ' ' || region_id from milestone_places order by 1").pluck().all() as string[];
}

/** The region condition as the timeline wrote it before milestone_places (three subqueries over the expanded ids). */
function oldRegionMatches(db: Db, regionIds: string[]): Set<string> {
  const list = regionIds.map(() => "?").join(", ");
  const rows = db.$client
    .prepare(
      `select m.id from milestones m where
         exists (select 1 from milestone_entities me where me.milestone_id = m.id and me.entity_id in (${list}))
         or exists (select 1 from milestone_entities me join entities e on e.id = me.entity_id where me.milestone_id = m.id and e.region_id in (${list}))
         or exists (select 1 from milestone_sources ms join mentions mn on mn.article_id = ms.article_id and mn.paragraph = ms.paragraph
                    where ms.milestone_id = m.id and mn.entity_id in (${list}))`,
    )
    .pluck()
    .all(...regionIds, ...regionIds, ...regionIds) as string[];
  return new Set(rows);
}

let recs: Record[] = [];

beforeAll(() => {
  recs = records();
  const db = getDb();
  for (const record of recs) upsertArticle({ db, record });
}, 300_000);

afterAll(() => {
  getDb().$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("milestone_places", () => {
  it("holds, after an ingest, exactly the regions the three ways give", () => {
    const db = getDb();
    const want = expected(db);
    expect(want.length).toBeGreaterThan(20);
    expect(stored(db)).toEqual(want);
  });

  it("is filled from existing rows by the migration (a database ingested at 0010, then migrated)", () => {
    const migrations = path.join(dir, "migrations-0010");
    fs.cpSync(path.resolve("db/migrations"), migrations, { recursive: true });
    const journalFile = path.join(migrations, "meta/_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
    const later = journal.entries.filter((e) => e.idx > 10);
    expect(later.map((e) => e.tag)).toContain("0011_milestone_places");
    journal.entries = journal.entries.filter((e) => e.idx <= 10);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const file = path.join(dir, "old.db");
    process.env.ATLAS_MIGRATIONS_DIR = migrations;
    let old: Db;
    try {
      old = openDb(file);
    } finally {
      delete process.env.ATLAS_MIGRATIONS_DIR;
    }
    expect(old.$client.prepare("select count(*) from sqlite_master where name = 'milestone_places'").pluck().get()).toBe(0);
    for (const record of recs.slice(0, 25)) upsertArticle({ db: old, record });
    old.$client.close();
    const migrated = openDb(file);
    try {
      const want = expected(migrated);
      expect(want.length).toBeGreaterThan(5);
      expect(stored(migrated)).toEqual(want);
    } finally {
      migrated.$client.close();
    }
  });

  it("follows an article re-ingested with changed text, a deleted article and a project whose region changes", () => {
    const db = getDb();
    // Re-ingest: the article's paragraphs lose their last half (mentions and milestone sources deleted and re-inserted).
    const withPlaces = recs.filter((r) => r.milestones.length > 1);
    expect(withPlaces.length).toBeGreaterThan(2);
    const changed = withPlaces[0]!;
    const cut = Math.ceil(changed.article.body.split("\n").length / 2);
    const text = `${changed.article.title}\n${changed.article.body.split("\n").slice(0, cut).join("\n")}\n`;
    const cleaned = processPage(Buffer.from(text), { fileName: "changed.txt", sidecar: { url: changed.article.url ?? undefined } });
    upsertArticle({ db, record: buildRecord({ cleaned, extraction: extract(cleaned), filePath: null, fetchedAt: null }) });
    expect(stored(db)).toEqual(expected(db));
    // Deleted: its rows go by cascade; milestones only it reported lose their places (their rows stay until orphans are cleared).
    db.$client.prepare("delete from articles where id = ?").run(withPlaces[1]!.article.id);
    expect(stored(db)).toEqual(expected(db));
    db.$client.prepare("delete from milestones where id not in (select milestone_id from milestone_sources)").run();
    expect(stored(db)).toEqual(expected(db));
    expect(db.$client.prepare("select count(*) from milestone_places where milestone_id not in (select id from milestones)").pluck().get()).toBe(0);
    // A project or organization that some milestone concerns moves to another region (and then to none).
    const located = db.$client
      .prepare("select e.id from milestone_entities me join entities e on e.id = me.entity_id where e.kind != 'region' limit 1")
      .pluck()
      .get() as string;
    expect(located).toBeTruthy();
    db.$client.prepare("update entities set region_id = ? where id = ?").run(resolveRegion("嘉善"), located);
    expect(stored(db)).toEqual(expected(db));
    db.$client.prepare("update entities set region_id = null where id = ?").run(located);
    expect(stored(db)).toEqual(expected(db));
  });

  it("gives the region filter, alone and combined, the same milestones as the three subqueries did", () => {
    const db = getDb();
    const regions = ["浙江", "江苏", "上海", "安徽", "长三角生态绿色一体化发展示范区", "嘉善", "苏州", "青浦", "杭州"].map((r) => resolveRegion(r)!);
    const topics = getTimelineOptions({ db }).topics;
    expect(topics.length).toBeGreaterThan(0);
    const others = [{}, { topic: topics[0]! }, { status: "planned" as const }, { from: "2019", to: "2023" }, { topic: topics[topics.length - 1]!, status: "done" as const, from: "2020" }];
    let nonEmpty = 0;
    for (const region of regions) {
      const inRegion = oldRegionMatches(db, expandRegion(region));
      for (const other of others) {
        const want = getMilestones({ db, filter: other }).filter((m) => inRegion.has(m.id)).map((m) => m.id);
        const got = getMilestones({ db, filter: { ...other, region } }).map((m) => m.id);
        expect(got, `${region} ${JSON.stringify(other)}`).toEqual(want);
        expect(getMilestoneCount({ db, filter: { ...other, region } })).toBe(want.length);
        if (want.length) nonEmpty++;
      }
      const years = getMilestoneYearCounts({ db, filter: { region } });
      expect(years.reduce((n, y) => n + y.count, 0)).toBe(getMilestoneCount({ db, filter: { region } }));
    }
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it("lists a milestone's regions from the table: its own, its projects' and its source paragraphs'", () => {
    const db = getDb();
    const want = new Map<string, Set<string>>();
    for (const row of expected(db)) {
      const [m, r] = row.split(" ") as [string, string];
      if (!r.startsWith("region:")) continue;
      want.set(m, (want.get(m) ?? new Set()).add(r));
    }
    const known = new Set(db.$client.prepare("select id from entities where kind = 'region'").pluck().all() as string[]);
    const items = getMilestones({ db, filter: { offtopic: true } });
    expect(items.length).toBeGreaterThan(10);
    for (const m of items) expect(new Set(m.regions.map((r) => r.id)), m.id).toEqual(new Set([...(want.get(m.id) ?? [])].filter((r) => known.has(r))));
  });
});
