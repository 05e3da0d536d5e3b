import Link from "next/link";
import { facetDef, FACET_REGISTRY, type FacetRegistry } from "@/lib/domain/facets";
import type { FacetName, FacetValue, SearchParams, SearchResponse } from "@/lib/search/types";
import { FacetFilter } from "./facet-filter";
import { toggleFilterHref } from "./href";
import styles from "./search.module.css";

const SHOWN = 8;
/** From how many values a facet with a filter box (`regionQuery`…) shows it. */
const FILTER_FROM = 8;

const facetLabel = (facet: string) => facetDef(facet)?.label ?? facet;

function FacetLink({ p, facet, v }: { p: SearchParams; facet: FacetName; v: FacetValue }) {
  return (
    <Link
      href={toggleFilterHref(p, facet, v.value)}
      className={styles.facetLink}
      data-selected={v.selected ? "true" : undefined}
      data-testid={`facet-${facet}`}
      data-value={v.value}
      data-label={v.label}
      aria-label={`${v.selected ? "取消" : "筛选"}${facetLabel(facet)}：${v.label}（${v.count} 篇）`}
      rel="nofollow"
    >
      <span className={styles.check} aria-hidden="true">{v.selected ? "✓" : ""}</span>
      <span className={styles.facetLabel}>{v.label}</span>
      <span className={styles.facetCount}>{v.count}</span>
    </Link>
  );
}

type Node = { v: FacetValue; children: Node[] };

/** Region values as a tree (浙江 › 嘉兴 › 嘉善), using each value's parent when that parent is listed. */
function regionTree(values: FacetValue[]): Node[] {
  const nodes = new Map(values.map((v) => [v.value, { v, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const n of nodes.values()) {
    const parent = n.v.parent ? nodes.get(n.v.parent) : undefined;
    if (parent && parent !== n) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

function Tree({ p, facet, nodes, depth }: { p: SearchParams; facet: FacetName; nodes: Node[]; depth: number }) {
  return (
    <ul className={depth === 0 ? styles.facetList : styles.subList}>
      {nodes.map((n) => (
        <li key={n.v.value}>
          <FacetLink p={p} facet={facet} v={n.v} />
          {n.children.length ? <Tree p={p} facet={facet} nodes={n.children} depth={depth + 1} /> : null}
        </li>
      ))}
    </ul>
  );
}

function FlatList({ p, facet, values }: { p: SearchParams; facet: FacetName; values: FacetValue[] }) {
  const head = values.slice(0, SHOWN);
  const rest = values.slice(SHOWN);
  return (
    <>
      <ul className={styles.facetList}>
        {head.map((v) => (
          <li key={v.value}><FacetLink p={p} facet={facet} v={v} /></li>
        ))}
      </ul>
      {rest.length ? (
        <details className={styles.more}>
          <summary>另外 {rest.length} 项</summary>
          <ul className={styles.facetList}>
            {rest.map((v) => (
              <li key={v.value}><FacetLink p={p} facet={facet} v={v} /></li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** Every facet of the registry, in its order, as the registry says to show it (values arrive labelled and sorted). */
export function FacetPanel({ params, response, registry = FACET_REGISTRY }: { params: SearchParams; response: SearchResponse; registry?: FacetRegistry }) {
  const facets = response.facets as Record<string, FacetValue[] | undefined>;
  const narrowingBy = (params.facetQuery ?? {}) as Record<string, string | undefined>;
  return (
    <nav className={styles.facets} id="facets" aria-label="筛选条件" data-testid="facets">
      <a href="#results" className={styles.backToResults}>↑ 返回结果</a>
      {registry.map((def) => {
        const facet = def.name as FacetName;
        const values = facets[def.name] ?? [];
        const narrowing = narrowingBy[def.name];
        if (values.length === 0 && !narrowing) return null;
        const filterable = def.filterBox && (values.length >= FILTER_FROM || !!narrowing);
        return (
          <section key={facet} className={styles.facet} aria-labelledby={`facet-h-${facet}`} data-testid={`facet-group-${facet}`}>
            <h2 id={`facet-h-${facet}`} className={styles.facetHead}>{def.label}</h2>
            {filterable ? <FacetFilter params={params} facet={facet} label={def.label} /> : null}
            {values.length === 0 ? (
              <p className={styles.facetNone} data-testid={`facet-none-${facet}`}>没有名称含“{narrowing}”的{def.label}。</p>
            ) : def.tree ? (
              <Tree p={params} facet={facet} nodes={regionTree(values)} depth={0} />
            ) : (
              <FlatList p={params} facet={facet} values={values} />
            )}
          </section>
        );
      })}
    </nav>
  );
}

/** Selected filters as removable chips. */
export function SelectedFilters({ params, response }: { params: SearchParams; response: SearchResponse }) {
  const chips = FACET_REGISTRY.flatMap(({ name: facet }) =>
    (params.filters[facet] ?? []).map((value) => {
      const known = response.facets[facet]?.find((v) => v.value === value);
      return { facet, value, label: known?.label ?? value };
    }),
  );
  if (chips.length === 0) return null;
  return (
    <ul className={`chips ${styles.selected}`} aria-label="已选条件" data-testid="selected-filters">
      {chips.map((c) => (
        <li key={`${c.facet}:${c.value}`}>
          <Link className="chip" href={toggleFilterHref(params, c.facet, c.value)} aria-label={`移除筛选 ${facetLabel(c.facet)}：${c.label}`} data-testid="selected-filter">
            {facetLabel(c.facet)}：{c.label} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
