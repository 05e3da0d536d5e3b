import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { articles, entities, entityAliases } from "../schema";

import type { AliasStatus } from "@/lib/domain/aliases";
export type { AliasStatus };

/** One learned alias with every statement that gave it. */
export interface LearnedAliasRow {
  entityId: string;
  entityName: string;
  alias: string;
  status: AliasStatus;
  sources: { articleId: string; articleTitle: string; paragraph: number; pattern: string; text: string }[];
}

/** Learned aliases that are not rejected, by entity id (search and entity pages use them like data-file aliases). */
export function getUsableLearnedAliases({ db = getDb() }: { db?: Db } = {}): Map<string, string[]> {
  const rows = db
    .selectDistinct({ entityId: entityAliases.entityId, alias: entityAliases.alias })
    .from(entityAliases)
    .where(ne(entityAliases.status, "rejected"))
    .orderBy(asc(entityAliases.entityId), asc(entityAliases.alias))
    .all();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.entityId, [...(out.get(r.entityId) ?? []), r.alias]);
  return out;
}

/** Learned aliases with their sources, optionally of one entity or one status, grouped per (entity, alias). */
export function getLearnedAliases({ db = getDb(), entityId, status }: { db?: Db; entityId?: string; status?: AliasStatus } = {}): LearnedAliasRow[] {
  const conds = [entityId ? eq(entityAliases.entityId, entityId) : undefined, status ? eq(entityAliases.status, status) : undefined].filter((c) => c !== undefined);
  const rows = db
    .select({
      entityId: entityAliases.entityId,
      entityName: entities.name,
      alias: entityAliases.alias,
      status: entityAliases.status,
      articleId: entityAliases.articleId,
      articleTitle: articles.title,
      paragraph: entityAliases.paragraph,
      pattern: entityAliases.pattern,
      text: entityAliases.text,
    })
    .from(entityAliases)
    .innerJoin(entities, eq(entities.id, entityAliases.entityId))
    .innerJoin(articles, eq(articles.id, entityAliases.articleId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(entityAliases.entityId), asc(entityAliases.alias), asc(entityAliases.articleId), asc(entityAliases.paragraph))
    .all();
  const out = new Map<string, LearnedAliasRow>();
  for (const r of rows) {
    const key = `${r.entityId}\u0000${r.alias}`;
    const row = out.get(key) ?? { entityId: r.entityId, entityName: r.entityName, alias: r.alias, status: r.status, sources: [] };
    row.sources.push({ articleId: r.articleId, articleTitle: r.articleTitle, paragraph: r.paragraph, pattern: r.pattern, text: r.text });
    out.set(key, row);
  }
  return [...out.values()];
}

/** Record a reviewer's verdict on every statement of a pair now (the data file keeps it for the next ingest). */
export function setLearnedAliasStatus({ db = getDb(), entityId, alias, status }: { db?: Db; entityId: string; alias: string; status: AliasStatus }): number {
  return db
    .update(entityAliases)
    .set({ status })
    .where(and(eq(entityAliases.entityId, entityId), eq(entityAliases.alias, alias)))
    .run().changes;
}

