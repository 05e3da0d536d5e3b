import "server-only";
import { and, count, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { regionDescendants } from "@/lib/extract/regions";
import { getDb, type Db } from "../client";
import { figureColumns, type ArticleFigure } from "./articles";
import { articles, entities, figures, mentions, paragraphs, type Entity } from "../schema";

/** Kinds that have a page of their own (dates are shown inline, not as pages). */
export const PAGE_KINDS = ["plan", "project", "organization", "region"] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export type EntityRef = Pick<Entity, "id" | "kind" | "slug" | "name">;

export function getEntityByKindAndSlug({ db = getDb(), kind, slug }: { db?: Db; kind: string; slug: string }): Entity | undefined {
  return db.select().from(entities).where(and(eq(entities.kind, kind as Entity["kind"]), eq(entities.slug, slug))).get();
}

export function getEntitiesByIds({ db = getDb(), ids }: { db?: Db; ids: string[] }): Entity[] {
  if (ids.length === 0) return [];
  return db.select().from(entities).where(inArray(entities.id, ids)).all();
}

export type RegionNode = Pick<Entity, "id" | "slug" | "name" | "type" | "parentId" | "path">;

/** Every region entity (a few hundred at most): the tree is resolved in memory. */
export function getRegions({ db = getDb() }: { db?: Db } = {}): RegionNode[] {
  return db
    .select({ id: entities.id, slug: entities.slug, name: entities.name, type: entities.type, parentId: entities.parentId, path: entities.path })
    .from(entities)
    .where(eq(entities.kind, "region"))
    .all();
}

/** Region ids may be stored bare (gazetteer id) or as `region:<slug>`; compare them the same way. */
function regionKey(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.startsWith("region:") ? id : `region:${id}`;
}

function isPathPrefix(prefix: string[] | null, path: string[] | null): boolean {
  if (!prefix || !path || prefix.length === 0 || prefix.length > path.length) return false;
  return prefix.every((name, i) => path[i] === name);
}

/**
 * The region and every region below it, as entity ids. A region is below another when its parent
 * chain reaches it, or (for parents that never appear as entities) when its name path extends the other's.
 */
export function regionSubtreeIds(regions: RegionNode[], rootId: string): string[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const root = byId.get(rootId);
  // The gazetteer knows zone membership (一体化示范区 = 青浦 + 吴江 + 嘉善), which parent links cannot express.
  const inZone = regionDescendants(rootId.replace(/^region:/, "")).map((r) => `region:${r}`);
  const out = new Set<string>([rootId, ...inZone.filter((id) => byId.has(id))]);
  for (const r of regions) {
    if (root && isPathPrefix(root.path, r.path)) out.add(r.id);
    const seen = new Set<string>();
    let cur: RegionNode | undefined = r;
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      if (cur.id === rootId) {
        out.add(r.id);
        break;
      }
      const parent = regionKey(cur.parentId);
      cur = parent ? byId.get(parent) : undefined;
    }
  }
  return [...out];
}

/** Ancestors from the root down to (excluding) the region; names without an entity row get no id. */
export function regionAncestorsOf(regions: RegionNode[], region: RegionNode): { id: string | null; name: string }[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const byPath = new Map(regions.filter((r) => r.path).map((r) => [r.path!.join("/"), r]));
  const path = region.path ?? [];
  const chain: { id: string | null; name: string }[] = [];
  for (let i = 0; i < path.length - 1; i++) {
    const hit = byPath.get(path.slice(0, i + 1).join("/"));
    chain.push({ id: hit?.id ?? null, name: path[i]! });
  }
  if (chain.length === 0) {
    // No path stored: follow parent links instead.
    const seen = new Set<string>();
    let parent = regionKey(region.parentId);
    while (parent && !seen.has(parent)) {
      seen.add(parent);
      const p = byId.get(parent);
      if (!p) break;
      chain.unshift({ id: p.id, name: p.name });
      parent = regionKey(p.parentId);
    }
  }
  return chain;
}

export function regionChildrenOf(regions: RegionNode[], region: RegionNode): RegionNode[] {
  return regions
    .filter((r) => r.id !== region.id && (regionKey(r.parentId) === region.id || (region.path && r.path && r.path.length === region.path.length + 1 && isPathPrefix(region.path, r.path))))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

export interface ArticleListItem {
  id: string;
  title: string;
  published: string | null;
  publishedPrecision: "day" | "month" | "year" | null;
  site: string | null;
  mentionCount: number;
}

/** Articles mentioning any of the entities (near-duplicates folded into their twin), most mentions first. */
export function getArticlesByEntityIds({ db = getDb(), ids, limit = 200 }: { db?: Db; ids: string[]; limit?: number }): ArticleListItem[] {
  if (ids.length === 0) return [];
  const n = count(mentions.id);
  return db
    .select({
      id: articles.id,
      title: articles.title,
      published: articles.published,
      publishedPrecision: articles.publishedPrecision,
      site: articles.site,
      mentionCount: n,
    })
    .from(mentions)
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .where(and(inArray(mentions.entityId, ids), isNull(articles.duplicateOf)))
    .groupBy(articles.id)
    .orderBy(desc(n), desc(articles.published))
    .limit(limit)
    .all();
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
  publishedPrecision: "day" | "month" | "year" | null;
};

/** Figures reported about the entities, oldest article first (the order a chart reads them). */
export function getFiguresByEntityIds({ db = getDb(), ids }: { db?: Db; ids: string[] }): FigureItem[] {
  if (ids.length === 0) return [];
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
    .where(and(inArray(figures.entityId, ids), isNull(articles.duplicateOf)))
    .orderBy(sql`${articles.published} is null`, articles.published, figures.id)
    .all();
}

/** Projects and organizations located in any of the regions. */
export function getEntitiesByRegionIds({ db = getDb(), regionIds }: { db?: Db; regionIds: string[] }): EntityRef[] {
  if (regionIds.length === 0) return [];
  const bare = regionIds.map((id) => id.replace(/^region:/, ""));
  return db
    .select({ id: entities.id, kind: entities.kind, slug: entities.slug, name: entities.name })
    .from(entities)
    .where(and(inArray(entities.regionId, [...regionIds, ...bare]), ne(entities.kind, "region")))
    .orderBy(entities.kind, entities.name)
    .all();
}

export interface EntityWithCount extends EntityRef {
  articleCount: number;
}

/** The most-mentioned entities of a kind, for overview lists. */
export function getTopEntitiesByKind({ db = getDb(), kind, limit = 50 }: { db?: Db; kind: Entity["kind"]; limit?: number }): EntityWithCount[] {
  const n = sql<number>`count(distinct ${mentions.articleId})`;
  return db
    .select({ id: entities.id, kind: entities.kind, slug: entities.slug, name: entities.name, articleCount: n })
    .from(entities)
    .innerJoin(mentions, eq(mentions.entityId, entities.id))
    .where(eq(entities.kind, kind))
    .groupBy(entities.id)
    .orderBy(desc(n), entities.name)
    .limit(limit)
    .all();
}
