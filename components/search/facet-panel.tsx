import Link from "next/link";
import type { FacetName, FacetValue, SearchParams, SearchResponse } from "@/lib/search/types";
import { FacetFilter } from "./facet-filter";
import { toggleFilterHref } from "./href";
import styles from "./search.module.css";

export const FACET_LABELS: Record<FacetName, string> = {
  region: "地区",
  topic: "主题",
  site: "网站",
  year: "年份",
  plan: "规划文件",
  kind: "实体类型",
};

const KIND_VALUE_LABELS: Record<string, string> = { plan: "规划文件", project: "项目", organization: "机构", region: "地区", date: "日期" };
const SHOWN = 8;
/** Facets whose values can be narrowed by text (`regionQuery`…), and from how many values the box shows. */
const FILTERABLE: ReadonlySet<FacetName> = new Set(["region", "plan", "site"]);
const FILTER_FROM = 8;

function labelOf(facet: FacetName, v: FacetValue): string {
  return facet === "kind" ? (KIND_VALUE_LABELS[v.value] ?? v.label) : v.label;
}

function FacetLink({ p, facet, v }: { p: SearchParams; facet: FacetName; v: FacetValue }) {
  return (
    <Link
      href={toggleFilterHref(p, facet, v.value)}
      className={styles.facetLink}
      data-selected={v.selected ? "true" : undefined}
      data-testid={`facet-${facet}`}
      data-value={v.value}
      data-label={labelOf(facet, v)}
      aria-label={`${v.selected ? "取消" : "筛选"}${FACET_LABELS[facet]}：${labelOf(facet, v)}（${v.count} 篇）`}
      rel="nofollow"
    >
      <span className={styles.check} aria-hidden="true">{v.selected ? "✓" : ""}</span>
      <span className={styles.facetLabel}>{labelOf(facet, v)}</span>
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

function Tree({ p, nodes, depth }: { p: SearchParams; nodes: Node[]; depth: number }) {
  return (
    <ul className={depth === 0 ? styles.facetList : styles.subList}>
      {nodes.map((n) => (
        <li key={n.v.value}>
          <FacetLink p={p} facet="region" v={n.v} />
          {n.children.length ? <Tree p={p} nodes={n.children} depth={depth + 1} /> : null}
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

const ORDER: FacetName[] = ["region", "topic", "plan", "year", "site", "kind"];

export function FacetPanel({ params, response }: { params: SearchParams; response: SearchResponse }) {
  return (
    <nav className={styles.facets} id="facets" aria-label="筛选条件" data-testid="facets">
      <a href="#results" className={styles.backToResults}>↑ 返回结果</a>
      {ORDER.map((facet) => {
        const values = response.facets[facet] ?? [];
        const narrowing = params.facetQuery?.[facet];
        if (values.length === 0 && !narrowing) return null;
        const sorted = facet === "year" ? [...values].sort((a, b) => b.value.localeCompare(a.value)) : values;
        const filterable = FILTERABLE.has(facet) && (values.length >= FILTER_FROM || !!narrowing);
        return (
          <section key={facet} className={styles.facet} aria-labelledby={`facet-h-${facet}`} data-testid={`facet-group-${facet}`}>
            <h2 id={`facet-h-${facet}`} className={styles.facetHead}>{FACET_LABELS[facet]}</h2>
            {filterable ? <FacetFilter params={params} facet={facet} label={FACET_LABELS[facet]} /> : null}
            {values.length === 0 ? (
              <p className={styles.facetNone} data-testid={`facet-none-${facet}`}>没有名称含“{narrowing}”的{FACET_LABELS[facet]}。</p>
            ) : facet === "region" ? (
              <Tree p={params} nodes={regionTree(values)} depth={0} />
            ) : (
              <FlatList p={params} facet={facet} values={sorted} />
            )}
          </section>
        );
      })}
    </nav>
  );
}

/** Selected filters as removable chips. */
export function SelectedFilters({ params, response }: { params: SearchParams; response: SearchResponse }) {
  const chips = ORDER.flatMap((facet) =>
    (params.filters[facet] ?? []).map((value) => {
      const known = response.facets[facet]?.find((v) => v.value === value);
      return { facet, value, label: known ? labelOf(facet, known) : value };
    }),
  );
  if (chips.length === 0) return null;
  return (
    <ul className={`chips ${styles.selected}`} aria-label="已选条件" data-testid="selected-filters">
      {chips.map((c) => (
        <li key={`${c.facet}:${c.value}`}>
          <Link className="chip" href={toggleFilterHref(params, c.facet, c.value)} aria-label={`移除筛选 ${FACET_LABELS[c.facet]}：${c.label}`} data-testid="selected-filter">
            {FACET_LABELS[c.facet]}：{c.label} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
