import "server-only";
import { eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { articles, articleTopics, entities, mentions, dataVersions, searchSync, type Entity } from "../schema";
import type { DatePrecision } from "@/lib/domain/dates";
import { getUsableLearnedAliases } from "./aliases";

/** What the search index needs to know about one article (read from the system of record). */
export interface IndexSource {
  id: string;
  title: string;
  body: string;
  published: string | null;
  publishedPrecision: DatePrecision | null;
  site: string | null;
  source: string | null;
  url: string | null;
  /** lib/extract/relevance.ts: the score (null before the article was re-ingested) and the word-spun flag. */
  relevance: number | null;
  lowQuality: boolean;
  entities: IndexEntity[];
  topics: string[];
}

/** An entity the article mentions: how often, and where first (paragraph × 1,000,000 + offset; the title is paragraph −1). */
export type IndexEntity = Pick<Entity, "id" | "kind" | "name" | "aliases" | "type"> & { mentions: number; firstMention: number };

/** `learned`: the aliases learned from the corpus (not rejected), also merged into `aliases`. */
export type EntityNode = Pick<Entity, "id" | "kind" | "name" | "parentId" | "aliases"> & { learned?: string[] };

/** Articles to index: every article that is not folded into a twin (duplicates are shown under their original). */
export function getArticlesForIndex({ db }: { db: Db }): IndexSource[] {
  const rows = db
    .select({
      id: articles.id,
      title: articles.title,
      body: articles.body,
      published: articles.published,
      publishedPrecision: articles.publishedPrecision,
      site: articles.site,
      source: articles.source,
      url: articles.url,
      relevance: articles.relevance,
      lowQuality: articles.lowQuality,
    })
    .from(articles)
    .where(isNull(articles.duplicateOf))
    .orderBy(articles.id)
    .all();
  const byId = new Map<string, IndexSource>(rows.map((r) => [r.id, { ...r, entities: [], topics: [] }]));
  const ents = db
    .select({
      articleId: mentions.articleId,
      id: entities.id,
      kind: entities.kind,
      name: entities.name,
      aliases: entities.aliases,
      type: entities.type,
      mentions: sql<number>`count(*)`,
      firstMention: sql<number>`min(${mentions.paragraph} * 1000000 + ${mentions.start})`,
    })
    .from(mentions)
    .innerJoin(entities, eq(entities.id, mentions.entityId))
    .groupBy(mentions.articleId, entities.id)
    .orderBy(mentions.articleId, entities.id)
    .all();
  const learned = getUsableLearnedAliases({ db });
  for (const { articleId, ...e } of ents) byId.get(articleId)?.entities.push(withLearned(e, learned));
  const topics = db.select().from(articleTopics).orderBy(articleTopics.articleId, articleTopics.topic).all();
  for (const t of topics) byId.get(t.articleId)?.topics.push(t.topic);
  return [...byId.values()];
}

/** Every entity that can name something in a query or a facet (regions for ancestors and labels). */
export function getSearchEntities({ db }: { db: Db }): EntityNode[] {
  const learned = getUsableLearnedAliases({ db });
  return db
    .select({ id: entities.id, kind: entities.kind, name: entities.name, parentId: entities.parentId, aliases: entities.aliases })
    .from(entities)
    .where(inArray(entities.kind, ["plan", "project", "organization", "region"]))
    .all()
    .map((n) => ({ ...withLearned(n, learned), learned: learned.get(n.id) ?? [] }));
}

/**
 * A counter raised by SQLite triggers on every change to the tables behind an in-memory cache (migration 0013), from
 * any connection: `search_context` (entities, entity_aliases: what getSearchEntities reads) or `search_docs`
 * (search_docs, search_facets). One row read; −1 when the row is missing.
 */
export function getDataVersion({ db, name }: { db: Db; name: "search_context" | "search_docs" }): number {
  return db.select({ v: dataVersions.version }).from(dataVersions).where(eq(dataVersions.name, name)).get()?.v ?? -1;
}

/** An entity with the aliases learned from the corpus (not rejected) added to its own. */
function withLearned<T extends { id: string; aliases: string[] | null }>(e: T, learned: Map<string, string[]>): T {
  const more = learned.get(e.id);
  return more ? { ...e, aliases: [...new Set([...(e.aliases ?? []), ...more])] } : e;
}

export function getSearchSyncHashes({ db }: { db: Db }): Map<string, string> {
  return new Map(db.select().from(searchSync).all().map((r) => [r.articleId, r.docHash]));
}

export function upsertSearchSyncRows({ db, rows }: { db: Db; rows: { articleId: string; docHash: string }[] }): void {
  db.transaction((tx) => {
    for (const r of rows) {
      tx.insert(searchSync)
        .values(r)
        .onConflictDoUpdate({ target: searchSync.articleId, set: { docHash: r.docHash, indexedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))` } })
        .run();
    }
  });
}

export function deleteSearchSyncByIds({ db, ids }: { db: Db; ids: string[] }): void {
  if (ids.length) db.delete(searchSync).where(inArray(searchSync.articleId, ids)).run();
}

export function deleteAllSearchSync({ db }: { db: Db }): void {
  db.delete(searchSync).run();
}

// ---- SQLite FTS5 fallback (tables from migration 0001_fts) ----

export interface FallbackDoc {
  articleId: string;
  docHash: string;
  /** JSON of the search document (same shape as the Meilisearch one). */
  doc: string;
  publishedNum: number;
  titleTokens: string;
  namesTokens: string;
  bodyTokens: string;
  /** Central entities' names (with aliases and containing regions). */
  entityTokens: string;
  /** Names of the entities only mentioned. */
  relatedTokens: string;
  /** Words found only inside longer words. */
  subwordTokens: string;
  /** The article's topics and their keywords. */
  topicTokens: string;
  facets: { facet: string; value: string }[];
}

export function getFallbackHashes({ db }: { db: Db }): Map<string, string> {
  const rows = db.all<{ article_id: string; doc_hash: string }>(sql`select article_id, doc_hash from search_docs`);
  return new Map(rows.map((r) => [r.article_id, r.doc_hash]));
}

export function deleteFallbackDocsByIds({ db, ids }: { db: Db; ids: string[] }): void {
  db.transaction((tx) => {
    for (const id of ids) {
      tx.run(sql`delete from search_fts where article_id = ${id}`);
      tx.run(sql`delete from search_facets where article_id = ${id}`);
      tx.run(sql`delete from search_docs where article_id = ${id}`);
    }
  });
}

export function upsertFallbackDocs({ db, docs }: { db: Db; docs: FallbackDoc[] }): void {
  db.transaction((tx) => {
    for (const d of docs) {
      tx.run(sql`delete from search_fts where article_id = ${d.articleId}`);
      tx.run(sql`delete from search_facets where article_id = ${d.articleId}`);
      // An upsert, not `insert or replace`: a replace deletes without firing the delete trigger that keeps the
      // trigram index in step (migration 0012); an update fires the update trigger and keeps the row's id.
      tx.run(
        sql`insert into search_docs (article_id, doc_hash, doc, published_num) values (${d.articleId}, ${d.docHash}, ${d.doc}, ${d.publishedNum})
            on conflict (article_id) do update set doc_hash = excluded.doc_hash, doc = excluded.doc, published_num = excluded.published_num`,
      );
      tx.run(
        sql`insert into search_fts (article_id, title, names, body, entities, related, subwords, topics)
            values (${d.articleId}, ${d.titleTokens}, ${d.namesTokens}, ${d.bodyTokens}, ${d.entityTokens}, ${d.relatedTokens}, ${d.subwordTokens}, ${d.topicTokens})`,
      );
      for (const f of d.facets) {
        tx.run(sql`insert or ignore into search_facets (article_id, facet, value) values (${d.articleId}, ${f.facet}, ${f.value})`);
      }
    }
  });
}

export interface FallbackQuery {
  db: Db;
  /** An FTS5 MATCH expression built from escaped tokens, or null for "all documents". */
  match: string | null;
  /** Substring alternatives for when FTS finds nothing (short CJK queries inside longer words). */
  like: string[] | null;
  /** facet → selected values: OR within a facet, AND across facets. */
  filters: Record<string, string[]>;
  /** The query's words ORed (a lower tier: articles with only some of them), or null. */
  anyMatch?: string | null;
  /** A compound query's head relaxation (电子游戏 → 游戏): a tier after the query's own matches, or null. */
  relaxedMatch?: string | null;
  /** Number pieces of the query (1+8): the articles holding each as written rank before the others. */
  numbers?: string[];
  /** A short query: its substring path ranks last instead of first (whole words before words inside longer ones). */
  wholeWords?: boolean;
  /** How the substring path finds its documents: the trigram index (default), or `scan`, the reference it replaced (benchmarks, tests). */
  substringPath?: "index" | "scan";
  /**
   * How the matches are ordered for the page: on the covering index of the ordering keys, then the page's documents
   * read (default), or `documents`, the reference it replaced: every match's document read and sorted (tests).
   */
  ordering?: "index" | "documents";
}

/** bm25 weights of the FTS columns (article_id, title, names, body, entities, related, subwords, topics). */
const BM25 = sql`bm25(search_fts, 0, 10.0, 5.0, 1.0, 3.0, 0.5, 0.2, 0.2)`;

/** Ranks below this come from the word tiers (1–5: title, central entities, own words, linked entities, topics; bm25 is negative, so tier n spans (n − 0.5, n] millions). */
const WORD_TIERS_END = 5500000;

/**
 * The ids matching the text part of a query (before facet filters), with a rank (lower is better):
 * articles containing the query text itself (or a synonym's version of it) first, then token matches by bm25.
 * The substring path also finds short CJK queries inside longer words the tokens split differently.
 */
function matchingIdsSql(q: Pick<FallbackQuery, "match" | "anyMatch" | "relaxedMatch" | "like" | "wholeWords" | "substringPath" | "numbers">) {
  const ranked = rankedIdsSql(q);
  if (!q.match || !q.numbers?.length) return ranked;
  // A number piece (1+8) is matched as written: the FTS tokens split it into 1 and 8, which any page with a digit
  // holds. The articles holding every number piece keep their tier; the others follow all of them, as Meilisearch
  // drops the last words of a query (its phrase) only after every article matching all of them.
  const holds = sql.join(q.numbers.map((n) => sql`article_id in (${substringIdsSql([n])})`), sql` and `);
  return sql`select article_id, rank + case when ${holds} then 0 else ${NUMBER_MISS} end as rank from (${ranked})`;
}

/** Added to the rank of an article missing a number piece of the query: after every tier of those holding it. */
const NUMBER_MISS = 100_000_000;

function rankedIdsSql({ match, anyMatch, relaxedMatch, like, wholeWords, substringPath }: Pick<FallbackQuery, "match" | "anyMatch" | "relaxedMatch" | "like" | "wholeWords" | "substringPath">) {
  const likeSql = like && like.length ? (substringPath === "scan" ? substringIdsByScan(like) : substringIdsSql(like)) : null;
  if (!match && !likeSql) return sql`select article_id, 0 as rank from search_docs`;
  // Tiers (lower first): the query text itself, then the articles about it (in their title, then in their title or
  // central entities: a page titled with the query outranks an on-topic page naming it once in its lede),
  // then its words in the article's own text, then through an entity the article is about or mentions, then through
  // its topics, then anywhere (words inside longer words, words spread over fields), then a compound's head (about it,
  // then in the text), then some of the words (as Meilisearch drops the last words of a query that finds nothing).
  const parts = [];
  const tier = (n: number, expr: string) => sql`select article_id, ${BM25} as r, ${n} as tier from search_fts where search_fts match ${expr}`;
  if (match) {
    parts.push(tier(1, `{title} : (${match})`), tier(2, `{title entities} : (${match})`));
    parts.push(tier(3, `{title names body} : (${match})`), tier(4, `{entities related} : (${match})`));
    parts.push(tier(5, `{topics} : (${match})`), tier(6, match));
    if (relaxedMatch) parts.push(tier(7, `{title entities} : (${relaxedMatch})`), tier(8, `{title names body} : (${relaxedMatch})`));
    if (anyMatch && anyMatch !== match) parts.push(tier(9, `{title names body entities related topics} : (${anyMatch})`));
  }
  // The query text as a substring: first for a longer query, last for a short one (都市 inside an unrelated word).
  if (likeSql) parts.push(sql`select article_id, 0 as r, ${wholeWords ? 10 : 0} as tier from (${likeSql})`);
  const ranked = sql`select article_id, min(tier) * 1000000 + min(r) as rank from (${sql.join(parts, sql` union all `)}) group by article_id`;
  if (!wholeWords) return ranked;
  // A short query (新区, 农业) matches words, not substrings of longer ones (高新区, 农业银行), unless no article has it
  // as a word: its matches inside longer words (tier 6 and after) are dropped when a word match (tiers 1–5) exists.
  return sql`with r as (${ranked}) select article_id, rank from r
    where rank < ${WORD_TIERS_END} or not exists (select 1 from r where rank < ${WORD_TIERS_END})`;
}

/**
 * The documents containing any of the strings (the substring path), through the trigram index of migration 0012
 * instead of reading every document: the same rows as `doc like '%s%'` (ASCII case folded, `%` and `_` literal).
 * The index holds each document with ASCII letters lowered, so the lowered string is matched case-sensitively: a
 * string of three or more characters as an FTS5 phrase (consecutive trigrams = the substring); a one- or
 * two-character string, which no trigram query can match, through the index's vocabulary: the documents holding a
 * trigram that starts with it (the stored text ends with two padding characters, so every occurrence starts one).
 */
function substringIdsSql(strings: string[]): SQL {
  // An empty string is in every document, as `like '%%'`.
  if (strings.some((s) => !s)) return sql`select article_id from search_docs`;
  const lowered = [...new Set(strings.map((s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase())))];
  const long = lowered.filter((s) => [...s].length >= 3);
  const short = lowered.filter((s) => [...s].length < 3);
  const sources: SQL[] = [];
  if (long.length) {
    const expr = long.map((s) => `"${s.replace(/"/g, '""')}"`).join(" OR ");
    sources.push(sql`select rowid from search_docs_tri where search_docs_tri match ${expr}`);
  }
  for (const s of short) sources.push(sql`select doc from search_docs_tri_terms where term >= ${s} and term <= ${`${s}\u{10FFFF}\u{10FFFF}`}`);
  if (!sources.length) return sql`select article_id from search_docs where 0`;
  return sql`select d.article_id from search_docs d where d.id in (${sql.join(sources, sql` union `)})`;
}

/** The substring path as it was: every stored document read with LIKE. The reference the index is checked against. */
function substringIdsByScan(strings: string[]): SQL {
  const conds = strings.map((l) => sql`d.doc like ${`%${l.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  return sql`select d.article_id from search_docs d where ${sql.join(conds, sql` or `)}`;
}

/** The ids of the stored documents containing any of the strings, by the index or by the reference scan (tests, benchmarks). */
export function substringMatches({ db, strings, path = "index" }: { db: Db; strings: string[]; path?: "index" | "scan" }): string[] {
  const q = path === "scan" ? substringIdsByScan(strings) : substringIdsSql(strings);
  return db.all<{ article_id: string }>(sql`${q} order by 1`).map((r) => r.article_id);
}

/** Whether any facet but `except` has a selection (filterSql is then a condition). */
function filtered(filters: Record<string, string[]>, except?: string): boolean {
  return Object.entries(filters).some(([facet, values]) => facet !== except && values.length > 0);
}

function filterSql(filters: Record<string, string[]>, except?: string) {
  const parts = Object.entries(filters)
    .filter(([facet, values]) => facet !== except && values.length > 0)
    .map(
      ([facet, values]) =>
        sql`m.article_id in (select article_id from search_facets where facet = ${facet} and value in (${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )}))`,
    );
  return parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
}

export interface FallbackAnswer {
  total: number;
  rows: { articleId: string; doc: string }[];
  /** facet → its values' counts under every filter except its own (so the other values of a multi-select stay visible). */
  facetCounts: Map<string, { value: string; count: number }[]>;
}

/**
 * One fallback search: the page, the total and each facet's counts. The ids matching the text (the FTS tiers and the
 * substring path) are found once into a temporary table that the count, the page and
 * the facet counts then read, instead of once for each of them. better-sqlite3 is synchronous: no other query of
 * this connection runs between the fill and the reads.
 */
export function searchFallback(q: FallbackQuery & { sort: "relevance" | "newest" | "oldest"; limit: number; offset: number; facets: string[] }): FallbackAnswer {
  const { db } = q;
  db.run(sql`create temp table if not exists search_matches (article_id text primary key, rank real not null)`);
  db.run(sql`delete from temp.search_matches`);
  try {
    db.run(sql`insert into temp.search_matches (article_id, rank) ${matchingIdsSql(q)}`);
    const total = db.get<{ n: number }>(sql`select count(*) as n from temp.search_matches m ${filterSql(q.filters)}`)?.n ?? 0;
    const rows = q.ordering === "documents" ? pageByDocuments(q) : pageByIndex(q);
    const matches = filtered(q.filters) ? (db.get<{ n: number }>(sql`select count(*) as n from temp.search_matches`)?.n ?? 0) : total;
    const facetCounts = new Map(q.facets.map((facet) => [facet, countFacet(db, facet, q.filters, matches)]));
    return { total, rows, facetCounts };
  } finally {
    db.run(sql`delete from temp.search_matches`);
  }
}

/**
 * One facet's counts over temp.search_matches under every filter except the facet's own, in the order count desc,
 * value (binary). Driven from the matches through search_facets' primary key (article_id, facet, value). A facet with
 * no other filter, when the matches are most of the documents (a common word: 长三角 in 8,061 of 8,320), is counted
 * the other way: its counts over every document (kept until search_docs or search_facets change) minus those over the
 * documents that do not match, which are few; the same numbers.
 */
function countFacet(db: Db, facet: string, filters: Record<string, string[]>, matches: number): { value: string; count: number }[] {
  const where = filterSql(filters, facet);
  const all = filtered(filters, facet) ? null : facetTotals(db, facet);
  if (!all || matches * 2 <= all.docs || !matchesAreDocs(db, matches)) {
    return db.all<{ value: string; count: number }>(
      sql`select f.value as value, count(*) as count
          from temp.search_matches m cross join search_facets f on f.article_id = m.article_id and f.facet = ${facet}
          ${where} group by f.value order by count desc, f.value`,
    );
  }
  const counts = new Map(all.counts);
  const others = db.all<{ value: string; count: number }>(
    sql`select f.value as value, count(*) as count
        from search_docs d cross join search_facets f on f.article_id = d.article_id and f.facet = ${facet}
        where d.article_id not in (select article_id from temp.search_matches) group by f.value`,
  );
  for (const o of others) counts.set(o.value, (counts.get(o.value) ?? 0) - o.count);
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || Buffer.compare(Buffer.from(a.value), Buffer.from(b.value)));
}

/** Every match is a stored document (so matches = documents − the others): true unless the tables are out of step. */
function matchesAreDocs(db: Db, matches: number): boolean {
  return db.get<{ n: number }>(sql`select count(*) as n from temp.search_matches m where m.article_id in (select article_id from search_docs)`)?.n === matches;
}

const totalsCache = new WeakMap<Db, { version: number; docs: number; facets: Map<string, Map<string, number>> }>();

/** A facet's counts over every stored document, and how many documents there are; kept until search_docs or search_facets change. */
function facetTotals(db: Db, facet: string): { docs: number; counts: Map<string, number> } {
  const version = getDataVersion({ db, name: "search_docs" });
  let hit = totalsCache.get(db);
  if (!hit || hit.version !== version) {
    hit = { version, docs: db.get<{ n: number }>(sql`select count(*) as n from search_docs`)?.n ?? 0, facets: new Map() };
    totalsCache.set(db, hit);
  }
  let counts = hit.facets.get(facet);
  if (!counts) {
    const rows = db.all<{ value: string; count: number }>(
      sql`select f.value as value, count(*) as count from search_docs d cross join search_facets f on f.article_id = d.article_id and f.facet = ${facet} group by f.value`,
    );
    counts = new Map(rows.map((r) => [r.value, r.count]));
    hit.facets.set(facet, counts);
  }
  return { docs: hit.docs, counts };
}

type PageQuery = FallbackQuery & { sort: "relevance" | "newest" | "oldest"; limit: number; offset: number };

/** The page of temp.search_matches: ordered on the covering index of the ordering keys (migration 0013), then only the page's documents read. */
function pageByIndex(q: PageQuery): FallbackAnswer["rows"] {
  const base = sql`select m.article_id, m.rank, d.on_topic, d.published_num from temp.search_matches m join search_docs d indexed by search_docs_order on d.article_id = m.article_id ${filterSql(q.filters)}`;
  const ids = q.db.all<{ article_id: string }>(sql`select article_id from (${base}) ${fallbackOrder(q.sort, sql`on_topic`)} limit ${q.limit} offset ${q.offset}`).map((r) => r.article_id);
  if (!ids.length) return [];
  const docs = q.db.all<{ article_id: string; doc: string }>(sql`select article_id, doc from search_docs where article_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  const byId = new Map(docs.map((r) => [r.article_id, r.doc]));
  return ids.map((id) => ({ articleId: id, doc: byId.get(id) ?? "" }));
}

/** The page as it was read before: every match's document joined and sorted with it. The reference pageByIndex is checked against. */
function pageByDocuments(q: PageQuery): FallbackAnswer["rows"] {
  const base = sql`select m.article_id, m.rank, d.doc, d.published_num from temp.search_matches m join search_docs d on d.article_id = m.article_id ${filterSql(q.filters)}`;
  const onTopic = sql`coalesce(json_extract(doc, '$.on_topic'), 1)`;
  const rows = q.db.all<{ article_id: string; doc: string }>(sql`select * from (${base}) ${fallbackOrder(q.sort, onTopic)} limit ${q.limit} offset ${q.offset}`);
  return rows.map((r) => ({ articleId: r.article_id, doc: r.doc }));
}

/**
 * Relevance order in groups before on-topic articles go first: the query text itself (a longer query as a
 * substring), articles titled with the query (tier 1), about it (tier 2: title, central entities), matches in the
 * article's own words or through an entity it names (tiers 3–4), the rest of the query's matches (words inside longer
 * words, topics, some of the words, a short query as a substring), then a compound's head about it (7) and in the text (8), as Meilisearch's tiers
 * (lib/search/meili-search.ts). So an on-topic article that only shares the query's topic, or names it once in a
 * list, ranks below an article that is about the query.
 */
const TIER_GROUP = sql`case when rank < 500000 then 0 when rank < 1500000 then 1 when rank < 2500000 then 2 when rank < 4500000 then 3
  when rank >= 6500000 and rank < 7500000 then 5 when rank >= 7500000 and rank < 8500000 then 6 else 4 end`;

/**
 * As the engine ranks (lib/search/settings RANKING_RULES): the match tier (the query text itself before token
 * matches, as `words`), the date when sorting by date, then on-topic articles before off-topic or spun ones.
 */
function fallbackOrder(sort: "relevance" | "newest" | "oldest", onTopicFlag: SQL): SQL {
  // onTopicFlag: the document's on_topic (the search_docs column generated from it, migration 0013, or read from its JSON).
  const onTopic = sql`${onTopicFlag} desc`;
  if (sort === "newest") return sql`order by published_num = 0, published_num desc, ${onTopic}, rank, article_id`;
  if (sort === "oldest") return sql`order by published_num = 0, published_num asc, ${onTopic}, rank, article_id`;
  return sql`order by ${TIER_GROUP}, ${onTopic}, rank, published_num desc, article_id`;
}
