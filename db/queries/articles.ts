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
 * Read from the covering index articles_shown: left to itself SQLite takes the primary key and reads the row, whose
 * relevance and low_quality come after the body (its overflow pages walked for every milestone source checked).
 */
export function shownArticle(articleId: SQL | AnyColumn): SQL {
  return sql`exists (select 1 from ${articles} indexed by articles_shown where ${articles.id} = ${articleId} and ${isShownArticle})`;
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
  const shared = sql<number>`count(distinct ${mentions.entityId})`;
  const rows = db
    .select({ ...summaryColumns, shared, names: sql<string>`group_concat(distinct ${entities.name})` })
    .from(mentions)
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .innerJoin(entities, eq(entities.id, mentions.entityId))
    .where(
      and(
        inArray(mentions.entityId, own),
        ne(mentions.articleId, id),
        sql`${articles.duplicateOf} is null`,
        sql`coalesce(${articles.id}, '') <> coalesce((select duplicate_of from articles where id = ${id}), '')`,
      ),
    )
    .groupBy(articles.id)
    .orderBy(desc(shared), desc(articles.published))
    .limit(limit)
    .all();
  return rows.map(({ names, ...r }) => ({ ...r, sharedNames: (names ?? "").split(",").filter(Boolean).slice(0, 6) }));
}
