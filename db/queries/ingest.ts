import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { DatePrecision } from "@/lib/domain/dates";
import {
  articles,
  articleTopics,
  entityAliases,
  figures,
  ingestFailures,
  ingestRuns,
  mentions,
  milestones,
  milestoneSources,
  paragraphs,
  type entities,
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
  milestones: (Omit<typeof milestones.$inferInsert, "event"> & { id: string; event: string; sentence: string; paragraph: number; entityIds: string[] })[];
  topics: { topic: string; score: number }[];
  /** Caps that cut the page (lib/ingest/caps.ts): reported with the file, not stored. */
  notes?: string[];
  /** The body's near-duplicate index keys (lib/ingest/dedup.ts lshKeys), stored while the article is an original. */
  dedupKeys?: number[];
}

export type UpsertOutcome = "new" | "updated" | "unchanged";

/** Who owns a row (its key and file), for lib/ingest/record.ts resolveArticleId. */
export function getArticleOwnerById({ db, id }: { db: Db; id: string }) {
  return db.select({ url: articles.url, contentHash: articles.contentHash, filePath: articles.filePath }).from(articles).where(eq(articles.id, id)).get();
}

export function getArticleStateById({ db, id }: { db: Db; id: string }) {
  return db.select({ id: articles.id, recordHash: articles.recordHash }).from(articles).where(eq(articles.id, id)).get();
}

/** An original (an article not folded into a twin) as duplicate detection compares it. */
export interface OriginalArticle {
  id: string;
  simhash: string;
  body: string;
  contentHash: string;
  publishedPrecision: DatePrecision | null;
}

/** Most originals a near-duplicate lookup returns (those sharing the most index keys). */
export const MAX_TWIN_CANDIDATES = 8;
/** A key more articles share than this is boilerplate: it is skipped, so a lookup reads a bounded number of rows. */
export const MAX_KEY_POSTINGS = 20;

const ORIGINAL_COLUMNS = "a.id, a.simhash, a.body, a.content_hash as contentHash, a.published_precision as publishedPrecision";

/** Statements prepared once per connection (they run for every ingested page), by `prepare`. */
function perConnection<T>(prepare: (client: Db["$client"]) => T): (db: Db) => T {
  const cache = new WeakMap<Db["$client"], T>();
  return (db) => {
    let s = cache.get(db.$client);
    if (!s) cache.set(db.$client, (s = prepare(db.$client)));
    return s;
  };
}

function prepareDedup(client: Db["$client"]) {
  return {
    sameBody: client.prepare(`select ${ORIGINAL_COLUMNS} from articles a where a.content_hash = ? and a.duplicate_of is null and a.id != ? order by a.rowid limit 1`),
    postings: client.prepare(`select article_id from dedup_bands where key = ? limit ${MAX_KEY_POSTINGS + 1}`).pluck(),
    original: client.prepare(`select ${ORIGINAL_COLUMNS}, a.rowid as seq from articles a where a.id = ? and a.duplicate_of is null`),
    clearKeys: client.prepare("delete from dedup_bands where article_id = ?"),
    addKey: client.prepare("insert or ignore into dedup_bands (key, article_id) values (?, ?)"),
    missing: client.prepare("select a.id, a.body from articles a where a.duplicate_of is null and not exists (select 1 from dedup_bands d where d.article_id = a.id)"),
  };
}
const dedupSql = perConnection(prepareDedup);

/** The earliest original with exactly this body, other than `id`. */
export function getOriginalWithBody({ db, contentHash, id }: { db: Db; contentHash: string; id: string }): OriginalArticle | undefined {
  return dedupSql(db).sameBody.get(contentHash, id) as OriginalArticle | undefined;
}

/** Originals sharing at least one near-duplicate index key with `keys` (other than `id`), oldest first. */
export function getOriginalsSharingKeys({ db, keys, id }: { db: Db; keys: number[]; id: string }): OriginalArticle[] {
  const s = dedupSql(db);
  const shared = new Map<string, number>();
  for (const key of keys) {
    const ids = s.postings.all(key) as string[];
    if (ids.length > MAX_KEY_POSTINGS) continue;
    for (const a of ids) if (a !== id) shared.set(a, (shared.get(a) ?? 0) + 1);
  }
  const best = [...shared].sort((x, y) => y[1] - x[1]).slice(0, MAX_TWIN_CANDIDATES);
  return best
    .map(([a]) => s.original.get(a) as (OriginalArticle & { seq: number }) | undefined)
    .filter((o) => o !== undefined)
    .sort((x, y) => x.seq - y.seq)
    .map(({ seq: _, ...o }) => o);
}

/** Replace an article's near-duplicate index keys (none: it is out of the index). */
export function setDedupKeys({ db, id, keys }: { db: Db; id: string; keys: number[] }) {
  const s = dedupSql(db);
  s.clearKeys.run(id);
  for (const key of keys) s.addKey.run(key, id);
}

/** Originals with no near-duplicate index keys yet (stored before the index existed), to index them. */
export function getOriginalsWithoutDedupKeys({ db }: { db: Db }): { id: string; body: string }[] {
  return dedupSql(db).missing.all() as { id: string; body: string }[];
}

/** Fold an article, and everything already folded into it, into another one (which is then shown instead). */
export function foldArticleInto({ db, id, into }: { db: Db; id: string; into: string }) {
  db.update(articles)
    .set({ duplicateOf: into, updatedAt: new Date().toISOString() })
    .where(or(eq(articles.id, id), eq(articles.duplicateOf, id)))
    .run();
  setDedupKeys({ db, id, keys: [] });
}

/**
 * The per-row statements of upsertArticle, prepared once per connection: building and preparing each of an article's
 * 100-odd rows through the query builder cost more than writing them (50 ms a page on a busy machine).
 */
function prepareStore(client: Db["$client"]) {
  return {
    // Aliases accumulate across articles: each article may introduce its own 以下简称.
    entity: client.prepare(
      `insert into entities (id, kind, slug, name, type, period, parent_id, path, aliases, region_id, confidence)
       values (@id, @kind, @slug, @name, @type, @period, @parentId, @path, @aliases, @regionId, @confidence)
       on conflict (id) do update set
         name = excluded.name,
         type = coalesce(excluded.type, entities.type),
         period = coalesce(excluded.period, entities.period),
         parent_id = coalesce(excluded.parent_id, entities.parent_id),
         path = coalesce(excluded.path, entities.path),
         region_id = coalesce(excluded.region_id, entities.region_id),
         confidence = max(excluded.confidence, entities.confidence),
         aliases = (select json_group_array(value) from (select value from json_each(entities.aliases) union select value from json_each(excluded.aliases) order by value))`,
    ),
    paragraph: client.prepare("insert into paragraphs (article_id, idx, text, original) values (?, ?, ?, ?)"),
    mention: client.prepare(`insert into mentions (article_id, entity_id, paragraph, start, "end", text, value, precision) values (?, ?, ?, ?, ?, ?, ?, ?)`),
    figure: client.prepare(
      `insert into figures (article_id, paragraph, text, value, unit, subject, before, after, bound, entity_id)
       values (@articleId, @paragraph, @text, @value, @unit, @subject, @before, @after, @bound, @entityId)`,
    ),
    topic: client.prepare("insert into article_topics (article_id, topic, score) values (?, ?, ?) on conflict do nothing"),
    milestone: client.prepare(
      "insert into milestones (id, date, precision, date_end, action, status, subject, subject_id, event) values (@id, @date, @precision, @dateEnd, @action, @status, @subject, @subjectId, @event) on conflict do nothing",
    ),
    milestoneEntity: client.prepare("insert into milestone_entities (milestone_id, entity_id) values (?, ?) on conflict do nothing"),
    milestoneSource: client.prepare("insert into milestone_sources (milestone_id, article_id, paragraph, event, sentence) values (?, ?, ?, ?, ?) on conflict do nothing"),
  };
}
const storeSql = perConnection(prepareStore);

/** An article's rows below the article itself, through the prepared statements. */
function insertArticleChildren(db: Db, record: ArticleRecord) {
  const s = storeSql(db);
  const id = record.article.id;
  record.paragraphs.forEach((p, idx) => s.paragraph.run(id, idx, p.text, p.original));
  for (const row of record.entities) {
    s.entity.run({
      id: row.id,
      kind: row.kind,
      slug: row.slug,
      name: row.name,
      type: row.type ?? null,
      period: row.period ?? null,
      parentId: row.parentId ?? null,
      path: row.path == null ? null : JSON.stringify(row.path),
      aliases: JSON.stringify([...new Set(row.aliases ?? [])].sort()),
      regionId: row.regionId ?? null,
      confidence: row.confidence ?? 1,
    });
  }
  for (const m of record.mentions) s.mention.run(id, m.entityId, m.paragraph, m.start, m.end, m.text, m.value ?? null, m.precision ?? null);
  for (const f of record.figures) {
    s.figure.run({ articleId: id, paragraph: f.paragraph, text: f.text, value: f.value, unit: f.unit, subject: f.subject ?? null, before: f.before ?? null, after: f.after ?? null, bound: f.bound ?? null, entityId: f.entityId ?? null });
  }
  for (const t of record.topics) s.topic.run(id, t.topic, t.score);
  for (const a of record.aliases ?? []) db.insert(entityAliases).values({ articleId: id, ...a }).onConflictDoNothing().run();
  for (const { entityIds, paragraph, sentence, ...m } of record.milestones) {
    // Another article's report of the same event at another precision joins its row (sameEvent).
    const milestoneId = sameEvent(db, m) ?? m.id;
    if (milestoneId === m.id) {
      s.milestone.run({ ...m, date: m.date ?? null, precision: m.precision ?? null, dateEnd: m.dateEnd ?? null, status: m.status ?? "done", subject: m.subject ?? null, subjectId: m.subjectId ?? null });
    }
    for (const entityId of entityIds) s.milestoneEntity.run(milestoneId, entityId);
    s.milestoneSource.run(milestoneId, id, paragraph, m.event, sentence ?? null);
  }
}

/** Delete what hung off an article's previous version. */
function clearArticleChildren(db: Db, articleId: string) {
  for (const table of [paragraphs, mentions, figures, articleTopics, milestoneSources, entityAliases]) {
    db.delete(table).where(eq(table.articleId, articleId)).run();
  }
}

/**
 * Another article's report of the same event at another precision (2019-12 and 2019-12-01): same action,
 * status and subject entity, dates that agree where both are known. The row keeps the more precise date.
 * Returns its id, or null (the event is new, or has no subject entity to be sure of).
 */
function sameEvent(db: Db, m: typeof milestones.$inferInsert): string | null {
  if (!m.date || !m.subjectId) return null;
  const row = db
    .select({ id: milestones.id, date: milestones.date })
    .from(milestones)
    .where(
      and(
        eq(milestones.action, m.action),
        eq(milestones.status, m.status ?? "done"),
        eq(milestones.subjectId, m.subjectId),
        sql`${milestones.date} != ${m.date} and (substr(${m.date}, 1, length(${milestones.date})) = ${milestones.date} or substr(${milestones.date}, 1, ${m.date.length}) = ${m.date})`,
      ),
    )
    .get();
  if (!row) return null;
  if (row.date && m.date.length > row.date.length) db.update(milestones).set({ date: m.date, precision: m.precision, dateEnd: m.dateEnd }).where(eq(milestones.id, row.id)).run();
  return row.id;
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
    insertArticleChildren(db, record);
    if (existing) deleteOrphans({ db: t });
    setDedupKeys({ db, id, keys: record.article.duplicateOf ? [] : (record.dedupKeys ?? []) });
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

