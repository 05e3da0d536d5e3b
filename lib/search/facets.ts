import { FACET_REGISTRY, type FacetRegistry } from "../domain/facets";
import { regionDepth, regionParentId } from "../domain/regions";
import type { EntityGraph } from "./documents";
import { normalizeForSearch } from "./segment";
import type { FacetName, FacetValue, SearchParams } from "./types";

const MAX_VALUES = 200;
/** The order of localeCompare(…, "zh"), with the collator built once instead of on every comparison. */
const byLabel = new Intl.Collator("zh").compare;

export type FacetCounts = Record<string, Map<string, number>>;

/** Raw counts per facet → FacetValue lists: labelled, selected values kept, filtered by facetQuery, ordered as the registry says. */
export function shapeFacets(counts: FacetCounts, params: SearchParams, graph: EntityGraph, registry: FacetRegistry = FACET_REGISTRY): Record<FacetName, FacetValue[]> {
  const out: Record<string, FacetValue[]> = {};
  const filters = params.filters as Record<string, string[] | undefined>;
  const facetQuery = (params.facetQuery ?? {}) as Record<string, string | undefined>;
  for (const def of registry) {
    const selected = new Set(filters[def.name] ?? []);
    const map = new Map(counts[def.name]);
    for (const s of selected) if (!map.has(s)) map.set(s, 0);
    const fq = facetQuery[def.name] ? normalizeForSearch(facetQuery[def.name] ?? "") : "";
    let values: FacetValue[] = [...map].map(([value, count]) => {
      const v: FacetValue = { value, label: def.valueLabel(value, graph), count, selected: selected.has(value) };
      if (def.tree) {
        v.depth = regionDepth(value);
        v.parent = regionParentId(value);
      }
      return v;
    });
    if (fq) values = values.filter((v) => v.selected || normalizeForSearch(v.label).includes(fq) || v.value.toLowerCase().includes(fq));
    values.sort((a, b) =>
      def.order === "value-desc" ? b.value.localeCompare(a.value) : b.count - a.count || byLabel(a.label, b.label),
    );
    out[def.name] = values.slice(0, Math.max(MAX_VALUES, selected.size));
  }
  return out as Record<FacetName, FacetValue[]>;
}

export function emptyCounts(registry: FacetRegistry = FACET_REGISTRY): FacetCounts {
  return Object.fromEntries(registry.map((f) => [f.name, new Map<string, number>()]));
}
