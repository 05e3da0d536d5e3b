import Link from "next/link";
import type { SearchHit } from "@/lib/search/types";
import { DateText } from "../date-text";
import styles from "./search.module.css";

export function HitList({ hits, offset }: { hits: SearchHit[]; offset: number }) {
  return (
    <ol className={styles.hits} start={offset + 1} data-testid="hits">
      {hits.map((h) => (
        <li key={h.id} className={styles.hit} data-testid="hit" data-regions={h.regions.map((r) => r.id).join(" ")}>
          <h2 className={styles.hitTitle}>
            {/* Search returns titleHtml/snippet already escaped with only <mark> left. */}
            <Link href={`/articles/${h.id}`} data-testid="hit-link" dangerouslySetInnerHTML={{ __html: h.titleHtml || escapeHtml(h.title) }} />
          </h2>
          <p className={styles.hitMeta}>
            <DateText value={h.published} precision={h.publishedPrecision} />
            {h.site ? <span>{h.site}</span> : null}
          </p>
          <p className={styles.snippet} data-testid="hit-snippet" dangerouslySetInnerHTML={{ __html: h.snippet }} />
          {h.regions.length || h.topics.length ? (
            <ul className="chips" aria-label="地区与主题">
              {h.regions.slice(0, 6).map((r) => (
                <li key={r.id}>
                  <Link className="chip" data-kind="region" href={`/entities/region/${encodeURIComponent(r.id.replace(/^region:/, ""))}`}>{r.name}</Link>
                </li>
              ))}
              {h.topics.slice(0, 3).map((t) => (
                <li key={t}><span className="chip">{t}</span></li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
