import crypto from "node:crypto";
import type { EntityNode, IndexEntity, IndexSource } from "@/db/queries/search";
import { orgProjectTerms } from "../extract/orgs-projects";
import { planTerms } from "../extract/plans";
import { regionAncestors, regionTerms } from "../extract/regions";
import { normalizeForSearch, segmentedField, type Segmenter } from "./segment";

/** One article as both engines index it. Facet fields hold ids; labels come from SQLite at query time. */
export interface SearchDoc {
  id: string;
  title: string;
  title_seg: string;
  /** Plan / project / organization names and aliases mentioned by the article. */
  names: string[];
  names_seg: string;
  /** The words the article is most about (TF-IDF over title and body). */
  keywords: string;
  body: string;
  body_seg: string;
  /** Region ids mentioned, with every ancestor (so filtering 浙江 finds 嘉善). */
  region: string[];
  topic: string[];
  site: string[];
  year: string[];
  plan: string[];
  kind: string[];
  published: string | null;
  published_precision: "day" | "month" | "year" | null;
  /** yyyymmdd as a number (0 when unknown): newest first. */
  published_desc: number;
  /** yyyymmdd, 99999999 when unknown: oldest first with undated last. */
  published_asc: number;
  url: string | null;
  /** Regions the article names directly, in display order (see regionsForDisplay). */
  regions_display: { id: string; name: string }[];
}

export type FacetDocField = "region" | "topic" | "site" | "year" | "plan" | "kind";

export interface EntityGraph {
  byId: Map<string, EntityNode>;
}

export function buildEntityGraph(nodes: EntityNode[]): EntityGraph {
  return { byId: new Map(nodes.map((n) => [n.id, n])) };
}

/** Resolve a parent reference that may be stored bare (gazetteer id) or as `region:<slug>`. */
export function resolveParent(graph: EntityGraph, parentId: string | null): EntityNode | undefined {
  if (!parentId) return undefined;
  return graph.byId.get(parentId) ?? graph.byId.get(`region:${parentId}`);
}

/** The region and every ancestor, nearest first. */
export function regionWithAncestors(graph: EntityGraph, id: string): string[] {
  const out: string[] = [];
  let node = graph.byId.get(id);
  if (!node) return [id];
  while (node && !out.includes(node.id)) {
    out.push(node.id);
    node = resolveParent(graph, node.parentId);
  }
  return out;
}

export function regionDepth(graph: EntityGraph, id: string): number {
  return regionWithAncestors(graph, id).length - 1;
}

/**
 * Ids a region filter must match for a mention of `id`: the gazetteer's chain with the zones that
 * contain it (so 一体化示范区 and 长三角 find an article that only names 嘉善), else the stored parent links.
 */
export function regionFilterIds(graph: EntityGraph, id: string): string[] {
  const chain = regionAncestors(id.replace(/^region:/, ""));
  return chain.length ? chain.map((r) => `region:${r}`) : regionWithAncestors(graph, id);
}

/** Region levels as a result card lists them: the most specific first, zones after the tree. */
const DISPLAY_LEVEL: Record<string, number> = { town: 0, district: 1, county: 1, city: 2, province: 3, zone: 4 };

/**
 * The regions an article names, in the order its result card shows them (the card has room for the
 * first few): the most specific level first, then the most mentioned, then the first mentioned.
 * So an article about 嘉善 shows 嘉善 and its towns, not 江苏 › 苏州 › … by id.
 */
export function regionsForDisplay(regions: IndexEntity[]): { id: string; name: string }[] {
  const level = (r: IndexEntity) => DISPLAY_LEVEL[r.type ?? ""] ?? 5;
  return [...regions]
    .sort((a, b) => level(a) - level(b) || b.mentions - a.mentions || a.firstMention - b.firstMention || a.id.localeCompare(b.id))
    .map((r) => ({ id: r.id, name: r.name }));
}

function dateNumber(published: string | null): number | null {
  if (!published) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(published);
  if (!m) return null;
  return Number(m[1]) * 10000 + Number(m[2] ?? "0") * 100 + Number(m[3] ?? "0");
}

export function buildSearchDoc(a: IndexSource, seg: Segmenter, graph: EntityGraph): SearchDoc {
  const title = normalizeForSearch(a.title);
  const body = a.body.normalize("NFKC");
  const named = a.entities.filter((e) => e.kind === "plan" || e.kind === "project" || e.kind === "organization");
  const names = [...new Set(named.flatMap((e) => [e.name, ...(e.aliases ?? [])]))];
  const regions = a.entities.filter((e) => e.kind === "region");
  const regionIds = [...new Set(regions.flatMap((r) => regionFilterIds(graph, r.id)))].sort();
  const date = dateNumber(a.published);
  const site = a.site ?? a.source;
  return {
    id: a.id,
    title: a.title,
    title_seg: segmentedField(seg, title),
    names,
    names_seg: segmentedField(seg, names.join(" ")),
    keywords: seg.keywords(`${title}\n${body}`).join(" "),
    body,
    body_seg: segmentedField(seg, body),
    region: regionIds,
    topic: [...new Set(a.topics)].sort(),
    site: site ? [site] : [],
    year: a.published && /^\d{4}/.test(a.published) ? [a.published.slice(0, 4)] : [],
    plan: named.filter((e) => e.kind === "plan").map((e) => e.id).sort(),
    kind: [...new Set(a.entities.map((e) => e.kind))].sort(),
    published: a.published,
    published_precision: a.publishedPrecision,
    published_desc: date ?? 0,
    published_asc: date ?? 99999999,
    url: a.url,
    regions_display: regionsForDisplay(regions),
  };
}

export function docHash(doc: SearchDoc): string {
  return crypto.createHash("sha256").update(JSON.stringify(doc)).digest("hex").slice(0, 32);
}

let knownTerms: string[] | undefined;

/**
 * Words jieba must keep whole: names and aliases of the plans, projects, organizations and regions
 * in the knowledge base, plus every name the extraction dictionaries know (gazetteer, plans, orgs/projects).
 */
export function vocabulary(nodes: EntityNode[]): string[] {
  knownTerms ??= [...regionTerms(), ...planTerms(), ...orgProjectTerms()];
  return [...new Set([...knownTerms, ...nodes.flatMap((n) => [n.name, ...(n.aliases ?? [])])].map((w) => normalizeForSearch(w)))]
    .filter((w) => w.length >= 2 && w.length <= 40 && !/\s/.test(w))
    .sort();
}
