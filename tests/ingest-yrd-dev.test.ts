import fs from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js/t2cn";
import { describe, expect, it } from "vitest";
import { processPage } from "@/lib/ingest/process";
import type { CleanedArticle, Sidecar } from "@/lib/ingest/types";
import { requireCorpus } from "@/lib/eval/corpora";

/*
 * Pages of the shared development corpus (scraped .txt with a sidecar holding the URL). Each expectation below was
 * written by reading the page: its headline, its date if it shows one, sentences that must survive and the furniture
 * that must go. The set covers traditional pages (015, 023, 039, 053, 069), pinyin-annotated ones (023, 039), spun or
 * garbled copies (017, 043, 057), injected gambling spam (041, 055, 079), repeated content (001, 029) and footers.
 */
// Without the corpus this file fails at once with the path it looked in (never skips).
const DIR = requireCorpus("yrd-dev");

function load(id: string): { bytes: Buffer; sidecar: Sidecar } {
  const sidecar = JSON.parse(fs.readFileSync(path.join(DIR, `${id}.json`), "utf8")) as Sidecar;
  return { bytes: fs.readFileSync(path.join(DIR, `${id}.txt`)), sidecar };
}

function page(id: string): CleanedArticle {
  const { bytes, sidecar } = load(id);
  return processPage(bytes, { fileName: `${id}.txt`, sidecar });
}

const body = (a: CleanedArticle) => a.paragraphs.join("\n");
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/;

describe("yrd-dev pages", () => {
  const ids = fs.readdirSync(DIR).filter((f) => f.endsWith(".txt")).map((f) => f.slice(0, -4));

  it("all forty pages clean, come out simplified with no pinyin", () => {
    expect(ids).toHaveLength(40);
    const inputs = ids.map((id) => ({ id, ...load(id) }));
    const t2s = OpenCC.Converter({ from: "t", to: "cn" });
    const articles = inputs.map(({ id, bytes, sidecar }) => ({ id, a: processPage(bytes, { fileName: `${id}.txt`, sidecar }) }));
    for (const { id, a } of articles) {
      expect(a.paragraphs.length, id).toBeGreaterThan(0);
      expect(a.title.length, id).toBeGreaterThan(0);
      expect(a.url, id).toMatch(/^https?:\/\//);
      for (const p of [a.title, ...a.paragraphs]) {
        expect(p, id).not.toMatch(PINYIN);
        expect(t2s(p), id).toBe(p);
      }
    }
  });

  it("001: a copy that repeats its own lines keeps each once", () => {
    const a = page("001");
    expect(a.paragraphs).toHaveLength(8);
    expect(new Set(a.paragraphs).size).toBe(8);
    expect(a.title).toBe("没有一个词汇可以形容如今的虹桥");
    expect(a.paragraphs.at(-1)).toBe("但虹桥的交通能级绝不仅限于当下,这些交通线路的新规划,必将影响整个时代的潮向。");
  });

  it("003: a WeChat 'follow us' prompt split over ten lines and the reprint notice are dropped", () => {
    const a = page("003");
    expect(a.paragraphs).toHaveLength(5);
    expect(a.paragraphs[0]!.startsWith("随着社会的进步和国家实力的提高,铁路建设发展迅速。")).toBe(true);
    for (const junk of ["蓝色字体", "关注", "免费", "点击", "本文转载自网络", "侵权"]) expect(body(a)).not.toContain(junk);
  });

  it("015: traditional page with print bar and pagination; 著 becomes 着", () => {
    const a = page("015");
    expect(a.title).toBe("长三角点燃“金融+科技+产业”新引擎");
    expect(a.published).toBe("2023-03-22");
    expect(a.paragraphs[0]).toBe("中评社北京3月22日电/据经济参考报报导,以资本链促进创新链 以创新链提振产业链");
    expect(body(a)).toContain("当一个人驾驶着新能源汽车一路飞驰时");
    expect(a.paragraphs).toContain("整合各方资源");
    expect(a.paragraphs.filter((p) => p === a.title)).toHaveLength(0);
    for (const junk of ["打印", "第1页", "CRNTT"]) expect(body(a)).not.toContain(junk);
  });

  it("017: spun copy of a People's Daily story; the print-edition credit gives the date", () => {
    const a = page("017");
    expect(a.paragraphs).toHaveLength(2);
    expect(a.published).toBe("2024-01-17");
    expect(a.publishedPrecision).toBe("day");
    expect(a.source).toBe("人平易近日报");
    expect(body(a)).not.toContain("03 版");
  });

  it("023: traditional with pinyin, editor in brackets at the end", () => {
    const a = page("023");
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs[0]).toBe("11月19日,国家发改委正式发布《长三角生态绿色一体化发展示范区总体方案》。");
    expect(a.editor).toBe("高旭");
    expect(a.published).toBe("2019-11-19");
    expect(body(a)).toContain("加快重大改革系统整合和改革试点经验共用共用");
    expect(body(a)).not.toContain("责任编辑");
  });

  it("029: a copy site that repeats the headline between 'submitted by' spam lines", () => {
    const a = page("029");
    expect(a.title).toBe("沪苏浙三地跨省公交线6日开通");
    expect(a.source).toBe("上观新闻");
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]!.startsWith("6日,在苏州市吴江区汾湖高新区(黎里镇)旅游集散中心")).toBe(true);
    for (const junk of ["热心网友", "jiangsulong", "投稿", "小编"]) expect(body(a)).not.toContain(junk);
  });

  it("035: the <title>-style suffix names the site; breadcrumb and font-size bar dropped", () => {
    const a = page("035");
    expect(a.title).toBe("从“旁听生”到“优等生”:安徽的长三角进击之路");
    expect(a.site).toBe("新华网");
    expect(a.source).toBe("中安在线");
    expect(a.published).toBe("2025-12-16");
    expect(a.paragraphs).toContain("从“边角”到“增长极”");
    expect(a.paragraphs[0]!.startsWith("一纸规划,重绘格局。")).toBe(true);
    for (const junk of ["字体", "新华网 >", "正文"]) expect(body(a)).not.toContain(junk);
  });

  it("039: traditional page with pinyin on almost every word", () => {
    const a = page("039");
    expect(a.title).toBe("【政策聚焦】《长江三角洲区域一体化发展规划纲要》大力推动文化和旅游一体化(全文)");
    expect(a.published).toBe("2019-12-05");
    expect(body(a)).toContain("长江三角洲(以下简称长三角)地区是我国经济发展最活跃");
    expect(body(a)).toContain("全域(面积35.8万平方公里)");
    expect(body(a)).not.toContain("首页");
  });

  it("041: gambling spam injected at the start of paragraphs is cut out, the byline becomes the author", () => {
    const a = page("041");
    expect(a.title).toBe("水墨动画告诉你长三角一体化示范区为何花落这里");
    expect(a.author).toBe("谢丹青 郭浩");
    expect(a.published).toBe("2019-11-01");
    expect(a.paragraphs).toContain("那么,长三角一体化的先手棋,为何第一步要下在这里?");
    expect(a.paragraphs.some((p) => p.startsWith("这个“黄金三角”,距离上海市中心60公里"))).toBe(true);
    for (const junk of ["快乐十分", ".jpg", "Knews"]) expect(body(a)).not.toContain(junk);
  });

  it("043: garbled (word-shuffled) copy still decodes and keeps its header date", () => {
    const a = page("043");
    expect(a.title).toBe("长三角示范区水乡客厅正加紧建设");
    expect(a.published).toBe("2024-05-10");
    expect(a.paragraphs).toHaveLength(1);
  });

  it("053: traditional page; screenshot caption and a stray 'None' dropped", () => {
    const a = page("053");
    expect(a.title).toBe("沪苏嘉城际铁路开工仪式今天举行");
    expect(a.paragraphs).toHaveLength(4);
    expect(a.paragraphs[0]!.startsWith("“上海发布”微信公众号13日消息")).toBe(true);
    expect(a.published).toBe("2022-07-13");
    for (const junk of ["None", "截图"]) expect(body(a)).not.toContain(junk);
  });

  it("055 and 079: spam brand tokens glued to the text are removed, the sentence kept", () => {
    expect(page("055").paragraphs).toContain(
      "作为“五个新城”之一,松江区始终秉持新发展理念,松江新城建设在全力推进过程中起到加速器作用。长三角G60科创走廊是牵引松江新城建设的强大引擎,产业发力是新城发力的核心,也是内生动力。",
    );
    const a = page("079");
    expect(a.paragraphs[0]).toBe("元荡是上海市与江苏省的重要省界湖泊,总面积12.9平方公里,大约是两个西湖的大小。");
    expect(body(a)).not.toContain("永利");
  });

  it("061: the recommended-news list after the body is dropped; 《人民日报》 is the source", () => {
    const a = page("061");
    expect(a.title).toBe("推进长三角社保卡跨省份通用");
    expect(a.source).toBe("人民日报");
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs.at(-1)!.startsWith("长三角三省一市人大常委会表示")).toBe(true);
    for (const junk of ["推荐阅读", "卫星视角", "特朗普", "24小时热点", "当前位置", "军事"]) expect(body(a)).not.toContain(junk);
  });

  it("069: traditional wiki page; footnote markers and image alt text dropped, headings kept", () => {
    const a = page("069");
    expect(a.paragraphs[0]).toContain("是全球最大的综合交通枢纽。截止至2017年上半年");
    expect(a.paragraphs).toContain("概况");
    expect(a.paragraphs).toContain("建设背景");
    for (const junk of ["[1]", "[4]", "Thumb"]) expect(body(a)).not.toContain(junk);
  });

  it("071: no headline on the page, so 原标题 gives it; platform disclaimers in two languages dropped", () => {
    const a = page("071");
    expect(a.title).toBe("沪苏嘉城际铁路浙沪省界段开工!");
    expect(a.editor).toBe("吕倩雯");
    expect(a.author).toBe("新民晚报 毛丽君");
    expect(a.paragraphs).toHaveLength(4);
    for (const junk of ["Notice", "网易号", "百度APP", "![]()", "原标题", "特别声明"]) expect(body(a)).not.toContain(junk);
  });

  it("075: a .txt holding paragraph markup is read as text", () => {
    const a = page("075");
    expect(body(a)).not.toMatch(/<p|ql-block|<br/);
    expect(a.paragraphs).toContain("华为练秋湖研发中心总占地面积约2400亩,总建筑面积约227万平方米。于2024年10月14日正式启用。");
    expect(a.paragraphs).toContain("园区内为方便员工通勤,设有小火车系统。");
  });
});
