import Link from "next/link";
import type { MilestoneItem } from "@/db/queries/timeline";
import { actionLabel } from "@/lib/domain/milestones";
import { DateText } from "./date-text";
import { EntityChip } from "./entity-chip";
import styles from "./milestone-list.module.css";

function Sources({ m }: { m: MilestoneItem }) {
  const n = m.sources.length;
  if (n === 0) return null;
  if (n === 1) {
    const s = m.sources[0]!;
    return (
      <Link className={styles.sources} href={`/articles/${s.articleId}#p${s.paragraph}`} data-testid="milestone-source" title={s.title}>
        1 篇报道：{s.site ?? s.title}
      </Link>
    );
  }
  return (
    <details className={styles.sourceList}>
      <summary data-testid="milestone-source">{n} 篇报道</summary>
      <ul>
        {m.sources.map((s) => (
          <li key={s.articleId}>
            <Link href={`/articles/${s.articleId}#p${s.paragraph}`}>{s.title}</Link>
            {s.site ? <span className="muted small"> · {s.site}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Region ids a milestone is in, with their ancestors (so a filter on 浙江 can be checked against 嘉善). */
export type RegionClosure = (regionId: string) => string[];

export function MilestoneEntry({ m, headingLevel = 3, closure }: { m: MilestoneItem; headingLevel?: 3 | 4; closure?: RegionClosure }) {
  const H = headingLevel === 3 ? "h3" : "h4";
  const regionIds = [...new Set(m.regions.flatMap((r) => (closure ? closure(r.id) : [r.id])))];
  return (
    <li
      className={`${styles.item} ${m.status === "planned" ? styles.planned : ""}`}
      data-testid="milestone"
      data-id={m.id}
      data-regions={regionIds.join(" ")}
      data-date={m.date ?? ""}
      data-status={m.status}
    >
      <div className={styles.date}>
        {m.status === "planned" ? <span className={styles.badge} data-testid="milestone-planned">目标 · 期限</span> : null}
        <DateText value={m.date} precision={m.precision} />
        <span className={styles.action}>{actionLabel(m.action)}</span>
      </div>
      <div className={styles.body}>
        <H className={styles.event}>{m.event}</H>
        {m.subject ? <p className={`muted small ${styles.subject}`}>事件对象：{m.subject}</p> : null}
        {m.entities.length + m.regions.length > 0 ? (
          <ul className="chips" aria-label="相关实体">
            {m.entities.map((e) => (
              <li key={e.id}><EntityChip entity={e} /></li>
            ))}
            {m.regions.map((e) => (
              <li key={e.id}><EntityChip entity={e} /></li>
            ))}
          </ul>
        ) : null}
        <Sources m={m} />
      </div>
    </li>
  );
}

/** A flat list of milestones (article and entity pages). */
export function MilestoneList({ items, empty = "暂无里程碑。", closure, headingLevel }: { items: MilestoneItem[]; empty?: string; closure?: RegionClosure; headingLevel?: 3 | 4 }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className={styles.list} data-testid="milestone-list">
      {items.map((m) => (
        <MilestoneEntry key={m.id} m={m} closure={closure} headingLevel={headingLevel} />
      ))}
    </ol>
  );
}
