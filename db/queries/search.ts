import "server-only";
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { articles, articleTopics, entities, mentions, paragraphs, searchSync, type Entity } from "../schema";
import { getDataVersion } from "../memo";
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

/**
 * An entity the article mentions: how often, and where first (paragraph × 1,000,000 + offset; the title is paragraph
 * −1); `listedInLede`: every mention of it in the title and lede is an item of a list (青浦、吴江、嘉善, the nine cities
 * of G60), which names the places an article covers, or the place of a wire dateline (新华社南京5月26日电), where the
 * report was filed: neither is the one it is about.
 */
export type IndexEntity = Pick<Entity, "id" | "kind" | "name" | "aliases" | "type"> & { mentions: number; firstMention: number; listedInLede?: boolean };

/**
 * A lede mention is a wire dateline's place (新华社南京5月26日电, 中新网上海11月14日电: an outlet's last character, the
 * place, then the month, the day and 电, as lib/extract/dates.ts DATELINE reads a dateline): where the report was filed,
 * not what it is about.
 */
const DATELINE_DATES = ["[0-9]月[0-9]日电*", "[0-9]月[0-9][0-9]日电*", "[0-9][0-9]月[0-9]日电*", "[0-9][0-9]月[0-9][0-9]日电*"];
const datelineSql = sql`(substr(${paragraphs.text}, ${mentions.start}, 1) in ('社', '报', '网', '台')
  and (${sql.join(
    DATELINE_DATES.map((g) => sql`substr(${paragraphs.text}, ${mentions.end} + 1, 8) glob ${g}`),
    sql` or `,
  )}))`;

/** A lede mention is a list item: a 、 next to it, and at least two in the text around it (three items or more). */
const LIST_WINDOW = 8;
const listItemSql = sql`(substr(${paragraphs.text}, ${mentions.start}, 1) = '、' or substr(${paragraphs.text}, ${mentions.end} + 1, 1) = '、')
  and length(substr(${paragraphs.text}, max(${mentions.start} + 1 - ${LIST_WINDOW}, 1), ${mentions.end} - ${mentions.start} + 2 * ${LIST_WINDOW}))
    - length(replace(substr(${paragraphs.text}, max(${mentions.start} + 1 - ${LIST_WINDOW}, 1), ${mentions.end} - ${mentions.start} + 2 * ${LIST_WINDOW}), '、', '')) >= 2`;

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
      // 1 when every title or lede mention (paragraphs −1 to 1) is a list item or a dateline's place; the title is neither.
      listedInLede: sql<number>`min(case when ${mentions.paragraph} < 0 then 0 when ${mentions.paragraph} > 1 then 1 when ${listItemSql} then 1 when ${datelineSql} then 1 else 0 end)`,
    })
    .from(mentions)
    .innerJoin(entities, eq(entities.id, mentions.entityId))
    .leftJoin(paragraphs, and(eq(paragraphs.articleId, mentions.articleId), eq(paragraphs.idx, mentions.paragraph)))
    .groupBy(mentions.articleId, entities.id)
    .orderBy(mentions.articleId, entities.id)
    .all();
  const learned = getUsableLearnedAliases({ db });
  for (const { articleId, listedInLede, ...e } of ents) byId.get(articleId)?.entities.push(withLearned({ ...e, listedInLede: listedInLede === 1 }, learned));
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
  /** Every word of the query but one, for each word (a tier before `some`: all but one of them), or null. */
  mostMatch?: string | null;
  /** A compound query's head relaxation (电子游戏 → 游戏): a tier after the query's own matches, or null. */
  relaxedMatch?: string | null;
  /** The other phrasings of the query's taxonomy concept (防洪 for 防汛): tiers after its literal matches, or null. */
  conceptMatch?: string | null;
  /** The topics of that concept: an article writing a phrasing in passing matches only when tagged with one. */
  conceptTopics?: string[];
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

/**
 * The match tiers of a fallback search, best first: an article's rank is its best tier × 1,000,000 + its bm25 there
 * (negative and small, so tier n spans (n − 0.5, n] millions). The query text itself as a substring (a longer
 * query), articles titled with the query, about it (title, central entities), the query's words in the article's own
 * text, through an entity it is about or mentions, another phrasing of the query's concept (防洪 for 防汛, the topic
 * taxonomy's concepts) in its title or central entities, then in an article tagged with the concept's topic, through its topics, anywhere (words inside longer words, words spread over fields), a
 * compound's head about it and in the text, all of the words but one, some of the words (`fewer` when the query has an all-but-one tier), a short query as a substring.
 */
const TIER = { substring: 0, title: 1, central: 2, text: 3, linked: 4, conceptCentral: 5, conceptTagged: 6, topics: 7, anywhere: 8, headCentral: 9, headText: 10, most: 11, some: 12, fewer: 13, shortSubstring: 14 } as const;
type TierName = keyof typeof TIER;
const MILLION = 1_000_000;

/** Ranks below this come from the word tiers (title … topics): an article has the query as a word, or a phrasing of it. */
const WORD_TIERS_END = (TIER.topics + 0.5) * MILLION;

/**
 * Relevance order in groups before on-topic articles go first (fallbackOrder), as Meilisearch's tiers
 * (lib/search/meili-search.ts): the query text itself, titled with it, about it, in the article's own words or through
 * an entity it names, another phrasing of its concept (about it, then tagged with its topic), then `rest` (topics, words inside longer words, a short
 * query as a substring; an article missing a number piece of the query), then the articles holding all the query's
 * words but one (a query of three words or more: before the articles holding fewer, on-topic or not), then those
 * holding some of its words (`fewer`: of a shorter query, `some`, in `rest`), then a compound's head about it and in the text. So an on-topic article that only shares the query's topic, or names it once in a list, ranks
 * below an article that is about the query.
 */
const TIER_GROUPS: (TierName[] | "rest")[] = [["substring"], ["title"], ["central"], ["text", "linked"], ["conceptCentral"], ["conceptTagged"], "rest", ["most"], ["fewer"], ["headCentral"], ["headText"]];

/** The SQL of a rank's group (TIER_GROUPS), derived from the tiers: `case <tier of rank> when n then g … else <rest> end`. */
function tierGroupSql(): SQL {
  const whens = TIER_GROUPS.flatMap((g, i) => (g === "rest" ? [] : g.map((t) => `when ${TIER[t]} then ${i}`)));
  return sql.raw(`case cast(round(rank / ${MILLION}.0) as integer) ${whens.join(" ")} else ${TIER_GROUPS.indexOf("rest")} end`);
}
const TIER_GROUP = tierGroupSql();

/**
 * The ids matching the text part of a query (before facet filters), with a rank (lower is better):
 * articles containing the query text itself (or a synonym's version of it) first, then token matches by bm25.
 * The substring path also finds short CJK queries inside longer words the tokens split differently.
 */
type TextQuery = Pick<FallbackQuery, "match" | "anyMatch" | "mostMatch" | "relaxedMatch" | "conceptMatch" | "conceptTopics" | "like" | "wholeWords" | "substringPath">;

function matchingIdsSql(q: TextQuery & Pick<FallbackQuery, "numbers">) {
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

function rankedIdsSql({ match, anyMatch, mostMatch, relaxedMatch, conceptMatch, conceptTopics, like, wholeWords, substringPath }: TextQuery) {
  const likeSql = like && like.length ? (substringPath === "scan" ? substringIdsByScan(like) : substringIdsSql(like)) : null;
  if (!match && !likeSql) return sql`select article_id, 0 as rank from search_docs`;
  // The tiers of TIER (lower first); an article ranks by its best one.
  const parts = [];
  const tier = (t: TierName, expr: string) => sql`select article_id, ${BM25} as r, ${TIER[t]} as tier from search_fts where search_fts match ${expr}`;
  if (match) {
    parts.push(tier("title", `{title} : (${match})`), tier("central", `{title entities} : (${match})`));
    parts.push(tier("text", `{title names body} : (${match})`), tier("linked", `{entities related} : (${match})`));
    if (conceptMatch) {
      const topics = sql.join((conceptTopics ?? []).map((t) => sql`${t}`), sql`, `);
      const tagged = sql`article_id in (select article_id from search_facets where facet = 'topic' and value in (${topics}))`;
      parts.push(tier("conceptCentral", `{title entities} : (${conceptMatch})`));
      if (conceptTopics?.length) parts.push(sql`${tier("conceptTagged", `{title names body entities related} : (${conceptMatch})`)} and ${tagged}`);
    }
    parts.push(tier("topics", `{topics} : (${match})`), tier("anywhere", match));
    if (relaxedMatch) parts.push(tier("headCentral", `{title entities} : (${relaxedMatch})`), tier("headText", `{title names body} : (${relaxedMatch})`));
    if (mostMatch) parts.push(tier("most", `{title names body entities related topics} : (${mostMatch})`));
    if (anyMatch && anyMatch !== match) parts.push(tier(mostMatch ? "fewer" : "some", `{title names body entities related topics} : (${anyMatch})`));
  }
  // The query text as a substring: first for a longer query, last for a short one (都市 inside an unrelated word).
  if (likeSql) parts.push(sql`select article_id, 0 as r, ${wholeWords ? TIER.shortSubstring : TIER.substring} as tier from (${likeSql})`);
  // Within its best tier an article ranks by the best bm25 of its matches of the query; a concept tier's bm25 (other
  // words than the query's) counts only for the articles it is the best tier of.
  const concept = sql.raw(`${TIER.conceptCentral}, ${TIER.conceptTagged}`);
  const ranked = sql`select article_id, min(tier) * ${MILLION} + case when min(tier) in (${concept}) then min(case when tier in (${concept}) then r end)
    else min(case when tier not in (${concept}) then r end) end as rank from (${sql.join(parts, sql` union all `)}) group by article_id`;
  if (!wholeWords) return ranked;
  // A short query (新区, 农业) matches words, not substrings of longer ones (高新区, 农业银行), unless no article has it
  // as a word: its matches inside longer words (the tiers after `topics`) are dropped when a word match exists.
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
