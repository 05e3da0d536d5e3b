import { describe, expect, it } from "vitest";
import { findDates } from "@/lib/extract/dates";

const PUB = { published: "2019-10-31", precision: "day" as const };
const NONE = { published: null, precision: null };
const d = (text: string, pub: Parameters<typeof findDates>[1] = PUB) =>
  findDates(text, pub).map((x) => ({ text: x.text, value: x.value, precision: x.precision, ...(x.endValue !== undefined ? { end: x.endValue } : {}) }));

describe("findDates", () => {
  it("reads absolute dates with their precision", () => {
    expect(d("2023年2月,国务院批复")).toEqual([{ text: "2023年2月", value: "2023-02", precision: "month" }]);
    expect(d("时间:2024-07-29 来源")).toEqual([{ text: "2024-07-29", value: "2024-07-29", precision: "day" }]);
    expect(d("二〇二四年三月五日")).toEqual([{ text: "二〇二四年三月五日", value: "2024-03-05", precision: "day" }]);
    expect(d("2019年是开局之年")).toEqual([{ text: "2019年", value: "2019", precision: "year" }]);
  });

  it("reads ranges by their start and keeps the end", () => {
    expect(d("12月8日至9日,推进会召开", { published: "2023-12-09", precision: "day" })).toEqual([
      { text: "12月8日至9日", value: "2023-12-08", precision: "day", end: "2023-12-09" },
    ]);
    expect(d("2021—2035年")).toEqual([{ text: "2021—2035年", value: "2021", precision: "year", end: "2035" }]);
    expect(d("2019年至2022年,年均增长")).toEqual([{ text: "2019年至2022年", value: "2019", precision: "year", end: "2022" }]);
  });

  it("resolves relative dates against the publication date", () => {
    expect(d("今年6月,浙江省委召开大会")[0]).toMatchObject({ value: "2019-06", precision: "month" });
    expect(d("去年12月30日,项目签约")[0]).toMatchObject({ value: "2018-12-30", precision: "day" });
    expect(d("截至去年底,里程超7100公里")[0]).toMatchObject({ text: "去年底", value: "2018-12", precision: "month" });
    expect(d("昨天下午启动")[0]).toMatchObject({ value: "2019-10-30", precision: "day" });
    expect(d("明年示范区将")[0]).toMatchObject({ value: "2020", precision: "year" });
    expect(d("今年底一个剧院有望结顶")[0]).toMatchObject({ value: "2019-12", precision: "month" });
  });

  it("puts a month after the publication month in the previous year", () => {
    expect(d("12月9日,签约", { published: "2024-01-05", precision: "day" })[0]).toMatchObject({ value: "2023-12-09" });
    expect(d("7月25日,举行发布会", { published: "2024-07-29", precision: "day" })[0]).toMatchObject({ value: "2024-07-25" });
  });

  it("keeps a date it cannot resolve as text with a null value instead of guessing", () => {
    expect(d("2月20日,报告正式发布", NONE)).toEqual([{ text: "2月20日", value: null, precision: null }]);
    expect(d("昨天", NONE)).toEqual([{ text: "昨天", value: null, precision: null }]);
    expect(d("今年6月", { published: "2019", precision: "year" })[0]).toMatchObject({ value: "2019-06" });
    expect(d("昨天", { published: "2019-10", precision: "month" })[0]).toMatchObject({ value: null });
  });

  it("does not read durations, codes or counts as dates", () => {
    expect(d("通过3年逐步完成,四年来累计形成,G60走廊,12410战略")).toEqual([]);
    expect(d("13月")).toEqual([]);
  });

  it("reads a bare day against the publication month, never a later day", () => {
    expect(d("新华社上海13日电", { published: "2022-07-13", precision: "day" })[0]).toMatchObject({ value: "2022-07-13", precision: "day" });
    expect(d("将于28日举行", { published: "2022-07-13", precision: "day" })[0]).toMatchObject({ value: null });
  });
});
