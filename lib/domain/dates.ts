/**
 * Date precision and calendar dates: the one definition every layer uses (schema, extraction,
 * metadata, search documents, display). A date is stored as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`
 * and is never more precise than its source.
 */
export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface IsoDate {
  value: string;
  precision: DatePrecision;
}

const pad = (n: number) => String(n).padStart(2, "0");
const MIN_YEAR = 1000;
const MAX_YEAR = 2200;

/** Days in a month of the Gregorian calendar. */
function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Year, month and day as read from a text → an ISO date as precise as the parts that are valid:
 * `2023年2月30日` has no 30 February, so it is `2023-02` (month), never `2023-02-30`;
 * a month outside 1–12 leaves the year. Null when there is no plausible year.
 */
export function calendarDate(y: number | null, m: number | null = null, d: number | null = null): IsoDate | null {
  if (y === null || !Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) return null;
  if (m === null || !Number.isInteger(m) || m < 1 || m > 12) return { value: String(y), precision: "year" };
  if (d === null || !Number.isInteger(d) || d < 1 || d > daysInMonth(y, m)) return { value: `${y}-${pad(m)}`, precision: "month" };
  return { value: `${y}-${pad(m)}-${pad(d)}`, precision: "day" };
}

const ISO_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** Precision implied by an ISO-ish value: `YYYY` → year, `YYYY-MM` → month, `YYYY-MM-DD` → day. */
export function precisionOf(value: string): DatePrecision | null {
  const m = ISO_RE.exec(value);
  if (!m) return null;
  return m[3] ? "day" : m[2] ? "month" : "year";
}

/** The parts of an ISO value, or null. */
function isoParts(value: string | null | undefined): { y: number; m: number | null; d: number | null } | null {
  const m = value ? ISO_RE.exec(value) : null;
  if (!m) return null;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null };
}

/** yyyymmdd as a number for sorting (missing parts are 0), null for no date. */
export function dateNumber(value: string | null | undefined): number | null {
  const p = isoParts(value);
  return p ? p.y * 10000 + (p.m ?? 0) * 100 + (p.d ?? 0) : null;
}
