import "server-only";
import { and, asc, desc, eq, getTableColumns, inArray, ne, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { RELEVANCE_THRESHOLD } from "@/lib/extract/relevance";
import { articles, articleTopics, entities, figures, mentions, paragraphs, type Article, type Entity, type FigureRow } from "../schema";

/**
 * An article shown by default: about 长三角一体化 (relevance at or above the threshold, or not scored yet: rows
 * from before the score existed, until their re-ingest) and not word-spun. On a query that joins `articles`.
 */
export const isShownArticle: SQL = sql`((${articles.relevance} is null or ${articles.relevance} >= ${RELEVANCE_THRESHOLD}) and ${articles.lowQuality} = 0)`;

/**
 * The article with this id is shown by default (isShownArticle, as a subquery: the inner `articles` is the nearest).
 * Read from the covering index articles_cover: left to itself SQLite takes the primary key and reads the row, whose
 * relevance and low_quality come after the body (its overflow pages walked for every milestone source checked).
 */
export function shownArticle(articleId: SQL | AnyColumn): SQL {
  return sql`exists (select 1 from ${articles} indexed by articles_cover where ${articles.id} = ${articleId} and ${isShownArticle})`;
}

/** A figure's own columns (its article is known from the context it is read in). */
const { articleId: _articleId, ...figureColumns } = getTableColumns(figures);
export { figureColumns };

export interface ArticleMention {
  id: number;
  entityId: string;
  kind: Entity["kind"];
  slug: string;
  name: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  value: string | null;
  precision: string | null;
}

export type ArticleFigure = Omit<FigureRow, "articleId">;

export interface ArticleSummary {
  id: string;
  title: string;
  published: string | null;
  publishedPrecision: Article["publishedPrecision"];
  site: string | null;
  url: string | null;
}

export interface ArticleDetail {
  article: Article;
  paragraphs: { idx: number; text: string; original: string }[];
  mentions: ArticleMention[];
  figures: ArticleFigure[];
  topics: { topic: string; score: number }[];
  /** The article this one is a near-duplicate of, if any. */
  duplicateOf: ArticleSummary | null;
  /** Other articles reporting the same text (twins of this one or of its original). */
  twins: ArticleSummary[];
}

const summaryColumns = {
  id: articles.id,
  title: articles.title,
  published: articles.published,
  publishedPrecision: articles.publishedPrecision,
  site: articles.site,
  url: articles.url,
};

/** An article's title alone (a page's <title>: the page itself reads the whole article once). */
export function getArticleTitle({ db = getDb(), id }: { db?: Db; id: string }): string | null {
  return db.select({ title: articles.title }).from(articles).where(eq(articles.id, id)).get()?.title ?? null;
}

export function getArticleById({ db = getDb(), id }: { db?: Db; id: string }): ArticleDetail | null {
  const article = db.select().from(articles).where(eq(articles.id, id)).get();
  if (!article) return null;
  const paras = db
    .select({ idx: paragraphs.idx, text: paragraphs.text, original: paragraphs.original })
    .from(paragraphs)
    .where(eq(paragraphs.articleId, id))
    .orderBy(asc(paragraphs.idx))
    .all();
  const ments = db
    .select({
      id: mentions.id,
      entityId: mentions.entityId,
      kind: entities.kind,
      slug: entities.slug,
      name: entities.name,
      paragraph: mentions.paragraph,
      start: mentions.start,
      end: mentions.end,
      text: mentions.text,
      value: mentions.value,
      precision: mentions.precision,
    })
    .from(mentions)
    .innerJoin(entities, eq(entities.id, mentions.entityId))
    .where(eq(mentions.articleId, id))
    .orderBy(asc(mentions.paragraph), asc(mentions.start))
    .all();
  const figs = db
    .select(figureColumns)
    .from(figures)
    .where(eq(figures.articleId, id))
    .orderBy(asc(figures.paragraph), asc(figures.id))
    .all();
  const topics = db
    .select({ topic: articleTopics.topic, score: articleTopics.score })
    .from(articleTopics)
    .where(eq(articleTopics.articleId, id))
    .orderBy(desc(articleTopics.score))
    .all();
  const duplicateOf = article.duplicateOf
    ? (db.select(summaryColumns).from(articles).where(eq(articles.id, article.duplicateOf)).get() ?? null)
    : null;
  const rootId = article.duplicateOf ?? article.id;
  const twins = db
    .select(summaryColumns)
    .from(articles)
    .where(and(or(eq(articles.duplicateOf, rootId), eq(articles.id, rootId)), ne(articles.id, article.id)))
    .orderBy(asc(articles.published))
    .all()
    .filter((t) => t.id !== duplicateOf?.id);
  return { article, paragraphs: paras, mentions: ments, figures: figs, topics, duplicateOf, twins };
}

export interface RelatedArticle extends ArticleSummary {
  shared: number;
  sharedNames: string[];
}

/** Articles sharing the most entities (dates excluded: sharing "2023年" says nothing) with this one. */
export function getRelatedArticlesById({ db = getDb(), id, limit = 5 }: { db?: Db; id: string; limit?: number }): RelatedArticle[] {
  const own = db
    .selectDistinct({ entityId: mentions.entityId })
    .from(mentions)
    .innerJoin(entities, eq(entities.id, mentions.entityId))
    .where(and(eq(mentions.articleId, id), ne(entities.kind, "date")))
    .all()
    .map((r) => r.entityId);
  if (own.length === 0) return [];
  // Ranked on the mentions alone (the covering index (entity_id, article_id)), then one index lookup per candidate
  // article (articles_cover: duplicate_of and published without reading the row), then the winners' columns and names.
  const ownJson = JSON.stringify(own);
  const ranked = db.all<{ id: string; shared: number }>(sql`
    select c.article_id as id, c.shared as shared
    from (select article_id, count(distinct entity_id) as shared from ${mentions}
          where entity_id in (select value from json_each(${ownJson})) and article_id <> ${id} group by article_id) c
    join ${articles} indexed by articles_cover on ${articles.id} = c.article_id
    where ${articles.duplicateOf} is null and ${articles.id} <> coalesce((select a2.duplicate_of from ${articles} a2 where a2.id = ${id}), '')
    order by c.shared desc, ${articles.published} desc, c.article_id
    limit ${limit}`);
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.id);
  const summaries = new Map(db.select(summaryColumns).from(articles).where(inArray(articles.id, ids)).all().map((r) => [r.id, r] as const));
  const names = new Map(
    db
      .all<{ id: string; names: string | null }>(sql`
        select m.article_id as id, group_concat(distinct e.name) as names from ${mentions} m join ${entities} e on e.id = m.entity_id
        where m.article_id in (select value from json_each(${JSON.stringify(ids)})) and m.entity_id in (select value from json_each(${ownJson}))
        group by m.article_id`)
      .map((r) => [r.id, r.names] as const),
  );
  return ranked.map(({ id: rid, shared }) => ({ ...summaries.get(rid)!, shared, sharedNames: (names.get(rid) ?? "").split(",").filter(Boolean).slice(0, 6) }));
}
