import { describe, expect, it } from "vitest";
import { calendarDate, dateNumber, precisionOf } from "@/lib/domain/dates";
import { findDates, parseDate } from "@/lib/extract/dates";

const pub = { published: "2023-05-10", precision: "day" as const };

describe("one date parser: the metadata and the body agree", () => {
  it("gives an impossible day its month in both, never an invalid ISO date", () => {
    expect(findDates("2023年2月30日召开", pub)[0]).toMatchObject({ value: "2023-02", precision: "month" });
    expect(parseDate("2023年2月30日")).toEqual({ value: "2023-02", precision: "month" });
    expect(parseDate("2024-02-29")).toEqual({ value: "2024-02-29", precision: "day" });
    expect(findDates("2023年2月29日", pub)[0]).toMatchObject({ value: "2023-02", precision: "month" });
    for (const text of ["2023年2月28日", "2023-02-28", "2023/2/28"]) {
      const body = findDates(text, pub)[0];
      const meta = parseDate(text);
      expect({ value: body?.value, precision: body?.precision }).toEqual(meta);
    }
  });

  it("validates against the calendar, not against 31 days", () => {
    expect(calendarDate(2023, 4, 31)).toEqual({ value: "2023-04", precision: "month" });
    expect(calendarDate(2023, 13, 1)).toEqual({ value: "2023", precision: "year" });
    expect(calendarDate(null, 1, 1)).toBeNull();
    expect(precisionOf("2023-02")).toBe("month");
    expect(dateNumber("2023-02")).toBe(20230200);
    expect(dateNumber(null)).toBeNull();
  });
});
