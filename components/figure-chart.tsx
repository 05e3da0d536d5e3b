import type { FigureItem } from "@/db/queries/entities";
import { formatDate, formatQuantity } from "@/lib/format";
import styles from "./figure-chart.module.css";

export interface SeriesPoint {
  label: string;
  value: number;
}

export interface Indicator {
  subject: string;
  unit: string;
  points: SeriesPoint[];
  figures: FigureItem[];
}

/** Same subject (ignoring spaces) and unit = one indicator; its values in report order (从75%到96.2% gives two). */
export function groupIndicators(figs: FigureItem[]): Indicator[] {
  const groups = new Map<string, Indicator>();
  for (const f of figs) {
    if (!f.subject) continue;
    const key = `${f.subject.replace(/\s+/g, "")}|${f.unit}`;
    const g = groups.get(key) ?? { subject: f.subject, unit: f.unit, points: [], figures: [] };
    const when = f.published ? formatDate(f.published, f.publishedPrecision) : "日期不详";
    if (f.before !== null) g.points.push({ label: "此前", value: f.before });
    g.points.push({ label: when, value: f.after ?? f.value });
    g.figures.push(f);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** Charts an entity page draws, and the points each shows: a province has a hundred indicators, some with 200 values. */
export const MAX_CHARTS = 12;
export const MAX_CHART_POINTS = 24;

/**
 * The indicators worth a chart (two values or more), the ones with the most values first (ties in report order),
 * at most `maxCharts`, each with its latest `maxPoints` values; `hidden` counts the charted indicators left out.
 */
export function chartIndicators(indicators: Indicator[], maxCharts = MAX_CHARTS, maxPoints = MAX_CHART_POINTS): { charts: (Indicator & { totalPoints: number })[]; hidden: number } {
  const charted = indicators.filter((i) => i.points.length >= 2);
  const shown = charted
    .map((i, order) => ({ i, order }))
    .sort((a, b) => b.i.points.length - a.i.points.length || a.order - b.order)
    .slice(0, maxCharts)
    .map(({ i }) => ({ ...i, points: i.points.slice(-maxPoints), totalPoints: i.points.length }));
  return { charts: shown, hidden: charted.length - shown.length };
}

/** A small inline line chart: no library, readable without colour (values are labelled). */
export function FigureChart({ indicator }: { indicator: Indicator }) {
  const { points, unit, subject } = indicator;
  const w = 320;
  const h = 130;
  const pad = { l: 12, r: 12, t: 22, b: 26 };
  const values = points.map((p) => p.value);
  const min = Math.min(...values, 0);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => pad.l + (points.length === 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (points.length - 1));
  const y = (v: number) => pad.t + (1 - (v - min) / span) * (h - pad.t - pad.b);
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const summary = points.map((p) => `${p.label} ${formatQuantity(p.value, unit)}`).join("，");
  return (
    <figure className={styles.figure} data-testid="figure-chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${subject}：${summary}`} className={styles.svg}>
        <line x1={pad.l} x2={w - pad.r} y1={h - pad.b} y2={h - pad.b} className={styles.axis} />
        <polyline points={line} className={styles.line} />
        {points.map((p, i) => (
          <g key={i}>
            <circle cx={x(i)} cy={y(p.value)} r={4} className={styles.dot} />
            <text x={x(i)} y={y(p.value) - 8} textAnchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"} className={styles.value}>
              {formatQuantity(p.value, unit)}
            </text>
            <text x={x(i)} y={h - 8} textAnchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"} className={styles.label}>
              {p.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className={styles.caption}>{subject}</figcaption>
    </figure>
  );
}
