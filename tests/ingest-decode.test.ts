import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { requireCorpus } from "@/lib/eval/corpora";
import { canonicalEncoding, decodeBytes, sniffDeclaredCharset } from "@/lib/ingest/decode";
import { stripPinyin } from "@/lib/ingest/normalize";
import { processPage } from "@/lib/ingest/process";
import { AtlasError } from "@/lib/errors";

const CONTENT = path.join(__dirname, "..", "content");

const seedTexts = fs
  .readdirSync(CONTENT)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => ({ name: f.slice(0, 3), text: fs.readFileSync(path.join(CONTENT, f), "utf8") }));
/** Simplified seeds: everything in them is in GBK except a couple of symbols (☎), which GB18030 has. */
const simplified = seedTexts.filter((s) => s.name !== "003");
const big5RoundTrips = (line: string) => iconv.decode(iconv.encode(line, "big5"), "big5") === line;
/**
 * Traditional texts that Big5 encodes completely: seed 003 without its pinyin (lines with a no-break space or a
 * tone letter left out), and two traditional development pages of the shared corpus (read when their test runs, so a
 * missing corpus fails those two loudly).
 */
const traditional: { name: string; text: () => string }[] = [
  { name: "003", text: () => stripPinyin(seedTexts.find((s) => s.name === "003")!.text).split("\n").filter(big5RoundTrips).join("\n") },
  ...["053", "069"].map((id) => ({ name: id, text: () => fs.readFileSync(path.join(requireCorpus("yrd-dev"), `${id}.txt`), "utf8") })),
];

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));
const html = (body: string, charset?: string) =>
  `<!doctype html><html><head>${charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : ""}<title>測試</title></head><body><p>${body.split("\n").join("</p>\n<p>")}</p></body></html>`;

describe("decodeBytes: each encoding, as text and as HTML with and without a declaration", () => {
  it.each(simplified.map((s) => [s.name, s.text] as const))("GBK seed %s (undeclared, declared gb2312, declared gbk)", (_, text) => {
    const bytes = encode(text, "gbk");
    const expected = iconv.decode(Buffer.from(bytes), "gbk");
    expect(decodeBytes(bytes)).toEqual({ text: expected, encoding: "gb18030" });
    expect(decodeBytes(encode(html(text, "gb2312"), "gbk")).text).toBe(iconv.decode(iconv.encode(html(text, "gb2312"), "gbk"), "gbk"));
    expect(decodeBytes(encode(html(text), "gbk")).encoding).toBe("gb18030");
    expect(decodeBytes(bytes, { declared: "GBK" }).encoding).toBe("gb18030");
  });

  it.each(seedTexts.map((s) => [s.name, s.text] as const))("GB18030 seed %s round-trips losslessly", (_, text) => {
    const bytes = encode(text, "gb18030");
    expect(decodeBytes(bytes)).toEqual({ text, encoding: "gb18030" });
    expect(decodeBytes(encode(html(text, "gb18030"), "gb18030")).text).toBe(html(text, "gb18030"));
  });

  it.each(traditional.map((s) => [s.name, s.text] as const))("Big5 page %s (undeclared, meta big5, sidecar big5)", (_, load) => {
    const text = load();
    const bytes = encode(text, "big5");
    expect(iconv.decode(Buffer.from(bytes), "big5")).toBe(text);
    expect(decodeBytes(bytes)).toEqual({ text, encoding: "big5" });
    expect(decodeBytes(encode(html(text, "big5"), "big5"))).toEqual({ text: html(text, "big5"), encoding: "big5" });
    expect(decodeBytes(encode(html(text), "big5"))).toEqual({ text: html(text), encoding: "big5" });
    expect(decodeBytes(bytes, { declared: "big5" }).encoding).toBe("big5");
  });

  it.each(seedTexts.map((s) => [s.name, s.text] as const))("UTF-8 seed %s, with and without BOM", (_, text) => {
    expect(decodeBytes(encode(text, "utf8"))).toEqual({ text, encoding: "utf-8" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text, "utf8")]);
    expect(decodeBytes(bom)).toEqual({ text, encoding: "utf-8" });
  });

  it("UTF-16LE and UTF-16BE with BOM", () => {
    const text = simplified[0]!.text;
    const le = new Uint8Array([0xff, 0xfe, ...encode(text, "utf16le")]);
    expect(decodeBytes(le)).toEqual({ text, encoding: "utf-16le" });
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(encode(text, "utf16le")).swap16()]);
    expect(decodeBytes(be)).toEqual({ text, encoding: "utf-16be" });
  });
});

describe("decodeBytes: precedence when declarations lie", () => {
  const text = simplified[1]!.text;

  it("valid UTF-8 rich in CJK wins over a meta that says gbk", () => {
    const page = html(text, "gbk");
    expect(decodeBytes(encode(page, "utf8"))).toEqual({ text: page, encoding: "utf-8" });
  });

  it("valid UTF-8 wins over a sidecar that says gbk", () => {
    expect(decodeBytes(encode(text, "utf8"), { declared: "gbk" })).toEqual({ text, encoding: "utf-8" });
  });

  it("GBK bytes under a sidecar or meta that says utf-8 are sniffed as GB18030", () => {
    expect(decodeBytes(encode(text, "gb18030"), { declared: "utf-8" })).toEqual({ text, encoding: "gb18030" });
    const page = html(text, "utf-8");
    expect(decodeBytes(encode(page, "gb18030"))).toEqual({ text: page, encoding: "gb18030" });
  });

  it("Big5 bytes under a meta that says gbk: the implausible declared decoding is rejected", () => {
    const trad = traditional[0]!.text();
    const page = html(trad, "gbk");
    expect(decodeBytes(encode(page, "big5"))).toEqual({ text: page, encoding: "big5" });
  });

  it("a sidecar wins over a contradicting meta when both decode cleanly", () => {
    const ascii = "<html><head><meta charset=\"shift_jis\"></head><body><p>plain ascii</p></body></html>";
    expect(decodeBytes(encode(ascii, "utf8"), { declared: "gbk" }).encoding).toBe("utf-8");
    const gbk = encode(html(text, "big5"), "gbk");
    expect(decodeBytes(gbk, { declared: "gb2312" }).encoding).toBe("gb18030");
  });

  it("bytes that no encoding makes sense of raise an encoding error", () => {
    let x = 7;
    const random = new Uint8Array(6000).map(() => 0x81 + ((x = (x * 1103515245 + 12345) & 0x7fffffff) % 0x7e));
    expect(() => decodeBytes(random)).toThrowError(AtlasError);
    try {
      decodeBytes(random);
    } catch (e) {
      expect((e as AtlasError).code).toBe("encoding");
    }
  });
});

describe("charset labels", () => {
  it("maps GB2312/GBK to GB18030 and Big5 variants to big5", () => {
    expect(canonicalEncoding("GB2312")).toBe("gb18030");
    expect(canonicalEncoding("gbk")).toBe("gb18030");
    expect(canonicalEncoding("x-gbk")).toBe("gb18030");
    expect(canonicalEncoding("Big5-HKSCS")).toBe("big5");
    expect(canonicalEncoding("UTF8")).toBe("utf-8");
    expect(canonicalEncoding("iso-8859-1")).toBe("windows-1252");
    expect(canonicalEncoding("no-such-charset")).toBeNull();
    expect(canonicalEncoding(undefined)).toBeNull();
  });

  it("reads <meta charset>, http-equiv and XML declarations", () => {
    const b = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
    expect(sniffDeclaredCharset(b('<meta charset="gb2312">'))).toBe("gb2312");
    expect(sniffDeclaredCharset(b("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=big5'>"))).toBe("big5");
    expect(sniffDeclaredCharset(b('<?xml version="1.0" encoding="GBK"?><html>'))).toBe("GBK");
    expect(sniffDeclaredCharset(b("<p>no declaration</p>"))).toBeNull();
  });
});

describe("processPage on re-encoded pages", () => {
  it("a GBK HTML page without a declaration comes out as the same article as the UTF-8 one", () => {
    const page = `<!doctype html><html><head><title>长三角一体化示范区2024年度“体检报告”出炉_嘉善厂房土地招商网</title></head><body>
      <h1>长三角一体化示范区2024年度“体检报告”出炉</h1>
      <div class="content">${simplified[0]!.text
        .split("\n")
        .slice(6, 26)
        .filter((l) => l.trim())
        .map((l) => `<p>${l}</p>`)
        .join("\n")}</div></body></html>`;
    const fromUtf8 = processPage(encode(page, "utf8"), { fileName: "a.html" });
    const fromGbk = processPage(encode(page, "gbk"), { fileName: "a.html" });
    expect(fromGbk.encoding).toBe("gb18030");
    expect(fromUtf8.encoding).toBe("utf-8");
    expect({ ...fromGbk, encoding: "" }).toEqual({ ...fromUtf8, encoding: "" });
    expect(fromGbk.title).toBe("长三角一体化示范区2024年度“体检报告”出炉");
    expect(fromGbk.paragraphs[0]!.startsWith("2月20日,《〈长三角生态绿色一体化发展示范区国土空间总体规划")).toBe(true);
  });

  it("a Big5 text page comes out simplified", () => {
    const trad = traditional[0]!;
    const text = trad.text();
    expect(text.length).toBeGreaterThan(1500);
    const a = processPage(encode(text, "big5"), { fileName: `${trad.name}.txt` });
    expect(a.encoding).toBe("big5");
    expect(a.title).toBe("9大方面165项重点任务 长三角新一轮行动计划发布");
    expect(a.paragraphs.join("")).toContain("标志着长三角一体化发展向纵深推进");
  });
});
