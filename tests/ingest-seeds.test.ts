import fs from "node:fs";
import path from "node:path";
import * as OpenCC from "opencc-js/t2cn";
import { describe, expect, it } from "vitest";
import { processPage } from "@/lib/ingest/process";
import type { CleanedArticle, Sidecar } from "@/lib/ingest/types";

const CONTENT = path.join(__dirname, "..", "content");

function seed(prefix: string): CleanedArticle {
  const name = fs.readdirSync(CONTENT).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!name) throw new Error(`no seed ${prefix}`);
  const sidecar = JSON.parse(fs.readFileSync(path.join(CONTENT, name.replace(/\.txt$/, ".json")), "utf8")) as Sidecar;
  return processPage(fs.readFileSync(path.join(CONTENT, name)), { fileName: name, sidecar });
}

const seeds = Object.fromEntries(["000", "001", "002", "003", "004"].map((p) => [p, seed(p)])) as Record<string, CleanedArticle>;
const everything = (a: CleanedArticle) => [a.title, ...a.paragraphs, a.original].join("\n");

/** Junk found by reading the five seeds: none of it may reach title, body or original text. */
const JUNK = [
  "千赢", "qy88", "400 0123 021", "400-0123-021", "13391219793", "葛毅明", "微信", "返回搜狐", "查看更多", "分享给朋友", "分享",
  "版权声明", "版權聲明", "热门新闻", "Baidu", "sogou", "转藏", "献花", "类似文章", "评论", "发表", "Internet Explorer", "浏览器",
  "瀏覽器", "嘉善云悦澜庭", "时代大观", "金悦学府", "相关文章", "相关新闻", "推荐阅读", "当前位置", "您的位置", "首页 >", "本站是提供个人知识管理",
  "转载", "返回顶部", "返回頂部", "欢迎您来到", "歡迎您來到", "供图", "顾雨婷 摄", "来源:", "來源:", "编辑:", "作者:", "发布日期", "访问量",
  "admin2个月前", "zjshzq", "[ 浙江 ]", "[浙江]", "①", "②", "③", "效果图",
];

describe("seed pages: body", () => {
  it.each(Object.keys(seeds))("seed %s keeps no page furniture", (key) => {
    const text = everything(seeds[key]!);
    for (const junk of JUNK) expect(text, `${key} contains ${junk}`).not.toContain(junk);
  });

  it.each(Object.keys(seeds))("seed %s: originalParagraphs match paragraphs one to one, original joins them", (key) => {
    const a = seeds[key]!;
    expect(a.originalParagraphs).toHaveLength(a.paragraphs.length);
    expect(a.original).toBe(a.originalParagraphs.join("\n\n"));
    expect(a.encoding).toBe("utf-8");
  });

  it("000: eleven paragraphs, the sohu footer stripped from the last one", () => {
    const a = seeds["000"]!;
    expect(a.paragraphs).toHaveLength(11);
    expect(a.paragraphs[0]).toBe(
      "2月20日,《〈长三角生态绿色一体化发展示范区国土空间总体规划(2021—2035年)〉实施体检评估报告(2024年度)》(以下简称“体检报告”)正式发布。这也是示范区连续第二年发布“体检报告”,对推进跨区域一体化空间协同,落实“一张图”全过程管理具有重要意义。",
    );
    expect(a.paragraphs[5]).toBe(
      "在嘉善,拥有“好风景”的祥符荡创新中心强势崛起,围绕数字经济、新能源等新兴产业,与浙江大学、复旦大学、浙江清华长三角研究院、上海大学等高校、科研院所合作共建四大高能级科创载体。",
    );
    expect(a.paragraphs[10]!.endsWith("为其他毗邻区域开展相关工作提供了参照依据。")).toBe(true);
  });

  it("001: thirty paragraphs; section headings kept, captions and the byline block dropped", () => {
    const a = seeds["001"]!;
    expect(a.paragraphs).toHaveLength(30);
    expect(a.paragraphs[0]!.startsWith("12月8日至9日,贯彻落实深入推进长三角一体化发展座谈会精神")).toBe(true);
    expect(a.paragraphs.slice(1, 3)).toEqual(["四年", "形成136项制度创新成果"]);
    expect(a.paragraphs).toContain("赋能");
    expect(a.paragraphs).toContain("签约8个重点项目");
    // "2024" is a section heading inside the body; the split date 2023 / 12-09 / 21:08 above the body is metadata.
    expect(a.paragraphs.slice(20, 22)).toEqual(["2024", "聚焦五大发力点"]);
    expect(a.paragraphs.join("\n")).not.toMatch(/^(2023|12-09|21:08)$/m);
    expect(a.paragraphs.some((p) => p.includes("执委会供图") || p.startsWith("元荡。"))).toBe(false);
    expect(a.paragraphs.at(-1)).toBe("强化组织保障,提升执委会统筹协调能力、更大程度集聚市场资源,继续办好开发者大会,加快实现从形态开发向功能开发的跃升。");
  });

  it("002: forty paragraphs; the two repeated paragraphs appear once, the lead-in lines stay", () => {
    const a = seeds["002"]!;
    expect(a.paragraphs).toHaveLength(40);
    expect(a.paragraphs.slice(0, 4)).toEqual(["近日,国务院批复", "原则同意《长三角生态绿色一体化发展示范区总体方案》", "昨天长三角生态绿色一体化发展", "又有新动作"]);
    expect(a.paragraphs.filter((p) => p.startsWith("路在脚下,梦在心中。"))).toHaveLength(1);
    expect(a.paragraphs.filter((p) => p.startsWith("10月18日,2019中国·嘉善国际投资贸易洽谈会"))).toHaveLength(1);
    expect(a.paragraphs).toContain("蓝图绘就 使命如山");
    expect(a.paragraphs).toContain("人人尽说江南好 游人只合江南老");
    expect(a.paragraphs).not.toContain("西塘宋城演艺谷效果图");
    expect(a.paragraphs.at(-1)!.startsWith("一体化奋进正当时。")).toBe(true);
  });

  it("003: simplified, no pinyin, the lead printed twice kept once", () => {
    const a = seeds["003"]!;
    expect(a.paragraphs).toHaveLength(8);
    expect(a.paragraphs[0]).toBe(
      "近日,长三角区域合作办公室印发《长三角地区一体化发展三年行动计划(2024—2026年)》,为长三角未来三年工作重点明确了路线图和任务书,标志着长三角一体化发展向纵深推进。7月25日,长三角区域合作办公室举行新闻发布会,介绍新一轮三年行动计划有关情况。",
    );
    expect(a.paragraphs[4]!.endsWith("着力提升安全发展能力等9个方面,共165项重点任务")).toBe(true);
    expect(a.paragraphs.at(-1)!.startsWith("新一轮三年行动计划还提出,共建“轨道上的长三角”")).toBe(true);
    const body = a.paragraphs.join("\n");
    expect(body).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/);
    for (const word of ["发展", "项", "重点", "协同", "长三角区域合作办公室", "标志着"]) expect(body).toContain(word);
    for (const trad of ["發", "項", "點", "長", "區", "標", "誌", "著"]) expect(body).not.toContain(trad);
    // Nothing left that the plain traditional → simplified converter would still change.
    const t2s = OpenCC.Converter({ from: "t", to: "cn" });
    for (const p of a.paragraphs) expect(t2s(p)).toBe(p);
    // The original keeps the page as it was written.
    expect(a.originalParagraphs[0]).toContain("長三角區(qū)域合作辦公室");
    expect(a.originalParagraphs[0]).toContain("重點(diǎn)");
  });

  it("004: seventy-eight paragraphs with the short headings inside the body", () => {
    const a = seeds["004"]!;
    expect(a.paragraphs).toHaveLength(78);
    expect(a.paragraphs[0]!.startsWith("大都市区是大湾区的主引擎")).toBe(true);
    for (const heading of ["强化城市协同", "杭绍一体化合作先行区", "重点谋划绍兴临空产业园建设", "全年目标", "杭州", "围绕人文之城", "聚力实施十大标志性工程"]) {
      expect(a.paragraphs).toContain(heading);
    }
    expect(a.paragraphs).toContain("杭州都市区综合评价得分上初步呈现首位分布,在创新能级和经济规模上拥有绝对优势。");
    expect(a.paragraphs.at(-1)).toBe(
      "围绕十大标志性工程,建立大都市区建设重点项目库,安排标志性工程项目64个,总投资1929亿元,2020年计划投资321亿元。加强项目全流程管理,确保标志性工程如期落地、取得实效。",
    );
  });
});

describe("seed pages: metadata", () => {
  const meta = (a: CleanedArticle) => ({
    title: a.title,
    published: a.published,
    publishedPrecision: a.publishedPrecision,
    publishedText: a.publishedText,
    site: a.site,
    source: a.source,
    author: a.author,
    editor: a.editor,
    url: a.url,
  });

  it("000: the page gives only (02-24): no year is invented", () => {
    expect(meta(seeds["000"]!)).toEqual({
      title: "长三角一体化示范区2024年度“体检报告”出炉",
      published: null,
      publishedPrecision: null,
      publishedText: "02-24",
      site: "嘉善厂房土地招商网",
      source: null,
      author: null,
      editor: null,
      url: null,
    });
  });

  it("001: the date is joined from 2023 / 12-09 / 21:08", () => {
    expect(meta(seeds["001"]!)).toEqual({
      title: "4年136项制度创新成果!长三角一体化示范区成果发布",
      published: "2023-12-09",
      publishedPrecision: "day",
      publishedText: null,
      site: "萧山网",
      source: "潮新闻",
      author: null,
      editor: "值班小编",
      url: null,
    });
  });

  it("002: the spam site's 来源 is not a source", () => {
    expect(meta(seeds["002"]!)).toEqual({
      title: "推进长三角生态绿色一体化发展示范区建设,嘉善准备好了!",
      published: "2019-10-31",
      publishedPrecision: "day",
      publishedText: null,
      site: "归谷动态",
      source: null,
      author: null,
      editor: null,
      url: null,
    });
  });

  it("003: title converted to simplified without pinyin", () => {
    expect(meta(seeds["003"]!)).toEqual({
      title: "9大方面165项重点任务 长三角新一轮行动计划发布",
      published: "2024-07-29",
      publishedPrecision: "day",
      publishedText: null,
      site: "中国混凝土与水泥制品协会",
      source: "建筑时报",
      author: null,
      editor: null,
      url: null,
    });
  });

  it("004: the uploader handle zjshzq is not the author; the original publisher is the source", () => {
    expect(meta(seeds["004"]!)).toEqual({
      title: "实施10大标志性工程,2020年浙江大都市区建设目标确定",
      published: "2020-04-29",
      publishedPrecision: "day",
      publishedText: null,
      site: "360doc个人图书馆",
      source: "浙江发改",
      author: null,
      editor: null,
      url: null,
    });
  });
});
