import Link from "next/link";
import { segmentText, type Annotation } from "./annotate";
import { annotationLabel } from "@/lib/domain/kinds";
import styles from "./annotated-paragraph.module.css";

export function AnnotatedParagraph({ text, annotations, id }: { text: string; annotations: Annotation[]; id?: string }) {
  return (
    <p id={id} className={styles.p}>
      {segmentText(text, annotations).map((s, i) => {
        const a = s.annotation;
        if (!a) return s.text;
        const title = `${annotationLabel(a.kind)}${a.label ? `：${a.label}` : ""}`;
        if (a.href) {
          return (
            <Link key={i} href={a.href} className={styles.ann} data-kind={a.kind} title={title} data-testid="mention">
              {s.text}
            </Link>
          );
        }
        return (
          <span key={i} className={styles.ann} data-kind={a.kind} title={title} data-testid="mention">
            {s.text}
          </span>
        );
      })}
    </p>
  );
}

export function KindLegend({ kinds }: { kinds: string[] }) {
  return (
    <ul className={styles.legend} aria-label="标注图例">
      {kinds.map((k) => (
        <li key={k}>
          <span className={styles.ann} data-kind={k}>{annotationLabel(k)}</span>
        </li>
      ))}
    </ul>
  );
}
