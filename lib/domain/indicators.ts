/**
 * Indicators: the figures reported about an entity grouped into series (same subject ignoring spaces, same unit),
 * and the ones an entity page charts. Pure functions over figure rows in report order (oldest article first).
 */
import type { DatePrecision } from "./dates";
import { formatDate } from "../format";

export interface SeriesPoint {
  label: string;
  value: number;
}

/** What grouping reads of a figure. */
export interface IndicatorFigure {
  subject: string | null;
  unit: string;
  value: number;
  before: number | null;
  after: number | null;
  published: string | null;
  publishedPrecision: DatePrecision | null;
}

export interface Indicator<F extends IndicatorFigure = IndicatorFigure> {
  subject: string;
  unit: string;
  points: SeriesPoint[];
  figures: F[];
}

/** The series a figure belongs to: its subject without spaces, and its unit. */
export function indicatorKey(subject: string, unit: string): string {
  return `${subject.replace(/\s+/g, "")}|${unit}`;
}

/** How many chart points a figure gives: 从75%到96.2% gives two (the value before, then the new one). */
export function figurePoints(f: Pick<IndicatorFigure, "before">): number {
  return f.before !== null ? 2 : 1;
}

/** Same subject (ignoring spaces) and unit = one indicator; its values in report order (从75%到96.2% gives two). */
export function groupIndicators<F extends IndicatorFigure>(figs: F[]): Indicator<F>[] {
  const groups = new Map<string, Indicator<F>>();
  for (const f of figs) {
    if (!f.subject) continue;
    const key = indicatorKey(f.subject, f.unit);
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

export type ChartIndicator<F extends IndicatorFigure = IndicatorFigure> = Indicator<F> & { totalPoints: number };

/**
 * The indicators worth a chart (two values or more), the ones with the most values first (ties in report order),
 * at most `maxCharts`, each with its latest `maxPoints` values; `hidden` counts the charted indicators left out.
 */
export function chartIndicators<F extends IndicatorFigure>(indicators: Indicator<F>[], maxCharts = MAX_CHARTS, maxPoints = MAX_CHART_POINTS): { charts: ChartIndicator<F>[]; hidden: number } {
  const charted = indicators.filter((i) => i.points.length >= 2);
  const shown = charted
    .map((i, order) => ({ i, order }))
    .sort((a, b) => b.i.points.length - a.i.points.length || a.order - b.order)
    .slice(0, maxCharts)
    .map(({ i }) => ({ ...i, points: i.points.slice(-maxPoints), totalPoints: i.points.length }));
  return { charts: shown, hidden: charted.length - shown.length };
}

/** An entity's figures counted per stored (subject, unit) pair (an aggregate query), in report order of the first. */
export interface SeriesCount {
  subject: string | null;
  unit: string;
  figures: number;
  /** Figures with a value before (two points each). */
  withBefore: number;
  /** Position of the pair's first figure in report order. */
  first: number;
}

/** An indicator chosen for a chart from the counts alone: the stored pairs to read, and its size. */
export interface ChosenSeries {
  subject: string;
  unit: string;
  pairs: { subject: string; unit: string }[];
  totalPoints: number;
}

/**
 * chartIndicators from the counts alone, without reading the figures: the same indicators in the same order (most
 * points first, ties by first appearance), and `hidden` the same. Each chosen indicator's points are then its
 * latest figures (chartsFromLatest): a chart shows its latest `maxPoints` points, so its latest `maxPoints` figures
 * per stored pair are enough.
 */
export function chooseChartSeries(counts: SeriesCount[], maxCharts = MAX_CHARTS): { chosen: ChosenSeries[]; hidden: number } {
  const groups = new Map<string, ChosenSeries & { first: number }>();
  for (const c of [...counts].sort((a, b) => a.first - b.first)) {
    if (!c.subject) continue;
    const key = indicatorKey(c.subject, c.unit);
    const g = groups.get(key) ?? { subject: c.subject, unit: c.unit, pairs: [], totalPoints: 0, first: c.first };
    g.pairs.push({ subject: c.subject, unit: c.unit });
    g.totalPoints += c.figures + c.withBefore;
    groups.set(key, g);
  }
  const charted = [...groups.values()].filter((g) => g.totalPoints >= 2);
  const chosen = charted
    .sort((a, b) => b.totalPoints - a.totalPoints || a.first - b.first)
    .slice(0, maxCharts)
    .map(({ first: _first, ...g }) => g);
  return { chosen, hidden: charted.length - chosen.length };
}

/** The charts of the chosen indicators from their latest figures (report order): what chartIndicators draws. */
export function chartsFromLatest<F extends IndicatorFigure>(chosen: ChosenSeries[], latest: F[], maxPoints = MAX_CHART_POINTS): ChartIndicator<F>[] {
  const byKey = new Map(groupIndicators(latest).map((i) => [indicatorKey(i.subject, i.unit), i] as const));
  return chosen.map((c) => {
    const i = byKey.get(indicatorKey(c.subject, c.unit));
    return { subject: c.subject, unit: c.unit, figures: i?.figures ?? [], points: (i?.points ?? []).slice(-maxPoints), totalPoints: c.totalPoints };
  });
}
