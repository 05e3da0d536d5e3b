/**
 * The region hierarchy, in one place: province › city › district/county › town, plus zones with
 * members (一体化示范区 = 青浦 + 吴江 + 嘉善). Every layer (extraction, search documents, facets,
 * timeline and entity queries) asks these functions; all take and return entity ids (`region:<slug>`),
 * and accept a bare gazetteer slug too. The data is the gazetteer in lib/extract/data.
 */
import { allRegions, ancestorIds, regionById, type Region, type RegionKind } from "../extract/regions";

const LEVEL_ORDER: Record<RegionKind, number> = { province: 0, zone: 1, city: 2, district: 3, county: 3, town: 4 };

export const REGION_PREFIX = "region:";

/** Region levels as readers call them, most specific first (the order results list regions in). */
export const REGION_LEVELS: Record<RegionKind, { label: string; specificity: number }> = {
  town: { label: "镇 / 街道", specificity: 4 },
  district: { label: "市辖区", specificity: 3 },
  county: { label: "县 / 县级市", specificity: 3 },
  city: { label: "地级市", specificity: 2 },
  province: { label: "省级", specificity: 1 },
  zone: { label: "功能区", specificity: 0 },
};

export function regionLevelLabel(kind: string): string {
  return (REGION_LEVELS as Record<string, { label: string } | undefined>)[kind]?.label ?? kind;
}

/**
 * A region's entity id from its code, its entity id or an old slug id (zj-jiaxing-jiashan, still valid in
 * old URLs): always `region:<code>` for a known region (`region:330421` for 嘉善).
 */
export function regionEntityId(idOrSlug: string): string {
  const bare = idOrSlug.startsWith(REGION_PREFIX) ? idOrSlug.slice(REGION_PREFIX.length) : idOrSlug;
  return `${REGION_PREFIX}${regionById(bare)?.id ?? bare}`;
}

/** The gazetteer id (code or zone slug) of a region entity id, old slugs resolved. */
export function regionSlug(id: string): string {
  const bare = id.startsWith(REGION_PREFIX) ? id.slice(REGION_PREFIX.length) : id;
  return regionById(bare)?.id ?? bare;
}

export function regionOf(id: string): Region | undefined {
  return regionById(regionSlug(id));
}

interface Index {
  /** slug → slugs of itself and everything in or below it. */
  expansion: Map<string, string[]>;
  children: Map<string, string[]>;
}

let index: Index | undefined;
let zoneList: Region[] | undefined;
/** slug → slugs of the regions that contain it, computed per region on first use (see `containersOf`). */
const containerCache = new Map<string, string[]>();

/** The tree from the root down to the region itself (codes or zone slugs); [] for an unknown region. */
function chain(slug: string): string[] {
  const r = regionById(slug);
  return r ? [...ancestorIds(r.id)].reverse().concat(r.id) : [];
}

/**
 * The regions that contain a known region: the zones it lies in (with their own chains: 先行启动区 in 示范区), then
 * the tree from the root, itself last. Computed for one region at a time and kept: an ingest worker asks for the few
 * hundred places its pages name, so it never builds the table for all 45,000 regions (~16 MB of heap a thread).
 */
function containersOf(id: string): string[] {
  const cached = containerCache.get(id);
  if (cached) return cached;
  zoneList ??= allRegions().filter((r) => r.kind === "zone");
  const tree = chain(id);
  const inZones: string[] = [];
  for (const z of zoneList) {
    if (!z.members?.some((m) => tree.includes(m))) continue;
    for (const c of chain(z.id)) if (!inZones.includes(c) && !tree.includes(c)) inZones.push(c);
  }
  const out = [...inZones, ...tree];
  containerCache.set(id, out);
  return out;
}

/** The downward tables (expansion, children), for filters and pages: built once, on first use. */
function build(): Index {
  const regions = allRegions();
  const expansion = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  // Each region is listed once per container, so no list needs de-duplicating.
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const r of regions) for (const c of containersOf(r.id)) push(expansion, c, r.id);
  for (const r of regions) {
    if (r.parentId) push(children, r.parentId, r.id);
    for (const m of r.members ?? []) push(children, r.id, m);
  }
  return { expansion, children };
}

function get(): Index {
  index ??= build();
  return index;
}

/**
 * The one expansion a region filter uses: the region itself, every region below it, and for a zone its
 * members and everything below them. Unknown ids expand to themselves.
 */
export function expandRegion(id: string): string[] {
  const slugs = get().expansion.get(regionSlug(id));
  return slugs ? slugs.map(regionEntityId) : [regionEntityId(id)];
}

/**
 * The inverse: every region a mention of `id` is inside (the zones containing it, then the tree from the
 * root), itself last. An article naming 嘉善 is filed under 长三角, 示范区, 浙江, 嘉兴 and 嘉善.
 */
export function regionContainers(id: string): string[] {
  const slug = regionSlug(id);
  return regionById(slug) ? containersOf(slug).map(regionEntityId) : [regionEntityId(id)];
}

/** Tree ancestors from the root down to the region's parent (breadcrumbs), as entity ids with names. */
export function regionAncestry(id: string): { id: string; name: string }[] {
  return chain(regionSlug(id))
    .slice(0, -1)
    .map((slug) => ({ id: regionEntityId(slug), name: regionById(slug)?.name ?? slug }));
}

export function regionParentId(id: string): string | null {
  const parent = regionOf(id)?.parentId;
  return parent ? regionEntityId(parent) : null;
}

/** Depth in the tree: 0 for a province or a top-level zone. */
export function regionDepth(id: string): number {
  return Math.max(0, chain(regionSlug(id)).length - 1);
}

/** Regions directly below: tree children, and a zone's members. */
export function regionChildIds(id: string): string[] {
  return (get().children.get(regionSlug(id)) ?? []).map(regionEntityId);
}

let byForm: Map<string, Region[]> | undefined;

/**
 * A region's entity id from its id, old slug, name or any alias (嘉善, 嘉善县), or a name with its parents
 * (浙江嘉善, 舟山市普陀区), for filters typed by people. A name several places share goes to the one in 沪苏浙皖,
 * then the higher level (普陀 → 上海普陀区; 舟山普陀 for the other).
 */
export function resolveRegion(value: string, depth = 0): string | undefined {
  const v = value.trim();
  const direct = regionById(regionSlug(v));
  if (direct) return regionEntityId(direct.id);
  if (!byForm) {
    byForm = new Map();
    for (const r of allRegions()) for (const f of new Set([r.name, r.full, ...r.aliases])) byForm.set(f, [...(byForm.get(f) ?? []), r]);
  }
  const pick = (list: Region[]) =>
    [...list].sort((a, b) => Number(/^3[1-4]/.test(b.id)) - Number(/^3[1-4]/.test(a.id)) || LEVEL_ORDER[a.kind] - LEVEL_ORDER[b.kind])[0];
  const exact = byForm.get(v);
  if (exact?.length) return regionEntityId(pick(exact)!.id);
  // A name written with its parents: the longest known tail whose region lies under the rest.
  if (depth > 2 || v.length > 24) return undefined;
  for (let i = 2; i < v.length - 1; i++) {
    const tail = byForm.get(v.slice(i));
    const head = tail?.length ? resolveRegion(v.slice(0, i), depth + 1) : undefined;
    if (!tail?.length || !head) continue;
    const under = tail.filter((r) => regionContainers(r.id).includes(head));
    if (under.length) return regionEntityId(pick(under)!.id);
  }
  return undefined;
}
