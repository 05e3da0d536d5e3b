import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { MAX_PAGE_BYTES, processPage } from "@/lib/ingest/process";
import { AtlasError } from "@/lib/errors";

function codeOf(bytes: Uint8Array, fileName = "page.txt"): string {
  try {
    processPage(bytes, { fileName });
  } catch (e) {
    expect(e).toBeInstanceOf(AtlasError);
    expect((e as AtlasError).message.length).toBeGreaterThan(10);
    return (e as AtlasError).code;
  }
  return "ok";
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("processPage: every bad input has a stable error code", () => {
  it("empty: zero bytes, or only whitespace in any encoding", () => {
    expect(codeOf(new Uint8Array(0))).toBe("empty");
    expect(codeOf(utf8(" \n\t\r\n  "))).toBe("empty");
    expect(codeOf(utf8("\u3000\u3000\n\u00a0"))).toBe("empty");
    expect(codeOf(new Uint8Array([0xff, 0xfe, ...iconv.encode("  \n ", "utf16le")]))).toBe("empty");
    expect(codeOf(utf8("\ufeff\n"), "page.html")).toBe("empty");
  });

  it("binary: NUL bytes or a binary file signature", () => {
    expect(codeOf(new Uint8Array([0x68, 0x69, 0x00, 0x01, 0x02, 0x68, 0x69]))).toBe("binary");
    expect(codeOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41]), "page.html")).toBe("binary");
    expect(codeOf(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x41, 0x42]), "page.html")).toBe("binary");
    expect(codeOf(utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toBe("binary");
    const controls = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(codeOf(controls)).toBe("binary");
  });

  it("too-large: a 50 MB page is rejected before any decoding", () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0xe9);
    expect(codeOf(huge, "huge.html")).toBe("too-large");
    expect(MAX_PAGE_BYTES).toBe(20 * 1024 * 1024);
    // Just under the bound is not rejected for its size.
    expect(codeOf(new Uint8Array(MAX_PAGE_BYTES).fill(0x20))).toBe("empty");
  });

  it("encoding: bytes that decode to nothing plausible", () => {
    let x = 99;
    const random = new Uint8Array(8000).map(() => 0x81 + ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 0x7e));
    expect(codeOf(random)).toBe("encoding");
    expect(codeOf(new Uint8Array(3000).fill(0xff))).toBe("encoding");
  });

  it("no-text: a page of navigation and furniture only", () => {
    const text = ["当前位置:首页 > 新闻中心 > 正文", "分享到:", "相关文章", "版权所有 © 2024 某某网 联系电话:0571-88888888", "返回顶部"].join("\n");
    expect(codeOf(utf8(text))).toBe("no-text");
    const page = `<html><head><title>首页</title></head><body><nav><a href="/">首页</a> &gt; <a href="/news">新闻</a></nav><footer>版权所有 © 2024</footer></body></html>`;
    expect(codeOf(utf8(page), "page.html")).toBe("no-text");
  });

  it("a page in another language keeps its short headings and counts as text", () => {
    const page = `<html><head><title>Jam season - Kitchen Notes</title></head><body><article><h1>Jam season</h1>
      <p>Making jam at home takes an afternoon and a few jars, and the result keeps for a whole year in a cool cupboard.</p>
      <h2>What you need</h2>
      <p>Ripe pears, honey, lemon juice and a pinch of cinnamon are all it takes; a water bath canner makes the jars safe.</p></article></body></html>`;
    const a = processPage(utf8(page), { fileName: "jam.html" });
    expect(a.paragraphs).toContain("What you need");
    expect(a.paragraphs).toHaveLength(3);
  });

  it("truncated HTML still yields its text", () => {
    const page = `<html><head><title>沪苏嘉城际铁路开工_新闻网</title></head><body><h1>沪苏嘉城际铁路开工</h1><div><p>沪苏嘉城际铁路上海段项目建成后,将构建长三角一体化示范区轨道交通网络主骨架,实现上海与江苏、浙江两省的跨省域互联互通。</p><p>此次开工的上海示范区线一期工程位于青浦区盈港东路与外青松公路交叉口北侧,沿外青松公路南北向设置于路中`;
    const a = processPage(utf8(page), { fileName: "cut.html" });
    expect(a.title).toBe("沪苏嘉城际铁路开工");
    expect(a.paragraphs.join("")).toContain("实现上海与江苏、浙江两省的跨省域互联互通");
  });
});
