import { sql, type InferInsertModel, type InferSelectModel } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ALIAS_STATUSES } from "../lib/domain/aliases";
import { DATE_PRECISIONS } from "../lib/domain/dates";
import { ENTITY_KIND_IDS } from "../lib/domain/kinds";
import { MILESTONE_STATUSES } from "../lib/domain/milestones";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const articles = sqliteTable(
  "articles",
  {
    /**
     * First 12 hex chars of sha256(url ?? contentHash): stable across rebuilds. A second file with the same URL (or
     * body) gets its own row (lib/ingest/record.ts resolveArticleId), so the URL is not unique.
     */
    id: text("id").primaryKey(),
    url: text("url"),
    /** sha256 of the normalized body: the key when there is no URL, and the change detector. */
    contentHash: text("content_hash").notNull(),
    /** sha256 of everything derived from the page (article + extraction): unchanged input and code → unchanged row. */
    recordHash: text("record_hash").notNull(),
    /** 64-bit SimHash of the body shingles, hex, for near-duplicate detection. */
    simhash: text("simhash").notNull(),
    title: text("title").notNull(),
    published: text("published"),
    publishedPrecision: text("published_precision", { enum: DATE_PRECISIONS }),
    publishedText: text("published_text"),
    site: text("site"),
    source: text("source"),
    author: text("author"),
    editor: text("editor"),
    encoding: text("encoding").notNull(),
    body: text("body").notNull(),
    original: text("original").notNull(),
    filePath: text("file_path"),
    fetchedAt: text("fetched_at"),
    /** Set when this article is a near-duplicate of an earlier one (shown once, under its twin). */
    duplicateOf: text("duplicate_of"),
    /** 0–1: how much the article is about 长三角一体化 (lib/extract/relevance.ts); null until the article is re-ingested. */
    relevance: real("relevance"),
    /** Word-spun text (成长 for 发展, 重年夜 for 重大): kept off the default views like an off-topic article. */
    lowQuality: integer("low_quality", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [
    index("articles_content_hash").on(t.contentHash),
    index("articles_published").on(t.published),
    index("articles_url").on(t.url),
    // The columns per-article filters read, by id, without the row: relevance, low_quality and duplicate_of sit after
    // the body in each row, so reading them from the table walks the body's overflow pages (shownArticle for every
    // source of every timeline milestone, related articles for every candidate).
    index("articles_cover").on(t.id, t.lowQuality, t.relevance, t.duplicateOf, t.published),
    // An article's twins (getArticleById).
    index("articles_duplicate_of").on(t.duplicateOf),
  ],
);
export type Article = InferSelectModel<typeof articles>;
export type NewArticle = InferInsertModel<typeof articles>;

/**
 * The near-duplicate index (lib/ingest/dedup.ts lshKeys): LSH band keys of every original article (not of those
 * folded into a twin). A new page is compared only with the articles sharing one of its keys.
 */
export const dedupBands = sqliteTable(
  "dedup_bands",
  {
    key: integer("key").notNull(),
    articleId: text("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.key, t.articleId] }), index("dedup_bands_article").on(t.articleId)],
);

export const paragraphs = sqliteTable(
  "paragraphs",
  {
    articleId: text("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    idx: integer("idx").notNull(),
    text: text("text").notNull(),
    original: text("original").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.idx] })],
);
export type Paragraph = InferSelectModel<typeof paragraphs>;

export const entities = sqliteTable(
  "entities",
  {
    /** `${kind}:${slug}` */
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ENTITY_KIND_IDS }).notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** plan: 规划/方案/计划 …; region: province/city/district/county/town/zone */
    type: text("type"),
    period: text("period"),
    /** region: parent region id. */
    parentId: text("parent_id"),
    /** JSON array of names from the root, e.g. ["浙江","嘉兴","嘉善"]. */
    path: text("path", { mode: "json" }).$type<string[]>(),
    aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** project/organization: region id it belongs to. */
    regionId: text("region_id"),
    /**
     * How sure the extraction is that this is a name: 1 for the data files and regions, lower for a name found only
     * by its suffix (the highest any article gave it). Lists show the sure ones by default.
     */
    confidence: real("confidence").notNull().default(1),
  },
  (t) => [index("entities_kind").on(t.kind)],
);
export type Entity = InferSelectModel<typeof entities>;

export const mentions = sqliteTable(
  "mentions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: text("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    entityId: text("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
    paragraph: integer("paragraph").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    text: text("text").notNull(),
    /** date mentions: resolved value and precision. */
    value: text("value"),
    precision: text("precision", { enum: DATE_PRECISIONS }),
  },
  // (article, paragraph): the article's mentions, and those of one paragraph (a milestone's source paragraph, timeline regions).
  (t) => [index("mentions_article_paragraph").on(t.articleId, t.paragraph), index("mentions_entity").on(t.entityId, t.articleId)],
);
export type Mention = InferSelectModel<typeof mentions>;

export const figures = sqliteTable(
  "figures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: text("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    paragraph: integer("paragraph").notNull(),
    text: text("text").notNull(),
    value: real("value").notNull(),
    unit: text("unit").notNull(),
    subject: text("subject"),
    before: real("before"),
    after: real("after"),
    bound: text("bound"),
    /** Plan/project/region the figure is about, when known. */
    entityId: text("entity_id"),
  },
  (t) => [index("figures_article").on(t.articleId), index("figures_entity").on(t.entityId)],
);
export type FigureRow = InferSelectModel<typeof figures>;

export const milestones = sqliteTable(
  "milestones",
  {
    /** Hash of date + action + status + subject (lib/extract milestoneKey): the same event from several articles is one row. */
    id: text("id").primaryKey(),
    /** Null: an undated event, shown on its article only, never on the timeline. */
    date: text("date"),
    precision: text("precision", { enum: DATE_PRECISIONS }),
    /** End of a date range (12月8日至9日). */
    dateEnd: text("date_end"),
    /** Action id of lib/domain/milestones.ts. */
    action: text("action").notNull(),
    /** done: it happened; planned: a target or schedule (`date` its deadline). */
    status: text("status", { enum: MILESTONE_STATUSES }).notNull().default("done"),
    /** What the event is about: a known entity's name or the page's words. */
    subject: text("subject"),
    /** The subject's entity id, when it is a known entity. */
    subjectId: text("subject_id"),
    event: text("event").notNull(),
  },
  (t) => [index("milestones_date").on(t.date), index("milestones_subject").on(t.subjectId, t.action)],
);
export type MilestoneRow = InferSelectModel<typeof milestones>;

export const milestoneEntities = sqliteTable(
  "milestone_entities",
  {
    milestoneId: text("milestone_id").notNull().references(() => milestones.id, { onDelete: "cascade" }),
    entityId: text("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
  },
  // (entity, milestone): an entity's milestones (entity pages, and milestone_places when a project's region changes).
  (t) => [primaryKey({ columns: [t.milestoneId, t.entityId] }), index("milestone_entities_entity").on(t.entityId, t.milestoneId)],
);

export const milestoneSources = sqliteTable(
  "milestone_sources",
  {
    milestoneId: text("milestone_id").notNull().references(() => milestones.id, { onDelete: "cascade" }),
    articleId: text("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    paragraph: integer("paragraph").notNull(),
    /** The clause as this article reported it. */
    event: text("event").notNull(),
    /** The whole sentence. */
    sentence: text("sentence"),
  },
  // (article, paragraph): the milestones a paragraph reports (milestone_places when a region mention is added or removed).
  (t) => [primaryKey({ columns: [t.milestoneId, t.articleId, t.paragraph] }), index("milestone_sources_article_paragraph").on(t.articleId, t.paragraph)],
);

/**
 * Where each milestone happens, precomputed: every region it is located in by the three ways of the timeline's region
 * filter (db/queries/timeline.ts): a region among its own entities, the region of a project or organization among
 * them, a region mentioned in a source paragraph. Derived data, kept by SQLite triggers on milestone_entities,
 * milestone_sources, mentions, entities.region_id and milestones (migration 0011: the view milestone_places_derived is
 * the definition, the migration fills the table from it), so no writer has to know about it. A region filter is then one index range per region id instead of
 * three subqueries per milestone.
 */
export const milestonePlaces = sqliteTable(
  "milestone_places",
  {
    milestoneId: text("milestone_id").notNull(),
    regionId: text("region_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.milestoneId, t.regionId] }), index("milestone_places_region").on(t.regionId, t.milestoneId)],
);

/**
 * Counters of changes to tables that the search keeps derived data of in memory, raised by SQLite triggers (migration
 * 0013) on every insert, update or delete, from any connection or process, so a cache is rebuilt exactly when what it
 * read changed, at the cost of reading one row per search:
 * - `search_context`: `entities` and `entity_aliases` (lib/search/query.ts's query context: names, synonyms, the
 *   segmenter's words);
 * - `search_docs`: `search_docs` and `search_facets` (the fallback's facet counts over every document).
 */
export const dataVersions = sqliteTable("data_versions", {
  name: text("name").primaryKey(),
  version: integer("version").notNull().default(0),
});

export const articleTopics = sqliteTable(
  "article_topics",
  {
    articleId: text("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    topic: text("topic").notNull(),
    score: real("score").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.topic] })],
);

/**
 * Aliases the corpus states (以下简称, 简称, 又称, 原名, 即, a parenthesized short form), one row per statement, with
 * its source (article, paragraph, the words as written). `status` is the reviewer's verdict from
 * lib/extract/data/aliases-reviewed.json, applied on ingest: proposed and confirmed aliases are used by search and
 * entity pages, rejected ones are kept only so the reviewer can see them.
 */
export const entityAliases = sqliteTable(
  "entity_aliases",
  {
    entityId: text("entity_id").notNull().references(() => entities.id, { onDelete: "cascade" }),
    alias: text("alias").notNull(),
    articleId: text("article_id").notNull().references(() => articles.id, { onDelete: "cascade" }),
    paragraph: integer("paragraph").notNull(),
    pattern: text("pattern").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: ALIAS_STATUSES }).notNull().default("proposed"),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.alias, t.articleId, t.paragraph] }), index("entity_aliases_alias").on(t.alias)],
);

export const ingestRuns = sqliteTable("ingest_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  startedAt: text("started_at").notNull().default(now),
  finishedAt: text("finished_at"),
  /** running | done | failed | interrupted (killed: its process was gone when a later run started) */
  status: text("status").notNull().default("running"),
  inputs: text("inputs", { mode: "json" }).$type<string[]>().notNull(),
  /** Process that runs it: a `running` row whose process is gone was killed. */
  pid: integer("pid"),
  created: integer("created").notNull().default(0),
  updated: integer("updated").notNull().default(0),
  unchanged: integer("unchanged").notNull().default(0),
  duplicate: integer("duplicate").notNull().default(0),
  failed: integer("failed").notNull().default(0),
});
export type IngestRun = InferSelectModel<typeof ingestRuns>;

export const ingestFailures = sqliteTable("ingest_failures", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  runId: integer("run_id").notNull().references(() => ingestRuns.id, { onDelete: "cascade" }),
  path: text("path").notNull(),
  code: text("code").notNull(),
  reason: text("reason").notNull(),
});

/** What the search index holds: lets `kb index` send only changed articles and delete removed ones. */
export const searchSync = sqliteTable("search_sync", {
  articleId: text("article_id").primaryKey(),
  docHash: text("doc_hash").notNull(),
  indexedAt: text("indexed_at").notNull().default(now),
});
