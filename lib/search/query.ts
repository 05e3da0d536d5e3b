import type { Db } from "@/db/client";
import { getSearchEntities } from "@/db/queries/search";
import { buildEntityGraph, vocabulary, type EntityGraph } from "./documents";
import { normalizeForSearch, Segmenter } from "./segment";
import { synonymGroups } from "./settings";

/** What a query needs from the knowledge base: the segmenter's dictionary, synonyms, entity labels. */
export interface QueryContext {
  seg: Segmenter;
  groups: string[][];
  graph: EntityGraph;
}

const TTL_MS = 10_000;
const contexts = new WeakMap<Db, { at: number; ctx: QueryContext }>();
let lastSegmenter: Segmenter | undefined;

/** Re-read every few seconds; the segmenter (≈100 ms to build) is kept while the vocabulary is unchanged. */
export function getQueryContext(db: Db): QueryContext {
  const hit = contexts.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.ctx;
  const nodes = getSearchEntities({ db });
  const words = vocabulary(nodes);
  const same = (s: Segmenter | undefined) => s && s.userWords.length === words.length && s.userWords.every((w, i) => w === words[i]);
  const seg = same(hit?.ctx.seg) ? hit!.ctx.seg : same(lastSegmenter) ? lastSegmenter! : new Segmenter(words);
  lastSegmenter = seg;
  const ctx = { seg, groups: synonymGroups(nodes), graph: buildEntityGraph(nodes) };
  contexts.set(db, { at: Date.now(), ctx });
  return ctx;
}

export interface AnalyzedQuery {
  normalized: string;
  /** Terms to highlight in snippets (query words and their synonyms). */
  terms: string[];
  /** FTS5 MATCH expression (every user token quoted), null for an empty query. */
  match: string | null;
  /** Substrings for the LIKE path when FTS finds nothing. */
  like: string[];
}

/** Quote one token for FTS5: user text never reaches the query parser unescaped. */
export function ftsQuote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

export function analyzeQuery(q: string, ctx: QueryContext): AnalyzedQuery {
  const normalized = normalizeForSearch(q);
  if (!normalized) return { normalized, terms: [], match: null, like: [] };
  const members = ctx.groups.flatMap((g) => g.map((m) => ({ m, g }))).sort((a, b) => b.m.length - a.m.length);
  const clauses: string[] = [];
  const terms = new Set<string>();
  const like = new Set<string>([normalized]);
  const tokensClause = (text: string) => {
    const toks = ctx.seg.queryTokens(text);
    for (const t of toks) terms.add(t);
    // A dictionary name also matches when an article writes it with words in between (华为练秋湖研发中心).
    return toks
      .map((t) => {
        const parts = ctx.seg.parts(t);
        for (const p of parts) if (p.length >= 2) terms.add(p);
        return parts.length ? `(${ftsQuote(t)} OR (${parts.map(ftsQuote).join(" AND ")}))` : ftsQuote(t);
      })
      .join(" AND ");
  };
  // Synonym members inside the query become (A OR B OR …); the rest is segmented and ANDed.
  let rest = normalized;
  for (const { m, g } of members) {
    if (!rest.includes(m)) continue;
    rest = rest.split(m).join(" ");
    const alts = g.map((alt) => tokensClause(alt)).filter(Boolean);
    for (const alt of g) {
      terms.add(alt);
      like.add(normalized.split(m).join(alt));
    }
    if (alts.length) clauses.push(`(${alts.map((a) => `(${a})`).join(" OR ")})`);
  }
  const restClause = tokensClause(rest);
  if (restClause) clauses.push(restClause);
  terms.add(normalized);
  return { normalized, terms: [...terms], match: clauses.length ? clauses.join(" AND ") : null, like: [...like] };
}
