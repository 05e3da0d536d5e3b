import { formatQuantity } from "@/lib/format";
import type { Indicator } from "@/lib/domain/indicators";
import styles from "./figure-chart.module.css";

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
  // Coordinates to a tenth of a unit (the chart is 320 wide): 17-digit floats in every attribute, twice (the HTML and
  // the page's RSC payload), made the 浙江 page (12 charts) 20 KB heavier for nothing visible.
  const tenth = (v: number) => Math.round(v * 10) / 10;
  const x = (i: number) => tenth(pad.l + (points.length === 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (points.length - 1)));
  const y = (v: number) => tenth(pad.t + (1 - (v - min) / span) * (h - pad.t - pad.b));
  const line = points.map((p, i) => `${x(i)},${y(p.value)}`).join(" ");
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
