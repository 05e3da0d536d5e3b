// Scraped URLs become links only when they are web addresses (the 原文链接 on the article page).
import { describe, expect, it } from "vitest";
import { safeHttpUrl } from "@/lib/format";

describe("safeHttpUrl", () => {
  it("keeps absolute http and https URLs, normalized", () => {
    expect(safeHttpUrl("https://news.example.cn/news/2025/0221/1189.html")).toBe("https://news.example.cn/news/2025/0221/1189.html");
    expect(safeHttpUrl("http://www.jiashan.gov.cn/art/2019/11/1/art_1.html?id=3#top")).toBe("http://www.jiashan.gov.cn/art/2019/11/1/art_1.html?id=3#top");
    expect(safeHttpUrl("  HTTPS://WWW.Example.CN/a b.html \n")).toBe("https://www.example.cn/a%20b.html");
  });

  it("refuses local file paths", () => {
    expect(safeHttpUrl("file:///C:/Users/editor/Desktop/存档/page.html")).toBeNull();
    expect(safeHttpUrl("file:///home/editor/pages/page.html")).toBeNull();
    expect(safeHttpUrl("C:\\Users\\editor\\Desktop\\page.html")).toBeNull();
    expect(safeHttpUrl("/home/editor/pages/page.html")).toBeNull();
    expect(safeHttpUrl("content/000_d415b53f95fb386a.txt")).toBeNull();
  });

  it("refuses script, data and other schemes, relative and malformed URLs", () => {
    expect(safeHttpUrl("javascript:alert(document.cookie)")).toBeNull();
    expect(safeHttpUrl(" JaVaScRiPt:alert(1)")).toBeNull();
    expect(safeHttpUrl("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(safeHttpUrl("vbscript:msgbox(1)")).toBeNull();
    expect(safeHttpUrl("ftp://example.cn/a.html")).toBeNull();
    expect(safeHttpUrl("mailto:editor@example.cn")).toBeNull();
    expect(safeHttpUrl("//example.cn/a.html")).toBeNull();
    expect(safeHttpUrl("http://")).toBeNull();
    expect(safeHttpUrl("")).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});
