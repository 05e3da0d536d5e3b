import Link from "next/link";
import type { FacetName, SearchParams } from "@/lib/search/types";
import { facetQueryHref, searchQueryPairs } from "./href";
import { FacetFilterInput } from "./facet-filter-input";
import styles from "./search.module.css";

/**
 * Narrow one facet's values by text: a plain GET form that keeps every other URL parameter and sets
 * `<facet>Query`, so it works without JavaScript; with it, the rendered list also filters as you type.
 */
export function FacetFilter({ params, facet, label }: { params: SearchParams; facet: FacetName; label: string }) {
  const name = `${facet}Query`;
  const current = params.facetQuery?.[facet] ?? "";
  const id = `facet-filter-${facet}`;
  const kept = searchQueryPairs(params).filter(([k]) => k !== name);
  return (
    <form method="get" action="/" role="search" aria-label={`筛选${label}`} className={styles.facetFilter} data-testid={`value-filter-${facet}`}>
      {kept.map(([k, v], i) => <input key={`${k}:${v}:${i}`} type="hidden" name={k} value={v} />)}
      <label htmlFor={id} className="visually-hidden">筛选{label}</label>
      <FacetFilterInput id={id} name={name} facet={facet} label={label} defaultValue={current} placeholder={`筛选${label}…`} className={styles.facetFilterInput} hintClassName={styles.facetFilterHint} />
      <button type="submit" className={styles.facetFilterButton} aria-label={`按输入筛选${label}`}>
        <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6.5" stroke="currentColor" strokeWidth="2.6" fill="none" /><path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" /></svg>
      </button>
      {current ? (
        <Link href={facetQueryHref(params, facet, "")} className={styles.facetFilterClear} aria-label={`清除${label}筛选“${current}”`} data-testid={`value-filter-clear-${facet}`}>
          清除
        </Link>
      ) : null}
    </form>
  );
}
