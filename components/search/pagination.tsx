import Link from "next/link";
import type { SearchParams } from "@/lib/search/types";
import { searchHref } from "./href";
import styles from "./search.module.css";

/** Page links around the current page: 1 … 4 5 [6] 7 8 … 20 */
export function pageWindow(current: number, last: number): (number | "gap")[] {
  const pages = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push("gap");
    out.push(n);
  });
  return out;
}

export function Pagination({ params, total }: { params: SearchParams; total: number }) {
  const last = Math.max(1, Math.ceil(total / params.pageSize));
  return <PageLinks page={Math.min(params.page, last)} last={last} href={(n) => searchHref(params, { page: n })} />;
}

/** Previous / numbered / next page links (plain links: Tab and Enter work; the current page is aria-current). */
export function PageLinks({ page, last, href }: { page: number; last: number; href: (page: number) => string }) {
  if (last <= 1) return null;
  return (
    <nav className={styles.pagination} aria-label="分页" data-testid="pagination">
      {page > 1 ? <Link href={href(page - 1)} rel="prev" data-testid="page-prev">上一页</Link> : <span aria-disabled="true" data-testid="page-prev-disabled">上一页</span>}
      {pageWindow(page, last).map((n, i) =>
        n === "gap" ? (
          <span key={`gap${i}`} aria-hidden="true">…</span>
        ) : n === page ? (
          <span key={n} aria-current="page" className={styles.currentPage} data-testid="page-current">{n}</span>
        ) : (
          <Link key={n} href={href(n)} aria-label={`第 ${n} 页`}>{n}</Link>
        ),
      )}
      {page < last ? <Link href={href(page + 1)} rel="next" data-testid="page-next">下一页</Link> : <span aria-disabled="true" data-testid="page-next-disabled">下一页</span>}
    </nav>
  );
}
