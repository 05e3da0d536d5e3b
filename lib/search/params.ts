import { z } from "zod";
import { regionByNameOrId } from "../extract/regions";
import { AtlasError } from "../ingest/types";
import { FACETS, SORTS, type FacetName, type SearchParams } from "./types";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const value = z.string().trim().min(1).max(200);
const schema = z.object({
  q: z.string().max(500, "q: at most 500 characters").default(""),
  sort: z.enum(SORTS, { message: `sort: one of ${SORTS.join(", ")}` }).default("relevance"),
  page: z.coerce.number({ message: "page: a number" }).int("page: a whole number").min(1, "page: 1 or more").max(1000, "page: at most 1000").default(1),
  pageSize: z.coerce.number({ message: "pageSize: a number" }).int().min(1).max(MAX_PAGE_SIZE, `pageSize: at most ${MAX_PAGE_SIZE}`).default(DEFAULT_PAGE_SIZE),
  ...Object.fromEntries(FACETS.map((f) => [f, z.array(value).max(50).default([])])),
  ...Object.fromEntries(FACETS.map((f) => [`${f}Query`, z.string().trim().max(100).optional()])),
});

const KNOWN = new Set(["q", "sort", "page", "pageSize", ...FACETS, ...FACETS.map((f) => `${f}Query`)]);

/** URL query → SearchParams (shared by /api/search and `kb search`); repeated keys are multi-select. */
export function parseSearchParams(input: URLSearchParams | Record<string, string | string[] | undefined>): SearchParams {
  const sp = input instanceof URLSearchParams ? input : toSearchParams(input);
  const unknown = [...new Set([...sp.keys()].filter((k) => !KNOWN.has(k)))];
  if (unknown.length) throw new AtlasError("BAD_PARAMS", `Unknown search parameter${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
  const raw: Record<string, unknown> = {};
  for (const key of new Set(sp.keys())) {
    const all = sp.getAll(key).filter((v) => v !== "");
    raw[key] = (FACETS as readonly string[]).includes(key) ? all : all[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AtlasError("BAD_PARAMS", `Invalid search parameters: ${parsed.error.issues.map((i) => (i.path.length && !i.message.includes(":") ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ")}`);
  }
  const d = parsed.data as Record<string, unknown> & { q: string; sort: SearchParams["sort"]; page: number; pageSize: number };
  const filters: Partial<Record<FacetName, string[]>> = {};
  const facetQuery: Partial<Record<FacetName, string>> = {};
  for (const f of FACETS) {
    const given = d[f] as string[];
    const vals = [...new Set(f === "region" ? given.map(regionFilterValue) : given)];
    if (vals.length) filters[f] = vals;
    const fq = d[`${f}Query`] as string | undefined;
    if (fq) facetQuery[f] = fq;
  }
  return { q: d.q.trim(), filters, sort: d.sort, page: d.page, pageSize: d.pageSize, ...(Object.keys(facetQuery).length ? { facetQuery } : {}) };
}

/** Region filters are entity ids (`region:zj-jiaxing-jiashan`); a name or alias typed by a person (嘉善) is resolved. */
function regionFilterValue(v: string): string {
  if (v.startsWith("region:")) return v;
  const region = regionByNameOrId(v);
  if (!region) throw new AtlasError("BAD_PARAMS", `Invalid search parameters: region: unknown region “${v}” (use a name such as 嘉善 or an id such as region:zj)`);
  return `region:${region.id}`;
}

function toSearchParams(input: Record<string, string | string[] | undefined>): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) for (const item of Array.isArray(v) ? v : v === undefined ? [] : [v]) sp.append(k, item);
  return sp;
}

/** SearchParams → URL query string (the inverse of parseSearchParams), for links that keep the search state. */
export function searchParamsToQuery(p: SearchParams): string {
  const sp = new URLSearchParams();
  if (p.q) sp.set("q", p.q);
  for (const f of FACETS) for (const v of p.filters[f] ?? []) sp.append(f, v);
  if (p.sort !== "relevance") sp.set("sort", p.sort);
  if (p.page !== 1) sp.set("page", String(p.page));
  if (p.pageSize !== DEFAULT_PAGE_SIZE) sp.set("pageSize", String(p.pageSize));
  return sp.toString();
}
