import { regionDepth, resolveParent, type EntityGraph } from "./documents";
import { normalizeForSearch } from "./segment";
import { FACETS, type FacetName, type FacetValue, type SearchParams } from "./types";

export const KIND_LABELS: Record<string, string> = { plan: "规划", project: "项目", organization: "机构", region: "地区", date: "日期" };
const MAX_VALUES = 200;

function label(facet: FacetName, value: string, graph: EntityGraph): string {
  if (facet === "region" || facet === "plan") return graph.byId.get(value)?.name ?? value;
  if (facet === "kind") return KIND_LABELS[value] ?? value;
  return value;
}

/** Raw counts per facet → FacetValue lists: labelled, selected values kept, filtered by facetQuery. */
export function shapeFacets(counts: Record<FacetName, Map<string, number>>, params: SearchParams, graph: EntityGraph): Record<FacetName, FacetValue[]> {
  const out = {} as Record<FacetName, FacetValue[]>;
  for (const facet of FACETS) {
    const selected = new Set(params.filters[facet] ?? []);
    const map = new Map(counts[facet]);
    for (const s of selected) if (!map.has(s)) map.set(s, 0);
    const fq = params.facetQuery?.[facet] ? normalizeForSearch(params.facetQuery[facet] ?? "") : "";
    let values: FacetValue[] = [...map].map(([value, count]) => {
      const v: FacetValue = { value, label: label(facet, value, graph), count, selected: selected.has(value) };
      if (facet === "region") {
        v.depth = regionDepth(graph, value);
        v.parent = resolveParent(graph, graph.byId.get(value)?.parentId ?? null)?.id ?? null;
      }
      return v;
    });
    if (fq) values = values.filter((v) => v.selected || normalizeForSearch(v.label).includes(fq) || v.value.toLowerCase().includes(fq));
    values.sort((a, b) => b.count - a.count || (facet === "year" ? b.value.localeCompare(a.value) : a.label.localeCompare(b.label, "zh")));
    out[facet] = values.slice(0, Math.max(MAX_VALUES, selected.size));
  }
  return out;
}

export function emptyCounts(): Record<FacetName, Map<string, number>> {
  return Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<FacetName, Map<string, number>>;
}
