import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { requireCorpus } from "@/lib/eval/corpora";
import { pickTitle } from "@/lib/ingest/metadata";
import { normalizeText } from "@/lib/ingest/normalize";
import { processPage } from "@/lib/ingest/process";

// Fourth round (found on tests/gold/clean-fresh4.json after its first run): a <title> that wraps the printed headline
// in a site name put BEFORE it after a separator (`Joel on Software - <标题>`) or in brackets AFTER it
// (`<标题> ＜福娘童話集…＞`). Composed in simplified and traditional script, with what the rule must leave alone, plus the
// real pages of ../shared/corpus (read in place) that showed the class.

const run = (html: string) => processPage(Buffer.from(html), { fileName: "a.html" });
const real = (file: string) => processPage(readFileSync(path.join(requireCorpus(), file)), { fileName: path.basename(file) });
const headline = "沪苏浙皖联合发布营商环境报告";
const lede = "长三角生态绿色一体化发展示范区执委会今天发布了新一批制度创新成果,涉及规划管理、生态保护、要素流动等八个方面,共计二十项。";
const paras = ["今天", "昨天", "本周", "上周", "本月"].map((w) => `<p>${lede.replace("今天", w)}</p>`).join("");
const page = (title: string, h1: string) => `<html><head><title>${title}</title></head><body><h1>${h1}</h1><div>${paras}</div></body></html>`;

describe("a <title> wrapping the printed headline in a longer or bracketed site name", () => {
  it("a site name of up to 20 characters before a separator gives the printed line", () => {
    expect(pickTitle([`Yangtze Delta News - ${headline}`], [], [headline]).title).toBe(headline);
    expect(pickTitle(["Yangtze Delta News — 滬蘇浙皖聯合發布營商環境報告"], [], ["滬蘇浙皖聯合發布營商環境報告"]).title).toBe(headline);
    // The whole page: the printed headline must not then be mistaken for the site name the <title> ends with.
    expect(run(page(`Yangtze Delta News - ${headline}`, headline)).title).toBe(headline);
    expect(run(page("Yangtze Delta News - 滬蘇浙皖聯合發布營商環境報告", "滬蘇浙皖聯合發布營商環境報告")).title).toBe(headline);
  });

  it("a bracketed name after the headline gives the printed line", () => {
    expect(pickTitle([`${headline}\u3000＜某某童話集\u3000きょうのお話＞`], [], [headline]).title).toBe(headline);
    expect(pickTitle([`${headline}【某某网】`], [], [headline]).title).toBe(headline);
    expect(pickTitle(["滬蘇浙皖聯合發布營商環境報告 〈某某網〉"], [], ["滬蘇浙皖聯合發布營商環境報告"]).title).toBe(headline);
  });

  it("leaves a long first half, a book title and a spaced site suffix alone", () => {
    // Over 20 characters before the separator: the first half of a two-part headline, not a site name.
    const long = `上海市人民政府办公厅关于印发进一步优化营商环境若干措施的通知 - ${headline}`;
    expect(pickTitle([long], [], [headline]).title).toBe(long);
    // 《书名》 after the headline is text.
    expect(pickTitle([`${headline}《长三角蓝皮书》`], [], [headline]).title).toBe(`${headline}《长三角蓝皮书》`);
    // A short name after a bare space is still the site (土豆不"土" 松花江网 / 松花江网).
    expect(pickTitle(["某某江网", `${headline} 某某江网`], []).title).toBe(headline);
  });

  it("the real pages that showed the class", () => {
    expect(real("cwced/original/d02c66a2-2288-4641-a70e-01c908dcc6e6.html").title).toBe("给计算机系学生的建议");
    // As the pipeline normalizes every title (traditional → simplified, also on a Japanese page).
    expect(real("readability/hukumusume/source.html").title).toBe(normalizeText("欲張りなイヌ"));
  });
});
