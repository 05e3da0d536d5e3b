import Link from "next/link";
import type { EntityCardData } from "@/app/entity-cards";
import styles from "./search.module.css";

/** The entity the query names, above the results: what it is, where, how much the knowledge base holds on it. */
export function EntityCards({ cards }: { cards: EntityCardData[] }) {
  if (!cards.length) return null;
  return (
    <div className={styles.entityCards}>
      {cards.map((c) => (
        <section key={c.id} className={`card ${styles.entityCard}`} data-testid="entity-card" data-entity-id={c.id} aria-label={`${c.kindLabel}：${c.name}`}>
          <p className="small muted">
            <span className="chip" data-kind={c.kind} data-testid="entity-card-kind">{c.kindLabel}</span>
            {c.where ? <span data-testid="entity-card-where"> · {c.where}</span> : null}
          </p>
          <h2 data-testid="entity-card-name">{c.kind === "plan" && !c.name.startsWith("《") ? `《${c.name}》` : c.name}</h2>
          {c.aliases.length ? <p className="small muted">又称：{c.aliases.join("、")}</p> : null}
          <p className="small" data-testid="entity-card-counts">
            <strong>{c.articles}</strong> 篇文章提到 · <strong>{c.milestones}</strong> 个里程碑
          </p>
          <p className="small">
            {c.href ? <Link href={c.href} data-testid="entity-card-page">查看条目 →</Link> : null}
            {c.timelineHref ? <> <Link href={c.timelineHref} data-testid="entity-card-timeline">时间线 →</Link></> : null}
          </p>
        </section>
      ))}
    </div>
  );
}
