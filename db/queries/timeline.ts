import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { memoUntilWrite } from "../memo";
import { articles, articleTopics, entities, milestoneEntities, milestonePlaces, milestones, milestoneSources } from "../schema";
import { expandRegion, regionContainers } from "@/lib/domain/regions";
import type { TimelineState } from "@/lib/url-state";
import { shownArticle } from "./articles";
import { getRegions, type EntityRef } from "./entities";
import type { DatePrecision } from "@/lib/domain/dates";
import type { MilestoneStatus } from "@/lib/domain/milestones";

/**
 * The timeline's filter, as lib/url-state parses it: a region (the milestone is located in it or below
 * it, see `milestoneRegionCondition`), a topic, a plan it concerns, inclusive date bounds compared at
 * their own precision.
 */
export type TimelineFilter = TimelineState;

export interface MilestoneSource {
  articleId: string;
  title: string;
  site: string | null;
  paragraph: number;
  event: string;
  sentence: string | null;
}

export interface MilestoneItem {
  id: string;
  /** Null only for an article's undated events (getMilestonesByArticleId); the timeline has dated ones. */
  date: string | null;
  precision: DatePrecision | null;
  dateEnd: string | null;
  action: string;
  status: MilestoneStatus;
  subject: string | null;
  subjectId: string | null;
  event: string;
  entities: EntityRef[];
  /** Regions the milestone is located in (own entities, located projects, source paragraph). */
  regions: EntityRef[];
  sources: MilestoneSource[];
}

/**
 * Where a milestone happens. A milestone is in region R when any of these is R or below R:
 * 1. one of its own entities (a region it names),
 * 2. the region of a project or organization it concerns (华为青浦研发中心 → 青浦),
 * 3. a region mentioned in the very paragraph a source article reports it in.
 * Article-wide region mentions are NOT used: a roundup article names many places and would put
 * every milestone everywhere. The regions of 1–3 are precomputed in milestone_places (kept by triggers, see
 * db/schema.ts), so this is one index range per region of the expansion, the list bound as one JSON value.
 */
function milestoneRegionCondition(regionIds: string[]): SQL {
  return sql`${milestones.id} in (select mp.milestone_id from ${milestonePlaces} mp
    where mp.region_id in (select value from json_each(${JSON.stringify(regionIds)})))`;
}

/** Some article reporting the milestone is shown by default (on-topic, not word-spun): see shownArticle. */
function reportedByShownArticle(): SQL {
  return sql`exists (select 1 from ${milestoneSources} ms where ms.milestone_id = ${milestones.id} and ${shownArticle(sql`ms.article_id`)})`;
}

/** On the timeline: dated milestones (an undated event stays on its article). */
const onTimeline = sql`${milestones.date} is not null`;

function conditions(db: Db, f: TimelineFilter, withDates: boolean): SQL[] {
  const where: SQL[] = [onTimeline];
  if (!f.offtopic) where.push(reportedByShownArticle());
  if (f.status) where.push(eq(milestones.status, f.status));
  if (f.region) where.push(milestoneRegionCondition(expandRegion(f.region)));
  if (f.plan) {
    where.push(sql`exists (select 1 from ${milestoneEntities} me where me.milestone_id = ${milestones.id} and me.entity_id = ${f.plan})`);
  }
  if (f.topic) {
    where.push(sql`exists (select 1 from ${milestoneSources} ms join ${articleTopics} t on t.article_id = ms.article_id
                           where ms.milestone_id = ${milestones.id} and t.topic = ${f.topic})`);
  }
  if (withDates && f.from) where.push(sql`substr(${milestones.date}, 1, ${f.from.length}) >= ${f.from}`);
  if (withDates && f.to) where.push(sql`substr(${milestones.date}, 1, ${f.to.length}) <= ${f.to}`);
  return where;
}

/**
 * Milestones matching the filter, oldest first (`order: "desc"`: newest first), with their entities, regions
 * and sources. `limit`/`offset` take one page in SQL; details are then fetched for that page's ids only.
 */
export function getMilestones({
  db = getDb(),
  filter = {},
  limit,
  offset = 0,
  order = "asc",
  after,
}: {
  db?: Db;
  filter?: TimelineFilter;
  limit?: number;
  offset?: number;
  order?: "asc" | "desc";
  /** Keyset paging (oldest first): only milestones after this one in (date, id) order. */
  after?: { date: string; id: string };
}): MilestoneItem[] {
  const dir = order === "desc" ? desc : asc;
  const rows = db
    .select()
    .from(milestones)
    .where(
      and(
        ...conditions(db, filter, true),
        after ? sql`(${milestones.date} > ${after.date} or (${milestones.date} = ${after.date} and ${milestones.id} > ${after.id}))` : undefined,
      ),
    )
    .orderBy(dir(milestones.date), dir(milestones.id))
    .limit(limit ?? -1)
    .offset(offset)
    .all();
  return attachDetails(db, rows);
}

/**
 * Every milestone matching the filter, oldest first, batch after batch (keyset paging on (date, id): rows written
 * while an export runs neither repeat nor shift a batch). The CSV export streams these.
 */
export async function* milestoneBatches({ db = getDb(), filter = {}, size = 500 }: { db?: Db; filter?: TimelineFilter; size?: number }): AsyncGenerator<MilestoneItem[]> {
  let after: { date: string; id: string } | undefined;
  for (;;) {
    const batch = getMilestones({ db, filter, limit: size, after });
    if (batch.length > 0) yield batch;
    if (batch.length < size) return;
    const last = batch[batch.length - 1]!;
    after = { date: last.date!, id: last.id };
  }
}

/** How many milestones match the filter (the timeline's "N hidden" line compares two of these). */
export function getMilestoneCount({ db = getDb(), filter = {} }: { db?: Db; filter?: TimelineFilter }): number {
  return db.select({ n: sql<number>`count(*)` }).from(milestones).where(and(...conditions(db, filter, true))).get()?.n ?? 0;
}

/** The most recent milestones, newest first (the landing page). */
export function getLatestMilestones({ db = getDb(), limit = 4, offtopic = false }: { db?: Db; limit?: number; offtopic?: boolean } = {}): MilestoneItem[] {
  // Recent events that happened: targets are not news of the day.
  const where = and(onTimeline, eq(milestones.status, "done"), offtopic ? undefined : reportedByShownArticle());
  const rows = db.select().from(milestones).where(where).orderBy(desc(milestones.date), asc(milestones.id)).limit(limit).all();
  return attachDetails(db, rows);
}

/** Concerning any of the entities (or, for regions, located in them): entity pages and cards. */
function entityScope(ids: string[], regionIds: string[]): SQL {
  const parts: SQL[] = [];
  if (ids.length > 0) parts.push(sql`exists (select 1 from ${milestoneEntities} me where me.milestone_id = ${milestones.id} and me.entity_id in ${ids})`);
  if (regionIds.length > 0) parts.push(milestoneRegionCondition(regionIds));
  return sql`(${sql.join(parts, sql` or `)})`;
}

type EntityMilestoneQuery = {
  db?: Db;
  ids: string[];
  regionIds?: string[];
  limit?: number;
  /** Rows skipped before the page (with `limit`: one page of a long list, e.g. a province's targets). */
  offset?: number;
  order?: "asc" | "desc";
  status?: MilestoneStatus;
  subjectIds?: string[];
};

/**
 * Milestones concerning any of the entities (or, for regions, located in them), oldest first (`order: "desc"`:
 * newest first). `limit` bounds the page in SQL; `status`/`subjectIds` narrow it (an entity page's targets
 * and the done events that may fulfil them, without fetching every milestone of a province).
 */
export function getMilestonesByEntityIds(q: EntityMilestoneQuery): MilestoneItem[] {
  return attachDetails(q.db ?? getDb(), getMilestoneRowsByEntityIds(q));
}

/**
 * getMilestonesByEntityIds' rows without their entities, regions and sources (a few queries per milestone, some
 * reported by 200 articles): for what reads the rows alone, e.g. the done events that may meet an entity's targets.
 */
export function getMilestoneRowsByEntityIds({
  db = getDb(),
  ids,
  regionIds = [],
  limit,
  offset = 0,
  order = "asc",
  status,
  subjectIds,
}: EntityMilestoneQuery): MilestoneRow[] {
  if (ids.length === 0 && regionIds.length === 0) return [];
  if (subjectIds && subjectIds.length === 0) return [];
  const dir = order === "desc" ? desc : asc;
  return db
    .select()
    .from(milestones)
    .where(
      and(
        onTimeline,
        entityScope(ids, regionIds),
        status ? eq(milestones.status, status) : undefined,
        subjectIds ? inArray(milestones.subjectId, subjectIds) : undefined,
      ),
    )
    .orderBy(dir(milestones.date), dir(milestones.id))
    .limit(limit ?? -1)
    .offset(offset)
    .all();
}

/** How many timeline milestones concern the entities (an aggregate: entity cards and page headers), of one status if given. */
export function countMilestonesByEntityIds({ db = getDb(), ids, regionIds = [], status }: { db?: Db; ids: string[]; regionIds?: string[]; status?: MilestoneStatus }): number {
  if (ids.length === 0 && regionIds.length === 0) return 0;
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(milestones)
      .where(and(onTimeline, entityScope(ids, regionIds), status ? eq(milestones.status, status) : undefined))
      .get()?.n ?? 0
  );
}

/** Milestones reported by one article. */
export function getMilestonesByArticleId({ db = getDb(), articleId }: { db?: Db; articleId: string }): MilestoneItem[] {
  const rows = db
    .select()
    .from(milestones)
    .where(sql`exists (select 1 from ${milestoneSources} ms where ms.milestone_id = ${milestones.id} and ms.article_id = ${articleId})`)
    .orderBy(sql`${milestones.date} is null`, asc(milestones.date))
    .all();
  return attachDetails(db, rows);
}

export type MilestoneRow = typeof milestones.$inferSelect;

/** Ids per detail query: one page is one batch; a full export (CSV) goes batch by batch, never one query per row. */
const DETAIL_BATCH = 500;

function attachDetails(db: Db, rows: MilestoneRow[]): MilestoneItem[] {
  if (rows.length <= DETAIL_BATCH) return attachBatch(db, rows);
  const out: MilestoneItem[] = [];
  for (let i = 0; i < rows.length; i += DETAIL_BATCH) out.push(...attachBatch(db, rows.slice(i, i + DETAIL_BATCH)));
  return out;
}

function groupBy<T extends { milestoneId: string }>(list: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const g = out.get(x.milestoneId);
    if (g) g.push(x);
    else out.set(x.milestoneId, [x]);
  }
  return out;
}

function attachBatch(db: Db, rows: MilestoneRow[]): MilestoneItem[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const ents = db
    .select({ milestoneId: milestoneEntities.milestoneId, id: entities.id, kind: entities.kind, slug: entities.slug, name: entities.name, regionId: entities.regionId })
    .from(milestoneEntities)
    .innerJoin(entities, eq(entities.id, milestoneEntities.entityId))
    .where(inArray(milestoneEntities.milestoneId, ids))
    .orderBy(entities.kind, entities.name)
    .all();
  const srcs = db
    .select({
      milestoneId: milestoneSources.milestoneId,
      articleId: milestoneSources.articleId,
      title: articles.title,
      site: articles.site,
      published: articles.published,
      paragraph: milestoneSources.paragraph,
      event: milestoneSources.event,
      sentence: milestoneSources.sentence,
    })
    .from(milestoneSources)
    .innerJoin(articles, eq(articles.id, milestoneSources.articleId))
    .where(inArray(milestoneSources.milestoneId, ids))
    .orderBy(articles.published)
    .all();
  // Every region the milestone is located in (own, of a located entity, of a source paragraph): milestone_places.
  const places = db
    .select({ milestoneId: milestonePlaces.milestoneId, id: entities.id, kind: entities.kind, slug: entities.slug, name: entities.name })
    .from(milestonePlaces)
    .innerJoin(entities, and(eq(entities.id, milestonePlaces.regionId), eq(entities.kind, "region")))
    .where(inArray(milestonePlaces.milestoneId, ids))
    .all();
  const regionByKey = new Map(places.map((r) => [r.id, pick(r)] as const));

  const entsBy = groupBy(ents);
  const srcsBy = groupBy(srcs);
  const placesBy = groupBy(places);
  return rows.map((m) => {
    const own = entsBy.get(m.id) ?? [];
    const regions = new Map<string, EntityRef>();
    for (const e of own) {
      if (e.kind === "region") regions.set(e.id, pick(e));
      const r = e.regionId ? regionByKey.get(e.regionId) : undefined;
      if (r) regions.set(r.id, r);
    }
    // Own regions first, then those of located entities, then the source paragraphs' (the order they are listed in).
    for (const r of placesBy.get(m.id) ?? []) regions.set(r.id, pick(r));
    const sources = new Map<string, MilestoneSource>();
    for (const s of srcsBy.get(m.id) ?? []) if (!sources.has(s.articleId)) sources.set(s.articleId, s);
    return {
      ...m,
      entities: own.filter((e) => e.kind !== "region").map(pick),
      regions: [...regions.values()],
      sources: [...sources.values()].map(({ articleId, title, site, paragraph, event, sentence }) => ({ articleId, title, site, paragraph, event, sentence })),
    };
  });
}

function pick(e: EntityRef): EntityRef {
  return { id: e.id, kind: e.kind, slug: e.slug, name: e.name };
}

/** Milestone counts per year under the filter's region/topic/plan (not its dates): the clickable overview. */
export function getMilestoneYearCounts({ db = getDb(), filter = {} }: { db?: Db; filter?: TimelineFilter }): { year: string; count: number }[] {
  const year = sql<string>`substr(${milestones.date}, 1, 4)`;
  return db
    .select({ year, count: sql<number>`count(*)` })
    .from(milestones)
    .where(and(...conditions(db, filter, false)))
    .groupBy(year)
    .orderBy(year)
    .all();
}

export interface TimelineOptions {
  regions: (EntityRef & { path: string[] | null })[];
  plans: EntityRef[];
  topics: string[];
}

/**
 * The values the timeline can be filtered by: only those some milestone actually has. Every /timeline render shows
 * them and they read every milestone source: computed once per state of the database (db/memo.ts).
 */
export function getTimelineOptions({ db = getDb() }: { db?: Db } = {}): TimelineOptions {
  return memoUntilWrite(db, "timeline-options", () => computeTimelineOptions({ db }));
}

/** getTimelineOptions computed afresh. */
export function computeTimelineOptions({ db = getDb() }: { db?: Db } = {}): TimelineOptions {
  const plans = db
    .selectDistinct({ id: entities.id, kind: entities.kind, slug: entities.slug, name: entities.name })
    .from(milestoneEntities)
    .innerJoin(entities, eq(entities.id, milestoneEntities.entityId))
    .where(eq(entities.kind, "plan"))
    .orderBy(entities.name)
    .all();
  const topics = db
    .selectDistinct({ topic: articleTopics.topic })
    .from(milestoneSources)
    .innerJoin(articleTopics, eq(articleTopics.articleId, milestoneSources.articleId))
    .orderBy(articleTopics.topic)
    .all()
    .map((t) => t.topic);
  // Regions some milestone is located in (the three ways of milestoneRegionCondition, in milestone_places), plus
  // every region containing them, so 浙江 and 示范区 can be picked when only 嘉善 is named.
  const located = db.selectDistinct({ id: milestonePlaces.regionId }).from(milestonePlaces).all();
  const used = new Set(located.flatMap((r) => regionContainers(r.id)));
  const regions = getRegions({ db })
    .filter((r) => used.has(r.id))
    .map((r) => ({ id: r.id, kind: "region" as const, slug: r.slug, name: r.name, path: r.path }))
    .sort((a, b) => (a.path ?? [a.name]).join("/").localeCompare((b.path ?? [b.name]).join("/"), "zh-CN"));
  return { regions, plans, topics };
}

