import "server-only";
import { and, desc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { DatePrecision } from "@/lib/domain/dates";
import type { SeriesCount } from "@/lib/domain/indicators";
import { getDb, type Db } from "../client";
import { figureColumns, isShownArticle, type ArticleFigure } from "./articles";
import { articles, entities, figures, mentions, paragraphs, type Entity } from "../schema";

export type EntityRef = Pick<Entity, "id" | "kind" | "slug" | "name">;

export function getEntityByKindAndSlug({ db = getDb(), kind, slug }: { db?: Db; kind: string; slug: string }): Entity | undefined {
  return db.select().from(entities).where(and(eq(entities.kind, kind as Entity["kind"]), eq(entities.slug, slug))).get();
}

export function getEntityExists({ db = getDb(), id }: { db?: Db; id: string }): boolean {
  return db.select({ id: entities.id }).from(entities).where(eq(entities.id, id)).get() !== undefined;
}

export function getEntitiesByIds({ db = getDb(), ids }: { db?: Db; ids: string[] }): Entity[] {
  if (ids.length === 0) return [];
  return db.select().from(entities).where(inArray(entities.id, ids)).all();
}

export type RegionNode = Pick<Entity, "id" | "slug" | "name" | "type" | "parentId" | "path">;

/** Every region entity (names and paths for option lists; the hierarchy itself is lib/domain/regions). */
export function getRegions({ db = getDb() }: { db?: Db } = {}): RegionNode[] {
  return db
    .select({ id: entities.id, slug: entities.slug, name: entities.name, type: entities.type, parentId: entities.parentId, path: entities.path })
    .from(entities)
    .where(eq(entities.kind, "region"))
    .all();
}

export interface ArticleListItem {
  id: string;
  title: string;
  published: string | null;
  publishedPrecision: DatePrecision | null;
  site: string | null;
  mentionCount: number;
}

/** Articles mentioning any of the entities (near-duplicates folded into their twin), most mentions first. */
export function getArticlesByEntityIds({ db = getDb(), ids, limit = 200 }: { db?: Db; ids: string[]; limit?: number }): ArticleListItem[] {
  return getArticlePageByEntityIds({ db, ids, limit }).items;
}

/**
 * One page of the articles mentioning any of the entities (getArticlesByEntityIds' order), and how many there are
 * in all (0 when `offset` is past the end: the caller asks for the last page then).
 */
export function getArticlePageByEntityIds({ db = getDb(), ids, limit, offset = 0 }: { db?: Db; ids: string[]; limit: number; offset?: number }): { items: ArticleListItem[]; total: number } {
  if (ids.length === 0) return { items: [], total: 0 };
  // Mentions counted per article on the covering index (entity_id, article_id), then one covering-index lookup per
  // article (articles_cover: duplicate_of and published without reading the row), then the page's rows' columns.
  const ranked = db.all<{ id: string; mentionCount: number; total: number }>(sql`
    select c.article_id as id, c.n as mentionCount, count(*) over () as total
    from (select article_id, count(*) as n from ${mentions} where entity_id in (select value from json_each(${JSON.stringify(ids)})) group by article_id) c
    join ${articles} indexed by articles_cover on ${articles.id} = c.article_id
    where ${articles.duplicateOf} is null
    order by c.n desc, ${articles.published} desc, c.article_id
    limit ${limit} offset ${offset}`);
  if (ranked.length === 0) return { items: [], total: 0 };
  const rows = new Map(
    db
      .select({ id: articles.id, title: articles.title, published: articles.published, publishedPrecision: articles.publishedPrecision, site: articles.site })
      .from(articles)
      .where(inArray(articles.id, ranked.map((r) => r.id)))
      .all()
      .map((r) => [r.id, r] as const),
  );
  return { items: ranked.map((r) => ({ ...rows.get(r.id)!, mentionCount: r.mentionCount })), total: ranked[0]!.total };
}

export interface MentionRow {
  articleId: string;
  articleTitle: string;
  published: string | null;
  entityId: string;
  entityName: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  /** The paragraph around the mention (up to 60 characters each side). */
  context: string;
}

/** Every mention of the entities, with the sentence around it, for the JSON/CSV export. */
export function getMentionsByEntityIds({ db = getDb(), ids }: { db?: Db; ids: string[] }): MentionRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({
      articleId: mentions.articleId,
      articleTitle: articles.title,
      published: articles.published,
      entityId: mentions.entityId,
      entityName: entities.name,
      paragraph: mentions.paragraph,
      start: mentions.start,
      end: mentions.end,
      text: mentions.text,
      paragraphText: paragraphs.text,
    })
    .from(mentions)
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .innerJoin(entities, eq(entities.id, mentions.entityId))
    .leftJoin(paragraphs, and(eq(paragraphs.articleId, mentions.articleId), eq(paragraphs.idx, mentions.paragraph)))
    .where(inArray(mentions.entityId, ids))
    .orderBy(desc(articles.published), mentions.articleId, mentions.paragraph, mentions.start)
    .all();
  return rows.map(({ paragraphText, ...r }) => ({
    ...r,
    context: paragraphText ? paragraphText.slice(Math.max(0, r.start - 60), r.end + 60) : r.text,
  }));
}

export type FigureItem = ArticleFigure & {
  articleId: string;
  articleTitle: string;
  published: string | null;
  publishedPrecision: DatePrecision | null;
};

/** Figures of the entities whose article (joined) is no near-duplicate: its twin reports them. */
function figureScope(ids: string[]): SQL {
  return sql`${figures.entityId} in (select value from json_each(${JSON.stringify(ids)})) and ${articles.duplicateOf} is null`;
}

/**
 * `articles` read on its covering index (duplicate_of, published) without the row. Left to itself SQLite walks
 * articles_duplicate_of, i.e. every original article's row, to join a province's figures (36 ms instead of 6).
 */
const articlesCover = sql`${articles} indexed by articles_cover`;

/** Report order: oldest article first, undated articles last, then the figure's id (the order a chart reads them). */
const figureOrder = sql.join([sql`${articles.published} is null`, sql`${articles.published}`, sql`${figures.id}`], sql`, `);

/**
 * Figures reported about the entities, oldest article first (the order a chart reads them); `limit`: the first ones
 * only; `series`: those of these (subject, unit) pairs only, each pair's latest `perSeries` (in the same order).
 */
export function getFiguresByEntityIds({
  db = getDb(),
  ids,
  limit = -1,
  series,
  perSeries = -1,
}: {
  db?: Db;
  ids: string[];
  limit?: number;
  series?: { subject: string; unit: string }[];
  perSeries?: number;
}): FigureItem[] {
  if (ids.length === 0 || series?.length === 0) return [];
  // The figures are chosen on the covering indexes (figures_entity, articles_cover), then only theirs rows are read.
  const chosen = series
    ? sql`select id from (select ${figures.id} as id, row_number() over (partition by ${figures.subject}, ${figures.unit}
            order by ${articles.published} is null desc, ${articles.published} desc, ${figures.id} desc) as rn
          from ${figures} join ${articlesCover} on ${articles.id} = ${figures.articleId}
          where ${figureScope(ids)}
            and ${figures.subject} || char(31) || ${figures.unit} in (select value from json_each(${JSON.stringify(series.map((x) => `${x.subject}\x1f${x.unit}`))})))
        where rn <= ${perSeries} or ${perSeries} < 0`
    : sql`select ${figures.id} from ${figures} join ${articlesCover} on ${articles.id} = ${figures.articleId}
        where ${figureScope(ids)} order by ${figureOrder} limit ${limit}`;
  return db
    .select({
      ...figureColumns,
      articleId: figures.articleId,
      articleTitle: articles.title,
      published: articles.published,
      publishedPrecision: articles.publishedPrecision,
    })
    .from(figures)
    .innerJoin(articles, eq(articles.id, figures.articleId))
    .where(sql`${figures.id} in (${chosen})`)
    .orderBy(figureOrder)
    .all();
}

/**
 * Every figure of the entities by the plain join the entity page used before (SQLite walks every original article's
 * row): getFiguresByEntityIds' reference, kept for the test that compares them and for `npm run bench:page-cpu`.
 */
export function getFiguresByEntityIdsJoined({ db = getDb(), ids }: { db?: Db; ids: string[] }): FigureItem[] {
  if (ids.length === 0) return [];
  return db
    .select({ ...figureColumns, articleId: figures.articleId, articleTitle: articles.title, published: articles.published, publishedPrecision: articles.publishedPrecision })
    .from(figures)
    .innerJoin(articles, eq(articles.id, figures.articleId))
    .where(and(inArray(figures.entityId, ids), isNull(articles.duplicateOf)))
    .orderBy(figureOrder)
    .all();
}

/** The entities' figures counted per (subject, unit) pair, in report order of each pair's first figure: an aggregate. */
export function getFigureSeriesCounts({ db = getDb(), ids }: { db?: Db; ids: string[] }): SeriesCount[] {
  if (ids.length === 0) return [];
  return db.all<SeriesCount>(sql`
    select subject, unit, count(*) as figures, count(before) as withBefore, min(pos) as first
    from (select ${figures.subject} as subject, ${figures.unit} as unit, ${figures.before} as before,
            row_number() over (order by ${figureOrder}) - 1 as pos
          from ${figures} join ${articlesCover} on ${articles.id} = ${figures.articleId}
          where ${figureScope(ids)})
    group by subject, unit
    order by first`);
}

/** Projects and organizations located in any of the regions. */
export function getEntitiesByRegionIds({ db = getDb(), regionIds }: { db?: Db; regionIds: string[] }): EntityRef[] {
  if (regionIds.length === 0) return [];
  return db
    .select({ id: entities.id, kind: entities.kind, slug: entities.slug, name: entities.name })
    .from(entities)
    .where(and(inArray(entities.regionId, regionIds), ne(entities.kind, "region")))
    .orderBy(entities.kind, entities.name)
    .all();
}

export interface EntityWithCount extends EntityRef {
  articleCount: number;
  /** Sure enough to list by default: from the data files or confirmed by a second article. */
  sure: boolean;
}

/** A name is sure when its stored confidence is high or two articles name it. */
const SURE = 0.7;

/**
 * The most-mentioned entities of a kind, for overview lists: by default only the sure ones (a name found by its
 * suffix in a single article may be a sentence fragment); `all` lists the rest too, and `hidden` counts them.
 * Mentions in off-topic or word-spun articles (isShownArticle) count only with `offtopic`; `offtopicHidden`
 * counts the entities they alone would add.
 */
export function getTopEntitiesByKind({
  db = getDb(),
  kind,
  limit = 50,
  all = false,
  offtopic = false,
}: {
  db?: Db;
  kind: Entity["kind"];
  limit?: number;
  all?: boolean;
  offtopic?: boolean;
}): { items: EntityWithCount[]; hidden: number; offtopicHidden: number } {
  const n = sql<number>`count(distinct ${mentions.articleId})`;
  const sure = sql<number>`(${entities.confidence} >= ${SURE} or count(distinct ${mentions.articleId}) >= 2)`;
  const query = (shownOnly: boolean) =>
    db
      .select({ id: entities.id, kind: entities.kind, slug: entities.slug, name: entities.name, articleCount: n, sure })
      .from(entities)
      .innerJoin(mentions, eq(mentions.entityId, entities.id))
      .innerJoin(articles, eq(articles.id, mentions.articleId))
      .where(and(eq(entities.kind, kind), shownOnly ? isShownArticle : undefined))
      .groupBy(entities.id)
      .orderBy(desc(n), entities.name)
      .all()
      .map((r) => ({ ...r, sure: Boolean(r.sure) }));
  const rows = query(!offtopic);
  const visible = (list: EntityWithCount[]) => (all ? list : list.filter((r) => r.sure));
  const shown = visible(rows);
  const other = visible(query(offtopic));
  return { items: shown.slice(0, limit), hidden: rows.length - rows.filter((r) => r.sure).length, offtopicHidden: Math.abs(other.length - shown.length) };
}

/** How many articles (near-duplicates folded into their twin) mention any of the entities. */
export function countArticlesByEntityIds({ db = getDb(), ids }: { db?: Db; ids: string[] }): number {
  if (ids.length === 0) return 0;
  return (
    db
      .select({ n: sql<number>`count(distinct ${articles.id})` })
      .from(mentions)
      .innerJoin(articles, eq(articles.id, mentions.articleId))
      .where(and(inArray(mentions.entityId, ids), isNull(articles.duplicateOf)))
      .get()?.n ?? 0
  );
}
