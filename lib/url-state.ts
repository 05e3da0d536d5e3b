/**
 * The one URL grammar. Every page, API and export reads its state through these parsers, so the same
 * names and ids are accepted everywhere (region=嘉善 = region=浙江嘉善县 = region=region:zj-jiaxing-jiashan)
 * and a bad value is the same `bad-request` (HTTP 400, a Chinese message) on /api/search, /timeline,
 * /api/timeline and the CSV/JSON exports. Each parser has an inverse that writes the canonical URL.
 */
import { z } from "zod";
import { facetDef, FACET_REGISTRY, type FacetName, type FacetRegistry } from "./domain/facets";
import { MILESTONE_STATUSES, MILESTONE_STATUS_LABELS, type MilestoneStatus } from "./domain/milestones";
import { AtlasError } from "./errors";

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

export const SORTS = ["relevance", "newest", "oldest"] as const;
export type SortOrder = (typeof SORTS)[number];
const FORMATS = ["json", "csv"] as const;
export type ExportFormat = (typeof FORMATS)[number];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
const MAX_VALUES = 50;

export interface SearchState {
  q: string;
  /** Multi-select: OR within one facet, AND across facets. */
  filters: Partial<Record<FacetName, string[]>>;
  sort: SortOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Restrict a facet's returned values to those matching this text (search within a facet). */
  facetQuery?: Partial<Record<FacetName, string>>;
}

export interface TimelineState {
  /** Region entity id (resolved from a name or alias). */
  region?: string;
  topic?: string;
  /** Plan entity id. */
  plan?: string;
  /** Inclusive bounds, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  /** `offtopic=1`: also milestones reported only by off-topic or word-spun articles (hidden by default). */
  offtopic?: boolean;
  /** done: events that happened; planned: targets and schedules; absent: both (targets styled apart). */
  status?: MilestoneStatus;
  /** 1-based page of the timeline (/timeline, /api/timeline JSON); absent = 1. The CSV export ignores it: all rows. */
  page?: number;
  /** Milestones per page (`limit`, 1…TIMELINE_MAX_LIMIT); absent = TIMELINE_PAGE_SIZE. */
  limit?: number;
}

export interface ParseOptions {
  /** Keys a caller accepts besides the state (e.g. `format` on an export). */
  extraKeys?: string[];
  /** Whether an entity id exists (plan filters name a plan the knowledge base holds); syntax only when absent. */
  entityExists?: (id: string) => boolean;
}

function checkExists(key: string, id: string | undefined, opts: ParseOptions): void {
  if (id && opts.entityExists && !opts.entityExists(id)) bad(`${key}：没有编号为 ${id} 的条目`);
}

export function toURLSearchParams(input: RawParams): URLSearchParams {
  if (input instanceof URLSearchParams) return new URLSearchParams(input);
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) for (const item of Array.isArray(v) ? v : v === undefined ? [] : [v]) sp.append(k, item);
  return sp;
}

function bad(message: string): never {
  throw new AtlasError("bad-request", message);
}

function rejectUnknown(sp: URLSearchParams, known: Set<string>): void {
  const unknown = [...new Set([...sp.keys()].filter((k) => !known.has(k)))];
  if (unknown.length) bad(`不认识的参数：${unknown.join("、")}（可用：${[...known].join("、")}）`);
}

/** Values of one key, trimmed, blanks dropped. */
function values(sp: URLSearchParams, key: string): string[] {
  return sp
    .getAll(key)
    .map((v) => v.trim())
    .filter(Boolean);
}

function single(sp: URLSearchParams, key: string, max: number): string | undefined {
  const all = values(sp, key);
  if (all.length > 1) bad(`${key}：只能给一个值`);
  const v = all[0];
  if (v !== undefined && v.length > max) bad(`${key}：最多 ${max} 个字`);
  return v;
}

function integer(sp: URLSearchParams, key: string, min: number, max: number, fallback: number): number {
  const v = single(sp, key, 12);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) bad(`${key}：应为整数，收到“${v}”`);
  const n = Number(v);
  if (n < min || n > max) bad(`${key}：应在 ${min} 到 ${max} 之间`);
  return n;
}

function oneOf<T extends string>(sp: URLSearchParams, key: string, allowed: readonly T[], fallback: T): T {
  const v = single(sp, key, 40);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) bad(`${key}：应为 ${allowed.join("、")} 之一，收到“${v}”`);
  return v as T;
}

/** A facet value in its URL form → its stored form, through the facet's own grammar. */
function facetValue(facet: string, raw: string, registry: FacetRegistry): string {
  if (raw.length > 200) bad(`${facet}：最多 200 个字`);
  const def = facetDef(facet, registry);
  if (!def) bad(`不认识的筛选项：${facet}`);
  return def.parse(raw);
}

/** `?format=csv|json` (default json), shared by every list that downloads. */
export function parseFormat(input: RawParams): ExportFormat {
  return oneOf(toURLSearchParams(input), "format", FORMATS, "json");
}

/** Search state (the search page, /api/search and its exports, `kb search`). */
export function parseSearchParams(input: RawParams, opts: ParseOptions & { registry?: FacetRegistry } = {}): SearchState {
  const registry = opts.registry ?? FACET_REGISTRY;
  const sp = toURLSearchParams(input);
  const names = registry.map((f) => f.name);
  rejectUnknown(sp, new Set(["q", "sort", "page", "pageSize", ...names, ...names.map((f) => `${f}Query`), ...(opts.extraKeys ?? [])]));
  const q = sp.get("q")?.trim() ?? "";
  if (q.length > 500) bad("q：检索词最多 500 个字");
  const filters: Record<string, string[]> = {};
  const facetQuery: Record<string, string> = {};
  for (const f of names) {
    const given = values(sp, f);
    if (given.length > MAX_VALUES) bad(`${f}：最多选 ${MAX_VALUES} 个值`);
    const vals = [...new Set(given.map((v) => facetValue(f, v, registry)))];
    if (f === "plan") for (const v of vals) checkExists(f, v, opts);
    if (vals.length) filters[f] = vals;
    const fq = single(sp, `${f}Query`, 100);
    if (fq) facetQuery[f] = fq;
  }
  return {
    q,
    filters,
    sort: oneOf(sp, "sort", SORTS, "relevance"),
    page: integer(sp, "page", 1, 1000, 1),
    pageSize: integer(sp, "pageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    ...(Object.keys(facetQuery).length ? { facetQuery } : {}),
  };
}

/** SearchState → URL query (the inverse of parseSearchParams), for links that keep the search state. */
export function searchParamsToQuery(p: SearchState, registry: FacetRegistry = FACET_REGISTRY): string {
  const sp = new URLSearchParams();
  if (p.q) sp.set("q", p.q);
  for (const { name } of registry) for (const v of (p.filters as Record<string, string[] | undefined>)[name] ?? []) sp.append(name, v);
  if (p.sort !== "relevance") sp.set("sort", p.sort);
  if (p.page !== 1) sp.set("page", String(p.page));
  if (p.pageSize !== DEFAULT_PAGE_SIZE) sp.set("pageSize", String(p.pageSize));
  return sp.toString();
}

const dateBound = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/);
export const TIMELINE_KEYS = ["region", "topic", "plan", "from", "to", "status"] as const;
export const OFFTOPIC_KEY = "offtopic";
/** Milestones per timeline page (the page and /api/timeline's default `limit`), and the most /api/timeline returns at once. */
export const TIMELINE_PAGE_SIZE = 100;
export const TIMELINE_MAX_LIMIT = 500;
const TIMELINE_MAX_PAGE = 100_000;

/**
 * `?offtopic=1`: include articles below the relevance threshold and word-spun ones (lib/extract/relevance.ts),
 * which the timeline, the home page and the entity lists leave out by default. `0` or absent: leave them out.
 */
export function parseOfftopic(input: RawParams): boolean {
  return oneOf(toURLSearchParams(input), OFFTOPIC_KEY, ["0", "1"] as const, "0") === "1";
}

/** Timeline state (/timeline, /api/timeline and its exports): region, topic and plan use the facets' grammar. */
export function parseTimelineParams(input: RawParams, opts: ParseOptions = {}): TimelineState {
  const sp = toURLSearchParams(input);
  rejectUnknown(sp, new Set([...TIMELINE_KEYS, OFFTOPIC_KEY, "page", "limit", ...(opts.extraKeys ?? [])]));
  const out: TimelineState = {};
  if (parseOfftopic(sp)) out.offtopic = true;
  const page = integer(sp, "page", 1, TIMELINE_MAX_PAGE, 1);
  if (page > 1) out.page = page;
  const limit = integer(sp, "limit", 1, TIMELINE_MAX_LIMIT, TIMELINE_PAGE_SIZE);
  if (limit !== TIMELINE_PAGE_SIZE) out.limit = limit;
  for (const key of ["region", "topic", "plan"] as const) {
    const v = single(sp, key, 400);
    if (v) out[key] = facetValue(key, v, FACET_REGISTRY);
  }
  checkExists("plan", out.plan, opts);
  for (const key of ["from", "to"] as const) {
    const v = single(sp, key, 10);
    if (v === undefined) continue;
    if (!dateBound.safeParse(v).success) bad(`${key}：日期格式应为 YYYY、YYYY-MM 或 YYYY-MM-DD，收到“${v}”`);
    out[key] = v;
  }
  const status = single(sp, "status", 10);
  if (status !== undefined) {
    if (!(MILESTONE_STATUSES as readonly string[]).includes(status)) bad(`status：应为 ${MILESTONE_STATUSES.join(" 或 ")}（${MILESTONE_STATUSES.map((x) => MILESTONE_STATUS_LABELS[x]).join("、")}），收到“${status}”`);
    out.status = status as MilestoneStatus;
  }
  if (out.from && out.to && out.from.slice(0, out.to.length) > out.to) bad(`from 晚于 to（${out.from} > ${out.to}）`);
  return out;
}

/**
 * TimelineState → `/timeline?…` (or another base, e.g. /api/timeline). A patch that changes the filter
 * goes back to page 1 (the old page number means nothing under another filter) unless it sets `page`.
 */
export function timelineHref(
  state: TimelineState,
  patch: Partial<Record<(typeof TIMELINE_KEYS)[number], string | undefined>> & { offtopic?: boolean; page?: number; limit?: number } = {},
  base = "/timeline",
): string {
  const next = { ...state, ...patch };
  if (!("page" in patch) && Object.keys(patch).length > 0) next.page = undefined;
  const qs = new URLSearchParams();
  for (const key of TIMELINE_KEYS) {
    const v = next[key];
    if (v) qs.set(key, v);
  }
  if (next.offtopic) qs.set(OFFTOPIC_KEY, "1");
  if (next.page && next.page > 1) qs.set("page", String(next.page));
  if (next.limit && next.limit !== TIMELINE_PAGE_SIZE) qs.set("limit", String(next.limit));
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

/** Targets per page of an entity page's list of targets (目标与完成情况): a province has hundreds. */
export const ENTITY_TARGETS_PAGE_SIZE = 50;
/** `?targets=N`: the page of that list (the milestones on the page are a bounded list of their own). */
export const ENTITY_TARGETS_KEY = "targets";
/** Articles per page of an entity page's list of articles (提到它的文章): a province is named by thousands. */
export const ENTITY_ARTICLES_PAGE_SIZE = 50;
/** `?articles=N`: the page of that list. */
export const ENTITY_ARTICLES_KEY = "articles";

export interface EntityPageState {
  /** Page of the targets list, 1 when absent. */
  targetsPage?: number;
  /** Page of the articles list, 1 when absent. */
  articlesPage?: number;
}

/** An entity page's state (/entities/{kind}/{slug}): each list's page, checked like every page number. */
export function parseEntityPageParams(input: RawParams): EntityPageState {
  const sp = toURLSearchParams(input);
  rejectUnknown(sp, new Set([ENTITY_TARGETS_KEY, ENTITY_ARTICLES_KEY]));
  const out: EntityPageState = {};
  const targets = integer(sp, ENTITY_TARGETS_KEY, 1, TIMELINE_MAX_PAGE, 1);
  if (targets > 1) out.targetsPage = targets;
  const articles = integer(sp, ENTITY_ARTICLES_KEY, 1, TIMELINE_MAX_PAGE, 1);
  if (articles > 1) out.articlesPage = articles;
  return out;
}

/**
 * EntityPageState → the entity page's address under `base` (/entities/{kind}/{slug}), with the anchor of the list
 * a pager moves (the targets' by default). Both lists' pages are kept: paging one leaves the other where it was.
 */
export function entityPageHref(base: string, state: EntityPageState, anchor = "tg-h"): string {
  const qs = new URLSearchParams();
  if (state.targetsPage && state.targetsPage > 1) qs.set(ENTITY_TARGETS_KEY, String(state.targetsPage));
  if (state.articlesPage && state.articlesPage > 1) qs.set(ENTITY_ARTICLES_KEY, String(state.articlesPage));
  const s = qs.toString();
  return `${base}${s ? `?${s}` : ""}#${anchor}`;
}
