import type { DatePrecision as Precision } from "@/lib/domain/dates";
import { dateTimeAttr, formatDate } from "@/lib/format";

/** A date shown only as precisely as it is known (2023年2月, not 2023-02-01). */
export function DateText({ value, precision, fallback = "日期不详" }: { value: string | null | undefined; precision?: Precision | null; fallback?: string }) {
  if (!value) return <span className="muted">{fallback}</span>;
  return <time dateTime={dateTimeAttr(value, precision)}>{formatDate(value, precision)}</time>;
}
