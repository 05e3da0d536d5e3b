import { describe, expect, it } from "vitest";
import { contentDisposition, csvResponse, dateTimeAttr, formatDate, toCsv } from "@/lib/format";
import { locate, segmentText } from "@/components/annotate";
import { pageWindow } from "@/components/search/pagination";
import { searchHref, toggleFilterHref, exportHref } from "@/components/search/href";
import type { SearchParams } from "@/lib/search/types";

describe("formatDate", () => {
  it("shows a date only as precisely as it is known", () => {
    expect(formatDate("2024-07-25", "day")).toBe("2024年7月25日");
    expect(formatDate("2023-02-01", "month")).toBe("2023年2月");
    expect(formatDate("2023-02", "month")).toBe("2023年2月");
    expect(formatDate("2020-01-01", "year")).toBe("2020年");
    expect(formatDate("2020")).toBe("2020年");
    expect(formatDate("2019-11")).toBe("2019年11月");
    expect(formatDate(null)).toBe("");
    expect(formatDate("02-24")).toBe("02-24");
  });
  it("gives <time dateTime> only the known part", () => {
    expect(dateTimeAttr("2023-02-01", "month")).toBe("2023-02");
    expect(dateTimeAttr("2020-01-01", "year")).toBe("2020");
    expect(dateTimeAttr("2024-07-25")).toBe("2024-07-25");
  });
});

describe("toCsv", () => {
  const cols = [
    { header: "name", value: (r: { name: string; n: number | null; tags: string[] }) => r.name },
    { header: "n", value: (r: { n: number | null }) => r.n },
    { header: "tags", value: (r: { tags: string[] }) => r.tags },
  ];
  it("writes RFC 4180 with a UTF-8 BOM and CRLF", () => {
    const csv = toCsv(
      [
        { name: "长三角,示范区", n: 1, tags: ["a", "b"] },
        { name: '他说"好"\n第二行', n: null, tags: [] },
      ],
      cols,
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1)).toBe('name,n,tags\r\n"长三角,示范区",1,a; b\r\n"他说""好""\n第二行",,\r\n');
  });
  it("defuses spreadsheet formulas in text cells but not numbers", () => {
    const csv = toCsv([{ name: "=HYPERLINK(1)", n: -3, tags: [] }], cols);
    expect(csv).toContain("'=HYPERLINK(1),-3,");
  });
  // OWASP's CSV-injection list: a spreadsheet runs a cell starting with any of these as a formula
  // (or, for tab and CR, as the start of one). Each must come out behind a leading apostrophe.
  it.each([
    ["=", "=1+2", "'=1+2"],
    ["+", "+1+2", "'+1+2"],
    ["-", "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@", "@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"],
    ["tab", "\t=1+2", "'\t=1+2"],
    ["CR", "\r=1+2", "\"'\r=1+2\""],
  ])("defuses a text cell starting with %s", (_lead, cell, expected) => {
    const csv = toCsv([{ name: cell, n: 1, tags: [] }], cols);
    expect(csv.slice(1).split("\r\n")[1]).toBe(`${expected},1,`);
    expect(toCsv([{ name: "safe", n: 1, tags: [] }], cols).slice(1).split("\r\n")[1]).toBe("safe,1,");
  });
  it("defuses a list cell whose joined text starts a formula", () => {
    expect(toCsv([{ name: "x", n: 1, tags: ["=cmd()", "b"] }], cols).slice(1).split("\r\n")[1]).toBe("x,1,'=cmd(); b");
  });
  // Issue 17: a title with a full-width ＝ reached the timeline CSV's source_titles list as a live =HYPERLINK(…).
  it.each([
    ["full-width ＝ in a text cell", { name: "＝HYPERLINK(\"http://x\")", n: 1, tags: [] }, "\"'＝HYPERLINK(\"\"http://x\"\")\",1,"],
    ["full-width ＋ and ＠", { name: "＋1", n: 1, tags: ["＠SUM(1)"] }, "'＋1,1,'＠SUM(1)"],
    ["full-width ＝ as the first item of a list", { name: "x", n: 1, tags: ["＝HYPERLINK(1)", "b"] }, "x,1,'＝HYPERLINK(1); b"],
    ["a formula as a later item of a list", { name: "x", n: 1, tags: ["a", "=cmd()", "－1"] }, "x,1,a; '=cmd(); '－1"],
    ["a list item starting with tab or CR", { name: "x", n: 1, tags: ["\t=1", "\r=2"] }, "x,1,\"'\t=1; '\r=2\""],
  ])("defuses %s", (_what, row, expected) => {
    expect(toCsv([row], cols).slice(1).split("\r\n")[1]).toBe(expected);
  });
});

describe("csv response", () => {
  it("has the headers a browser and Excel need", async () => {
    const res = csvResponse(toCsv([], [{ header: "a", value: () => 1 }]), "里程碑.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(contentDisposition("里程碑.csv"));
    expect(contentDisposition("里程碑.csv")).toBe(`attachment; filename="___.csv"; filename*=UTF-8''%E9%87%8C%E7%A8%8B%E7%A2%91.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("segmentText", () => {
  it("covers the text with non-overlapping runs, longest first on overlap", () => {
    const text = "国务院批复《长三角生态绿色一体化发展示范区总体方案》";
    const segs = segmentText(text, [
      { start: 0, end: 3, kind: "organization", ref: "o" },
      { start: 6, end: 9, kind: "region", ref: "r" },
      { start: 5, end: text.length, kind: "plan", ref: "p" },
      { start: 50, end: 60, kind: "region", ref: "out-of-range" },
    ]);
    expect(segs.map((s) => s.text).join("")).toBe(text);
    expect(segs.map((s) => s.annotation?.ref ?? null)).toEqual(["o", null, "p"]);
  });
  it("locates figure text from a cursor", () => {
    expect(locate("从75%上升到96.2%,96.2%", "96.2%", 10)).toEqual({ start: 13, end: 18 });
    expect(locate("abc", "")).toBeNull();
  });
});

describe("search links", () => {
  const p: SearchParams = { q: "示范区", filters: { region: ["region:33"] }, sort: "newest", page: 3, pageSize: 20 };
  it("toggle facet values and go back to page 1", () => {
    expect(toggleFilterHref(p, "region", "region:32")).toBe("/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA&region=region%3A33&region=region%3A32&sort=newest");
    expect(toggleFilterHref(p, "region", "region:33")).toBe("/?q=%E7%A4%BA%E8%8C%83%E5%8C%BA&sort=newest");
    expect(searchHref(p, { page: 4 })).toContain("page=4");
    expect(exportHref(p, "csv")).toBe("/api/search?q=%E7%A4%BA%E8%8C%83%E5%8C%BA&region=region%3A33&sort=newest&pageSize=100&format=csv");
  });
  it("windows the page list", () => {
    expect(pageWindow(6, 20)).toEqual([1, "gap", 4, 5, 6, 7, 8, "gap", 20]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  });
});

describe("formatQuantity", () => {
  it("writes large amounts in 万/亿 and keeps percentages", async () => {
    const { formatQuantity } = await import("@/lib/format");
    expect(formatQuantity(750_000_000, "美元")).toBe("7.5亿美元");
    expect(formatQuantity(16_700_000_000, "元")).toBe("167亿元");
    expect(formatQuantity(11_000, "人")).toBe("1.1万人");
    expect(formatQuantity(136, "项")).toBe("136项");
    expect(formatQuantity(96.2, "%")).toBe("96.2%");
  });
});
