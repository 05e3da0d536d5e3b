import "server-only";
import { and, desc, inArray, isNull, sql } from "drizzle-orm";
import type { DatePrecision } from "@/lib/domain/dates";
import { getDb, type Db } from "../client";
import { articles, mentions } from "../schema";

/** What one entry of an Atom feed shows about an article. */
export interface FeedArticle {
  id: string;
  title: string;
  published: string | null;
  publishedPrecision: DatePrecision | null;
  site: string | null;
  source: string | null;
  url: string | null;
  /** The start of the body (normalized text). */
  lead: string;
  createdAt: string;
  updatedAt: string;
}

const LEAD_CHARS = 240;

const feedColumns = {
  id: articles.id,
  title: articles.title,
  published: articles.published,
  publishedPrecision: articles.publishedPrecision,
  site: articles.site,
  source: articles.source,
  url: articles.url,
  lead: sql<string>`substr(${articles.body}, 1, ${LEAD_CHARS})`,
  createdAt: articles.createdAt,
  updatedAt: articles.updatedAt,
};

/** The articles with these ids, in the order given (ids that no longer exist are skipped). */
export function getFeedArticlesByIds({ db = getDb(), ids }: { db?: Db; ids: string[] }): FeedArticle[] {
  if (ids.length === 0) return [];
  const rows = db.select(feedColumns).from(articles).where(inArray(articles.id, ids)).all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Articles mentioning any of the entities, newest first (undated ones by when they were stored), twins folded. */
export function getNewestArticlesByEntityIds({ db = getDb(), ids, limit = 50 }: { db?: Db; ids: string[]; limit?: number }): FeedArticle[] {
  if (ids.length === 0) return [];
  const mentioning = db.selectDistinct({ id: mentions.articleId }).from(mentions).where(inArray(mentions.entityId, ids));
  return db
    .select(feedColumns)
    .from(articles)
    .where(and(inArray(articles.id, mentioning), isNull(articles.duplicateOf)))
    .orderBy(sql`${articles.published} is null`, desc(articles.published), desc(articles.createdAt), articles.id)
    .limit(limit)
    .all();
}
