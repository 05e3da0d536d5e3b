/**
 * Entity kinds: the one list. The schema's enum, the extraction types, the page routes, the milestone
 * kinds, the search fields and every label derive from it, so a kind added here and missing elsewhere
 * fails to compile (every `Record<EntityKind, …>` must name it).
 */
export interface KindDef {
  /** What readers call it. */
  label: string;
  /** Has a page at /entities/<kind>/<slug>. */
  page: boolean;
  /** A named thing (plan, project, organization): a milestone can concern it, its names and aliases are searchable. */
  named: boolean;
}

export const ENTITY_KINDS = {
  plan: { label: "规划文件", page: true, named: true },
  project: { label: "项目", page: true, named: true },
  organization: { label: "机构", page: true, named: true },
  region: { label: "地区", page: true, named: false },
  date: { label: "日期", page: false, named: false },
} as const satisfies Record<string, KindDef>;

export type EntityKind = keyof typeof ENTITY_KINDS;
type KindsWhere<F extends "page" | "named"> = { [K in EntityKind]: (typeof ENTITY_KINDS)[K][F] extends true ? K : never }[EntityKind];
export type PageKind = KindsWhere<"page">;
export type NamedKind = KindsWhere<"named">;

const kinds = Object.keys(ENTITY_KINDS) as EntityKind[];
/** For drizzle's text enum (a non-empty tuple). */
export const ENTITY_KIND_IDS = kinds as [EntityKind, ...EntityKind[]];
export const PAGE_KINDS = kinds.filter((k) => ENTITY_KINDS[k].page) as PageKind[];

export function isEntityKind(k: string): k is EntityKind {
  return Object.hasOwn(ENTITY_KINDS, k);
}
export function isPageKind(k: string): k is PageKind {
  return isEntityKind(k) && ENTITY_KINDS[k].page;
}
export function isNamedKind(k: string): k is NamedKind {
  return isEntityKind(k) && ENTITY_KINDS[k].named;
}

/** A kind's label; unknown kinds show as written. */
export function kindLabel(kind: string): string {
  return isEntityKind(kind) ? ENTITY_KINDS[kind].label : kind;
}

/** Labels of what a paragraph can highlight: the entity kinds plus figures. */
export function annotationLabel(kind: string): string {
  return kind === "figure" ? "数据" : kindLabel(kind);
}

/** The page of an entity (`/entities/plan/<slug>`), null for a kind without pages. */
export function entityHref(e: { kind: string; slug: string }): string | null {
  return isPageKind(e.kind) ? `/entities/${e.kind}/${encodeURIComponent(e.slug)}` : null;
}
