import "server-only";
import { eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { DatePrecision } from "@/lib/domain/dates";
import {
  articles,
  articleTopics,
  entityAliases,
  entities,
  figures,
  ingestFailures,
  ingestRuns,
  mentions,
  milestoneEntities,
  milestones,
  milestoneSources,
  paragraphs,
  type IngestRun,
  type NewArticle,
} from "../schema";

type EntityRow = typeof entities.$inferInsert;

/** Everything the pipeline derived from one page, written together or not at all. */
export interface ArticleRecord {
  article: Omit<NewArticle, "createdAt" | "updatedAt">;
  paragraphs: { text: string; original: string }[];
  entities: EntityRow[];
  mentions: { entityId: string; paragraph: number; start: number; end: number; text: string; value?: string | null; precision?: DatePrecision | null }[];
  /** Aliases the article states, with the reviewer's verdict. */
  aliases?: Omit<typeof entityAliases.$inferInsert, "articleId">[];
  figures: Omit<typeof figures.$inferInsert, "id" | "articleId">[];
  milestones: {
    id: string;
    date: string;
    precision: DatePrecision;
    action: string;
    event: string;
    paragraph: number;
    entityIds: string[];
  }[];
  topics: { topic: string; score: number }[];
  /** Caps that cut the page (lib/ingest/caps.ts): reported with the file, not stored. */
  notes?: string[];
}

export type UpsertOutcome = "new" | "updated" | "unchanged";

export function getArticleStateById({ db, id }: { db: Db; id: string }) {
  return db.select({ id: articles.id, recordHash: articles.recordHash }).from(articles).where(eq(articles.id, id)).get();
}

/** Originals (articles not folded into a twin), for duplicate detection. */
export function getOriginalArticles({ db }: { db: Db }) {
  return db
    .select({
      id: articles.id,
      simhash: articles.simhash,
      body: articles.body,
      contentHash: articles.contentHash,
      publishedPrecision: articles.publishedPrecision,
    })
    .from(articles)
    .where(isNull(articles.duplicateOf))
    .all();
}

/** Fold an article, and everything already folded into it, into another one (which is then shown instead). */
export function foldArticleInto({ db, id, into }: { db: Db; id: string; into: string }) {
  db.update(articles)
    .set({ duplicateOf: into, updatedAt: new Date().toISOString() })
    .where(or(eq(articles.id, id), eq(articles.duplicateOf, id)))
    .run();
}

function upsertEntities({ db, rows }: { db: Db; rows: EntityRow[] }) {
  for (const row of rows) {
    db.insert(entities)
      .values({ ...row, aliases: [...new Set(row.aliases)].sort() })
      .onConflictDoUpdate({
        target: entities.id,
        set: {
          name: row.name,
          type: sql`coalesce(excluded.type, ${entities.type})`,
          period: sql`coalesce(excluded.period, ${entities.period})`,
          parentId: sql`coalesce(excluded.parent_id, ${entities.parentId})`,
          path: sql`coalesce(excluded.path, ${entities.path})`,
          regionId: sql`coalesce(excluded.region_id, ${entities.regionId})`,
          confidence: sql`max(excluded.confidence, ${entities.confidence})`,
          // Aliases accumulate across articles: each article may introduce its own 以下简称.
          aliases: sql`(select json_group_array(value) from (select value from json_each(${entities.aliases}) union select value from json_each(excluded.aliases) order by value))`,
        },
      })
      .run();
  }
}

/** Delete what hung off an article's previous version. */
function clearArticleChildren(db: Db, articleId: string) {
  for (const table of [paragraphs, mentions, figures, articleTopics, milestoneSources, entityAliases]) {
    db.delete(table).where(eq(table.articleId, articleId)).run();
  }
}

/** Milestones no article reports any more, and entities nothing refers to (the gazetteer's regions stay). */
export function deleteOrphans({ db }: { db: Db }) {
  db.run(sql`delete from milestones where id not in (select milestone_id from milestone_sources)`);
  db.run(sql`delete from entities where kind != 'region' and id not in (
    select entity_id from mentions union select entity_id from milestone_entities
    union select entity_id from figures where entity_id is not null)`);
}

/** Insert or replace one article and everything derived from it, in one transaction. */
export function upsertArticle({ db, record }: { db: Db; record: ArticleRecord }): UpsertOutcome {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const existing = getArticleStateById({ db: t, id: record.article.id });
    if (existing?.recordHash === record.article.recordHash) return "unchanged";
    const now = new Date().toISOString();
    if (existing) {
      clearArticleChildren(t, record.article.id);
      t.update(articles).set({ ...record.article, updatedAt: now }).where(eq(articles.id, record.article.id)).run();
    } else {
      t.insert(articles).values({ ...record.article, createdAt: now, updatedAt: now }).run();
    }
    const id = record.article.id;
    if (record.paragraphs.length) {
      t.insert(paragraphs).values(record.paragraphs.map((p, idx) => ({ articleId: id, idx, ...p }))).run();
    }
    upsertEntities({ db: t, rows: record.entities });
    for (const m of record.mentions) t.insert(mentions).values({ articleId: id, ...m }).run();
    for (const f of record.figures) t.insert(figures).values({ articleId: id, ...f }).run();
    for (const topic of record.topics) t.insert(articleTopics).values({ articleId: id, ...topic }).onConflictDoNothing().run();
    for (const a of record.aliases ?? []) t.insert(entityAliases).values({ articleId: id, ...a }).onConflictDoNothing().run();
    for (const m of record.milestones) {
      t.insert(milestones)
        .values({ id: m.id, date: m.date, precision: m.precision, action: m.action, event: m.event })
        .onConflictDoNothing()
        .run();
      for (const entityId of m.entityIds) t.insert(milestoneEntities).values({ milestoneId: m.id, entityId }).onConflictDoNothing().run();
      t.insert(milestoneSources).values({ milestoneId: m.id, articleId: id, paragraph: m.paragraph, event: m.event }).onConflictDoNothing().run();
    }
    if (existing) deleteOrphans({ db: t });
    return existing ? "updated" : "new";
  });
}

export function createIngestRun({ db, inputs, pid = process.pid }: { db: Db; inputs: string[]; pid?: number }): number {
  return db.insert(ingestRuns).values({ inputs, pid }).returning({ id: ingestRuns.id }).get().id;
}

/** A process id that still exists (EPERM: it exists, owned by someone else). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Runs left `running` by a process that no longer exists (killed, crashed, power loss) become `interrupted`, with
 * their counts taken from what they stored as they went. Returns their ids.
 */
export function markInterruptedRuns({ db, isAlive = processAlive }: { db: Db; isAlive?: (pid: number) => boolean }): number[] {
  const stale = db
    .select({ id: ingestRuns.id, pid: ingestRuns.pid })
    .from(ingestRuns)
    .where(eq(ingestRuns.status, "running"))
    .all()
    .filter((r) => r.pid === null || !isAlive(r.pid));
  for (const r of stale) {
    db.update(ingestRuns)
      .set({ status: "interrupted", finishedAt: sql`coalesce(${ingestRuns.finishedAt}, ${new Date().toISOString()})` })
      .where(eq(ingestRuns.id, r.id))
      .run();
  }
  return stale.map((r) => r.id);
}

export function addIngestFailure({ db, runId, path, code, reason }: { db: Db; runId: number; path: string; code: string; reason: string }) {
  db.insert(ingestFailures).values({ runId, path, code, reason }).run();
}

type RunCounts = Pick<IngestRun, "created" | "updated" | "unchanged" | "duplicate" | "failed">;

/** The counts so far, written as the run goes: a killed run still says what it stored. */
export function updateIngestRunCounts({ db, runId, counts }: { db: Db; runId: number; counts: RunCounts }) {
  db.update(ingestRuns).set(counts).where(eq(ingestRuns.id, runId)).run();
}

export function finishIngestRun({ db, runId, status, counts }: { db: Db; runId: number; status: "done" | "failed"; counts: RunCounts }) {
  db.update(ingestRuns)
    .set({ ...counts, status, finishedAt: new Date().toISOString() })
    .where(eq(ingestRuns.id, runId))
    .run();
}

export function getIngestRun({ db, runId }: { db: Db; runId: number }) {
  return db.select().from(ingestRuns).where(eq(ingestRuns.id, runId)).get();
}

export function countArticles({ db }: { db: Db }): number {
  return db.select({ n: sql<number>`count(*)` }).from(articles).get()?.n ?? 0;
}

