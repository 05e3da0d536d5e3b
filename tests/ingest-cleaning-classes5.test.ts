import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { requireCorpus } from "@/lib/eval/corpora";
import { prepareLine, segmentLines } from "@/lib/ingest/junk";
import { pickTitle } from "@/lib/ingest/metadata";
import { normalizeText } from "@/lib/ingest/normalize";
import { processPage } from "@/lib/ingest/process";

// Fifth round (found on tests/gold/clean-fresh5.json after its first run): post footers and their date, blog pages of
// several posts, a blog's name as the only heading, a kicker/byline/date block between headline and lede, │ bars,
// numbered figure captions, citation and link-only lines, reprint and lending credits, a spaced 郑重声明 footer, more
// reporter bylines. Each rule is tested on lines composed in the same shapes, in simplified and traditional script,
// with what it must leave alone; the real pages of ../shared/corpus (read in place) that showed the class come last.

const rule = (raw: string) => prepareLine(raw).rule;
const kind = (raw: string) => prepareLine(raw).kind;
const run = (html: string) => processPage(Buffer.from(html), { fileName: "a.html", explain: true });
const real = (file: string) => processPage(readFileSync(path.join(requireCorpus(), file)), { fileName: path.basename(file) });
const page = (body: string, title = "") => `<html><head><title>${title}</title></head><body>${body}</body></html>`;
const headline = "沪苏浙皖联合发布营商环境报告";
const lede = "长三角生态绿色一体化发展示范区执委会今天发布了新一批制度创新成果,涉及规划管理、生态保护、要素流动等八个方面,共计二十项。";
const paras = (n: number, from = 0) =>
  ["今天", "昨天", "本周", "上周", "本月", "近日", "日前"].slice(from, from + n).map((w) => `<p>${lede.replace("今天", w)}</p>`).join("");
const droppedBy = (r: ReturnType<typeof run>, id: string) => (r.dropped ?? []).filter((d) => d.rule === id).map((d) => d.text);

describe("a post's footer names when it went up: furniture, and its date is the post's", () => {
  const footers = [
    "〓 长三角论坛 发布时间 2021/05/17 22:11:42 by 某网友 〓",
    "本帖由某某于2021年8月12日16:12:21在〖长三角论坛〗发表.",
    "本帖由某某於2021年8月12日16:12:21在〖長三角論壇〗發表.",
    "[点击此处收藏本文]  发表于2021年09月07日 11:57 AM",
    "由某某张贴 @ 2021-06-14 03:25:55 (370) 共 11 篇评论",
  ];
  it("the footer shapes are meta:posted", () => {
    for (const f of footers) expect(rule(f), f).toBe("meta:posted");
  });

  it("leaves a sentence about something published alone", () => {
    expect(kind("会议由市政府于2021年8月12日在上海发布了新一批制度创新成果。")).toBe("text");
    expect(kind("他于2021年8月12日发表了题为《长三角一体化》的讲话。")).toBe("text");
  });

  it("a page whose only date is its post footer gets that date, the first footer's, not a reply's", () => {
    const replies = `<p>〓 长三角论坛 发布时间 2021/05/17 22:11:42 by 某网友 〓</p><div class="reply"><p>同意楼主的看法。</p><p>〓 长三角论坛 发布时间 2021/06/01 08:00:00 by 另一网友 〓</p></div>`;
    const r = run(page(`<h1>${headline}</h1><div>${paras(4)}${replies}</div>`, headline));
    expect(r.published).toBe("2021-05-17");
    expect(r.paragraphs.join("\n")).not.toContain("发布时间");
  });
});

describe("a blog page showing several posts in full: the first post is the article", () => {
  const post = (title: string, stamp: string, from: number) =>
    `<div class="post"><div class="head">${title} (图) ${stamp}</div><div class="text">${paras(2, from)}</div>` +
    `<div class="foot"><a href="#">[打印]</a> 由某某张贴 @ ${stamp} (370) 共 11 篇评论</div></div>`;
  const blog = page(
    `<h1>某某的博客</h1>${post("长三角游记", "2021-06-14 03:25:55", 0)}${post("周末随笔", "2021-06-13 15:00:14", 2)}${post("旧事重提", "2021-06-11 14:05:50", 4)}`,
    "某某 | blog.example.com",
  );

  it("keeps the first post, takes its header line as the title (no picture mark, no time) and its date", () => {
    const r = run(blog);
    expect(r.title).toBe("长三角游记");
    expect(r.published).toBe("2021-06-14");
    expect(r.paragraphs).toEqual([normalizeText(lede), normalizeText(lede.replace("今天", "昨天"))]);
    expect(droppedBy(r, "html:later-post").some((t) => t.includes("周末随笔"))).toBe(true);
  });

  it("leaves an article with comments under it, each headed by a name and a time, alone", () => {
    const comment = (who: string, stamp: string) => `<div class="c"><p>${who} ${stamp}</p><p>说得很有道理,长三角一体化要落到实处,希望多些这样的报道。</p></div>`;
    const r = run(page(`<h1>${headline}</h1><div class="article">${paras(5)}</div><div class="comments">${comment("网友甲", "2021-06-14 03:25:55")}${comment("网友乙", "2021-06-14 04:00:00")}</div>`, headline));
    expect(r.title).toBe(headline);
    expect(r.paragraphs[0]).toBe(normalizeText(lede));
    expect(r.paragraphs.length).toBeGreaterThanOrEqual(5);
  });
});

describe("titles: a post's timestamp, a blog's name, a │ bar", () => {
  it("a trailing posting time (and the picture mark before it) is not part of the headline", () => {
    expect(pickTitle([`${headline} (图) 2021-06-14 03:25:55`], []).title).toBe(headline);
    expect(pickTitle(["滬蘇浙皖聯合發布營商環境報告 2021-06-14"], []).title).toBe(headline);
    // A range of years is part of a plan's name.
    expect(pickTitle(["长三角一体化发展规划纲要 2021-2025"], []).title).toBe("长三角一体化发展规划纲要 2021-2025");
  });

  it("a blog's name is never the headline", () => {
    expect(pickTitle(["bjreader的博客"], []).title).toBeNull();
    expect(pickTitle(["某某的部落格", headline], []).title).toBe(headline);
    expect(pickTitle(["我的博客生活记录"], []).title).toBe("我的博客生活记录");
  });

  it("a bar of items between │ is navigation, never the title", () => {
    expect(kind("第一章│第二章│第三章│第四章")).toBe("nav");
    expect(rule("首頁┃新聞┃圖片┃評論┃專題")).toBe("nav:bar");
    expect(kind("上海│苏州")).toBe("text");
  });

  it("a headline opening the block may have a kicker, its repeat, a byline and a date line under it", () => {
    const r = run(
      page(
        `<h1>某某的博客</h1><div><p>${headline}- -</p><p>营商环境再上新台阶</p><p>${headline}</p><p>本报实习生 张三 李四</p><p>2021-7-24 某某晚报</p><p>编者按</p>${paras(4)}</div>`,
      ),
    );
    expect(r.title).toBe(headline);
    expect(r.published).toBe("2021-07-24");
    expect(r.paragraphs.join("\n")).not.toContain("实习生");
    expect(r.paragraphs.join("\n")).not.toContain(`${headline}- -`);
    expect(droppedBy(r, "header:date-above-lede")).toEqual(["2021-7-24 某某晚报"]);
  });

  it("a date line after the lede stays where the text puts it", () => {
    const s = segmentLines(["标题在这里的一篇报道", lede, "2021年7月24日", lede.replace("今天", "次日")]);
    expect(s.paragraphs.map((p) => p.text)).toContain("2021年7月24日");
    // A lead-in with a relative day (昨天…) above the lede is text, not a date line of the header.
    const lead = segmentLines(["标题在这里的一篇报道", "营商环境再上新台阶", "昨天长三角生态绿色一体化发展", lede], { knownTitle: "标题在这里的一篇报道" });
    expect(lead.paragraphs.map((p) => p.text)[1]).toBe("昨天长三角生态绿色一体化发展");
  });
});

describe("furniture and credits in new shapes", () => {
  it("numbered figure captions", () => {
    for (const c of ["图1. 长三角产业链结构图", "Figure 2. Logistics platform flow chart with the participation of companies", "圖1. 長三角產業鏈結構圖", "图 3-1 示范区范围示意"]) {
      expect(rule(c), c).toBe("caption:figure-number");
    }
    expect(kind("图1显示,长三角地区的产业链正在加速融合。")).toBe("text");
  });

  it("citation lines", () => {
    expect(rule("文章引用：张三. 长三角物流配送研究[J]. 现代市场营销, 2018, 8(2): 7-16. https://doi.org/10.12677/MOM.2018.82002")).toBe("furniture:cite");
    expect(rule("引用本文：張三. 長三角物流配送研究[J]. 現代市場營銷, 2018.")).toBe("furniture:cite");
    expect(kind("文章引用了大量统计数据,说明示范区的制度创新已初见成效。")).toBe("text");
  });

  it("a signature or promo that is a name and an address", () => {
    expect(rule("我的博客 某某梦蝶 http://www.example.com/user9/index.html")).toBe("furniture:link");
    expect(rule("我的部落格 www.example.com.tw/user9")).toBe("furniture:link");
    expect(kind("详见示范区官网 http://www.example.gov.cn。")).toBe("text");
  });

  it("where a reprint was taken from, and who lent what for the pictures", () => {
    expect(rule("(摘自《长三角研究》2020年第2期，原文约15，000字)《新华文摘》2020年第09期")).toBe("meta:source-credit");
    expect(rule("（選自《長三角研究》2020年第2期）")).toBe("meta:source-credit");
    expect(rule("【作者单位：某某大学社会学系】")).toBe("meta:credit");
    expect(kind("摘自《规划纲要》的这段话说明了示范区的定位。")).toBe("text");
    expect(rule("模特提供：某某模特公司")).toBe("meta:credit");
    expect(rule("車輛提供：某某汽車銷售服務有限公司")).toBe("meta:credit");
    expect(kind("该数据由统计局提供：全年增长百分之五")).toBe("text");
  });

  it("a spaced 郑重声明 opens the footer: the rules under it go with it", () => {
    expect(rule("郑 重 声 明")).toBe("footer:start");
    expect(rule("鄭 重 聲 明")).toBe("footer:start");
    const s = segmentLines([headline, lede, "郑 重 声 明", "1. 任何言论纯属作者个人观点，与本站无关；", "2. 禁止发表恶意攻击他人的言论；"]);
    expect(s.paragraphs.map((p) => p.text)).toEqual([normalizeText(lede)]);
  });

  it("reporter bylines for more roles, with the place the report was filed from", () => {
    for (const b of ["本报实习生 张三 李四", "本报记者张三发自北京", "本報實習生 張三 李四", "本报通讯员 王五"]) expect(rule(b), b).toBe("meta:reporter");
    expect(kind("他曾是一名实习生。")).toBe("text");
  });

  it("the authors' names alone under the headline, and a footer label after a dash", () => {
    const s = segmentLines([headline, "赵甲、钱乙", lede], { knownTitle: headline });
    expect(s.paragraphs.map((p) => p.text)).toEqual([normalizeText(lede)]);
    expect(s.headerLines).toContain("赵甲、钱乙");
    expect(rule("- 作者： 流泉 访问统计： 2005年08月30日, 星期二 13:22")).toBe("meta:label");
  });
});

describe("the open classes of the fourth round (clean-fresh4)", () => {
  it("a teaser box: its heading and its bulleted headlines cut short", () => {
    expect(kind("今日焦点：")).toBe("related");
    expect(rule("· 中金“内部观点”曝光：表面唱多 暗里看空...")).toBe("teaser");
    expect(rule("· 長三角股改行情大揭密 ...(图文)")).toBe("teaser");
    // Not bulleted, or a full sentence: text (an ellipsis in a quote is prose).
    expect(kind("中金“内部观点”曝光：表面唱多 暗里看空...")).toBe("text");
    expect(kind("· 他说：“我们还要继续努力……”")).toBe("text");
  });

  it("a related-reading link run into one line, and a 执笔人 credit", () => {
    expect(rule("延伸阅读：57岁小学肄业 广西骗子演绎25亿美元惊天骗局")).toBe("furniture:related");
    expect(rule("延伸閱讀：長三角示範區五周年成果展")).toBe("furniture:related");
    // Matched on short lines only: a sentence that starts with the words is text.
    expect(kind("延伸阅读材料的编写工作由示范区执委会牵头完成,共收录了二十篇反映三省一市协同发展的文章。")).toBe("text");
    expect(rule("执笔人：张三 李四 王五")).toBe("meta:credit");
    expect(rule("執筆人：張三 李四")).toBe("meta:credit");
  });

  it("a map's or chart's legend", () => {
    expect(rule("注：红色为所有车辆绕行线路图，蓝色仅为小型车辆绕行线路图。")).toBe("caption:legend");
    expect(rule("註：虛線表示規劃中的軌道交通線路。")).toBe("caption:legend");
    expect(kind("注：以上价格为市场零售价，红色字体的商品不含运费。")).toBe("text");
  });
});

describe("the real pages that showed the classes (clean-fresh5)", () => {
  const cw = (id: string) => real(`cwced/original/${id}.html`);
  it("blog pages of several posts: the first post, its title and date", () => {
    const a = cw("59562291-5657-476d-9902-ad76b53ef82b");
    expect([a.title, a.published, a.paragraphs.length]).toEqual(["湘菜粤菜 兵分两路", "2005-06-14", 1]);
    const b = cw("8f1cdd94-6326-49be-bfd0-f3681cc7e89d");
    expect([b.title, b.published]).toEqual(["昨天去金矿玩", "2005-03-21"]);
    expect(b.paragraphs[0]).toMatch(/^距墨尔本西北约110公里处/);
  });

  it("post footers, forum floors, a date above the lede, a blog's name, a │ bar", () => {
    expect(cw("c2d9f85c-f454-4bd5-8f4e-986580c1113a").published).toBe("2005-05-17");
    expect(cw("9b1e5dcb-3a68-408d-80c4-6878fade378b").published).toBe("2005-08-12");
    expect(cw("b828b656-d89a-4f13-951f-4dab63df6351").published).toBe("2005-09-07");
    expect(cw("6dc2d508-abb9-467c-bbea-1fedfcec5f9d").published).toBe("2005-08-28");
    const r = cw("ab65832c-15b6-4c9e-b64f-3bc575332499");
    expect([r.title, r.published]).toEqual([normalizeText("谁来为无序拆房“埋单”？"), "2003-07-24"]);
    expect(cw("b70f455d-50d6-4c8c-a450-07d8e5ca2e06").title).toBe("第一编 古代");
  });
});
