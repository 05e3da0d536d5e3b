import { FACETS, type SearchParams } from "@/lib/search/types";
import { InstantSearchInput } from "./instant-search-input";
import styles from "./search.module.css";

/**
 * A plain GET form: Enter searches, the query stays in the box, selected filters and sort are kept. With JavaScript
 * the results follow the text as it is typed and a list suggests entities and recent queries (InstantSearchInput).
 */
export function SearchBox({ params }: { params: SearchParams }) {
  return (
    <form role="search" method="get" action="/" className={styles.searchForm} data-testid="search-form">
      <label htmlFor="q" className="visually-hidden">检索长三角一体化政策新闻</label>
      <InstantSearchInput defaultValue={params.q} className={styles.searchInput} />
      {FACETS.flatMap((f) => (params.filters[f] ?? []).map((v) => <input key={`${f}:${v}`} type="hidden" name={f} value={v} />))}
      {params.sort !== "relevance" ? <input type="hidden" name="sort" value={params.sort} /> : null}
      <button type="submit" className={styles.searchButton} data-testid="search-submit">
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true"><circle cx="10.5" cy="10.5" r="6.5" stroke="currentColor" strokeWidth="2.4" fill="none" /><path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" /></svg>
        <span>检索</span>
      </button>
    </form>
  );
}
