/**
 * Facets: the one registry. Each facet says what it is called, which values an article is filed under
 * (the search document field, the same in Meilisearch and in the SQLite fallback), how a value is
 * written in a URL (its filter grammar), how a value is labelled, and how the interface shows it.
 * Index settings, the fallback, the URL parser and the facet panel all iterate this list, so a facet
 * is added here and nowhere else (see the README for a worked example).
 */
import topicData from "../extract/data/topics.json";
import { AtlasError } from "../errors";
import { isEntityKind, kindLabel, type EntityKind } from "./kinds";
import { regionContainers, resolveRegion } from "./regions";

/** What a facet reads from an article (db/queries/search IndexSource satisfies it). */
export interface FacetSource {
  published: string | null;
  site: string | null;
  source: string | null;
  entities: { id: string; kind: EntityKind; name: string }[];
  topics: string[];
}

export interface FacetLabels {
  /** The display name of an entity id (regions, plans), when known. */
  nameOf(id: string): string | undefined;
}

export interface FacetDef<N extends string = string> {
  name: N;
  /** What readers call it. */
  label: string;
  /** The values an article is filed under (its search document field). */
  values(src: FacetSource): string[];
  /** A value as written in a URL (`region=嘉善`, `region=region:zj`) → the stored value; throws `bad-request`. */
  parse(raw: string): string;
  /** A value as shown (an entity id → its name). */
  valueLabel(value: string, names: FacetLabels): string;
  /** Values shown as a tree (parents come from the region hierarchy). */
  tree?: boolean;
  /** Long value lists get a box to narrow them by text. */
  filterBox?: boolean;
  /** Value order in the panel: by count, or newest value first. */
  order: "count" | "value-desc";
}

function bad(facet: string, message: string): never {
  throw new AtlasError("bad-request", `${facet}：${message}`);
}

const TOPICS = Object.keys((topicData as { topics: Record<string, unknown> }).topics);
const byName = (value: string, names: FacetLabels) => names.nameOf(value) ?? value;

export function defineFacet<const N extends string>(def: FacetDef<N>): FacetDef<N> {
  return def;
}

export const FACET_REGISTRY = [
  defineFacet({
    name: "region",
    label: "地区",
    values: (a) => [...new Set(a.entities.filter((e) => e.kind === "region").flatMap((e) => regionContainers(e.id)))].sort(),
    parse: (raw) => resolveRegion(raw) ?? bad("地区", `不认识“${raw}”（可以写地名，如 嘉善，或编号，如 region:zj）`),
    valueLabel: byName,
    tree: true,
    filterBox: true,
    order: "count",
  }),
  defineFacet({
    name: "topic",
    label: "主题",
    values: (a) => [...new Set(a.topics)].sort(),
    parse: (raw) => (TOPICS.includes(raw) ? raw : bad("主题", `没有“${raw}”这个主题（可选：${TOPICS.join("、")}）`)),
    valueLabel: (v) => v,
    order: "count",
  }),
  defineFacet({
    name: "plan",
    label: "规划文件",
    values: (a) => a.entities.filter((e) => e.kind === "plan").map((e) => e.id).sort(),
    parse: (raw) => (/^plan:[\w-]+$/.test(raw) ? raw : bad("规划文件", `“${raw}”不是规划编号（形如 plan:…）`)),
    valueLabel: byName,
    filterBox: true,
    order: "count",
  }),
  defineFacet({
    name: "year",
    label: "年份",
    values: (a) => (a.published && /^\d{4}/.test(a.published) ? [a.published.slice(0, 4)] : []),
    parse: (raw) => (/^\d{4}$/.test(raw) ? raw : bad("年份", `“${raw}”不是四位数的年份`)),
    valueLabel: (v) => v,
    order: "value-desc",
  }),
  defineFacet({
    name: "site",
    label: "网站",
    values: (a) => (a.site ?? a.source ? [(a.site ?? a.source) as string] : []),
    parse: (raw) => raw,
    valueLabel: (v) => v,
    filterBox: true,
    order: "count",
  }),
  defineFacet({
    name: "kind",
    label: "实体类型",
    values: (a) => [...new Set(a.entities.map((e) => e.kind))].sort(),
    parse: (raw) => (isEntityKind(raw) ? raw : bad("实体类型", `没有“${raw}”这种类型`)),
    valueLabel: (v) => kindLabel(v),
    order: "count",
  }),
] as const;

export type FacetRegistry = readonly FacetDef[];
export type FacetName = (typeof FACET_REGISTRY)[number]["name"];
export const FACETS = FACET_REGISTRY.map((f) => f.name) as FacetName[];

export function facetDef(name: string, registry: FacetRegistry = FACET_REGISTRY): FacetDef | undefined {
  return registry.find((f) => f.name === name);
}

/** Every facet's values for one article, keyed by facet name (the document fields). */
export function facetValues(src: FacetSource, registry: FacetRegistry = FACET_REGISTRY): Record<string, string[]> {
  return Object.fromEntries(registry.map((f) => [f.name, f.values(src)]));
}
