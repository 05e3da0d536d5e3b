/** Display and export formatting shared by pages and route handlers (pure functions). */

import { precisionOf, type DatePrecision as Precision } from "./domain/dates";

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * A date shown only as precisely as it is known: 2024年7月25日, 2023年2月, 2020年.
 * A value more precise than its precision is truncated (2023-02-01 with "month" → 2023年2月).
 */
export function formatDate(value: string | null | undefined, precision?: Precision | null): string {
  if (!value) return "";
  const m = DATE_RE.exec(value);
  if (!m) return value;
  const p = precision ?? precisionOf(value) ?? "day";
  const [, y, mo, d] = m;
  if (p === "year" || !mo) return `${y}年`;
  if (p === "month" || !d) return `${y}年${Number(mo)}月`;
  return `${y}年${Number(mo)}月${Number(d)}日`;
}

/** The part of the value that is known, for `<time dateTime>`: 2023-02, 2020, 2024-07-25. */
export function dateTimeAttr(value: string, precision?: Precision | null): string {
  const p = precision ?? precisionOf(value) ?? "day";
  return value.slice(0, p === "year" ? 4 : p === "month" ? 7 : 10);
}

/** 96.2, 1,100, 1.5万: numbers as people read them, without float noise. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 }).format(n);
}

/** A figure in base units as a reader writes it: 750000000 美元 → 7.5亿美元, 96.2 % → 96.2%. */
export function formatQuantity(value: number, unit: string): string {
  const abs = Math.abs(value);
  if (unit !== "%" && abs >= 1e8) return `${formatNumber(value / 1e8)}亿${unit}`;
  if (unit !== "%" && abs >= 1e4) return `${formatNumber(value / 1e4)}万${unit}`;
  return `${formatNumber(value)}${unit}`;
}

/**
 * A scraped URL as a link target: an absolute http(s) URL (normalized), else null. A local file path,
 * `file:`, `javascript:` or `data:` address is never made a link; show it as text or not at all.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined | readonly string[];
}

const BOM = "\uFEFF";

/** What a spreadsheet may take for the start of a formula, once it has folded the cell (NFKC: ＝ is =, ＋ is +). */
const FORMULA_LEAD = /^\s*[=+\-@\t\r\n]/;

/** A text that a spreadsheet would run as a formula (CSV injection), full-width lead-ins and leading spaces included. */
export function looksLikeFormula(s: string): boolean {
  return FORMULA_LEAD.test(s) || FORMULA_LEAD.test(s.normalize("NFKC"));
}

export function csvCell(v: string | number | boolean | null | undefined | readonly string[]): string {
  if (v === null || v === undefined) return "";
  const text = typeof v === "number" || typeof v === "boolean";
  // A list cell is checked item by item as well as whole: every item, not only the first, is defused.
  let s = Array.isArray(v) ? (v as readonly string[]).map((item) => (looksLikeFormula(item) ? `'${item}` : item)).join("; ") : String(v);
  if (!text && looksLikeFormula(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const csvLine = <T>(row: T, columns: readonly CsvColumn<T>[]) => columns.map((c) => csvCell(c.value(row))).join(",") + "\r\n";
const csvHeader = <T>(columns: readonly CsvColumn<T>[]) => BOM + columns.map((c) => csvCell(c.header)).join(",") + "\r\n";

/** RFC 4180 CSV (CRLF line ends, quotes doubled) with a UTF-8 BOM so Excel reads Chinese correctly. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return csvHeader(columns) + rows.map((r) => csvLine(r, columns)).join("");
}

/** The same CSV, streamed batch by batch: an export of any size, never cut at a page. */
export function csvStream<T>(batches: AsyncIterable<readonly T[]>, columns: readonly CsvColumn<T>[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvHeader(columns)));
        return;
      }
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map((r) => csvLine(r, columns)).join("")));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7E]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A downloadable CSV response (a whole string, or a stream). */
export function csvResponse(csv: string | ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(filename),
      "Cache-Control": "no-store",
    },
  });
}

