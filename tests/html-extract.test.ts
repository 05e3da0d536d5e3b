import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { requireCorpus } from "@/lib/eval/corpora";
import { decodeBytes } from "@/lib/ingest/decode";
import { extractHtml, type HtmlExtract } from "@/lib/ingest/html";

function page(rel: string): string {
  return decodeBytes(readFileSync(path.join(requireCorpus(), rel))).text;
}

const body = (r: HtmlExtract) => r.paragraphs.join("\n");
const hasParagraph = (r: HtmlExtract, start: string) => r.paragraphs.some((p) => p.startsWith(start));

describe("extractHtml on real Chinese pages", () => {
  it("readability/gmw: keeps the article, drops nav, share bar, copyright and recommendations", () => {
    const r = extractHtml(page("readability/gmw/source.html"));
    expect(r.title).toBe("宇航员在太空中喝酒会怎么样？后果很严重");
    expect(r.titleCandidates).toContain("宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网");
    expect(r.paragraphs[0]).toMatch(/^翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域/);
    expect(hasParagraph(r, "因此，即使宇航员自己被禁止在地球轨道上饮酒")).toBe(true);
    expect(hasParagraph(r, "所以，当宇航员在地球轨道上时")).toBe(true);
    expect(r.paragraphs.length).toBeGreaterThan(30);
    expect(r.headerLines.some((l) => l.includes("来源：网易科学人"))).toBe(true);
    expect(r.meta.description).toMatch(/^不幸的是，对于希望能喝上一杯的太空探险者/);
    const text = body(r);
    for (const junk of ["光明网版权所有", "首页 > 科技频道", "值班总编推荐", "新浪微博", "复制网址", "老人制万根“爱心拐棍”", "新闻表情排行"]) {
      expect(text).not.toContain(junk);
    }
    // the headline is the title, not a paragraph
    expect(r.paragraphs).not.toContain("宇航员在太空中喝酒会怎么样？后果很严重");
  });

  it("readability/qq: keeps the DeepMind story and moves the dateline to the header", () => {
    const r = extractHtml(page("readability/qq/source.html"));
    expect(r.title).toBe("DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶");
    // the body opens with the "TNW中文站 10月14日报道" dateline (kept: it is the dispatch line) or the lede
    const lede = r.paragraphs.findIndex((p) => p.startsWith("谷歌(微博) 在2014年收购的人工智能公司DeepMind"));
    expect(lede).toBeGreaterThanOrEqual(0);
    expect(lede).toBeLessThanOrEqual(1);
    expect(hasParagraph(r, "DeepMind称，DNC还可以帮你规划从沼泽门到皮卡迪利广场的最佳路线。")).toBe(true);
    expect(r.headerLines.some((l) => l.includes("2016年10月14日"))).toBe(true);
    expect(body(r)).not.toContain("转播到腾讯微博");
  });

  it("cwced Yahoo page (GBK table layout): body kept, nav, related list and copyright notice dropped", () => {
    const r = extractHtml(page("cwced/original/2bac7fb2-efbd-4444-99c8-51c72acf5c7d.html"));
    expect(r.paragraphs[0]).toBe("资料图：无性婚姻能走多远？");
    expect(hasParagraph(r, "像许多日本女性一样，顺子一直等到30岁出头才结婚。")).toBe(true);
    expect(hasParagraph(r, "对这种现象，金医生解释说：")).toBe(true);
    expect(r.headerLines.some((l) => l.startsWith("2005-04-05 06:40更新 来源：转载文章"))).toBe(true);
    const text = body(r);
    for (const junk of ["首页 滚动 国内 国际", "相关报道", "富夫妻望子成龙假离婚", "雅虎中国的所有内容均由其内容合作方根据协议提供", "杨月仙怎么也想不明白", "热词回顾"]) {
      expect(text).not.toContain(junk);
    }
  });

  it("cwced BBS page: a post wrapped in a nameless <a> (malformed markup) is still text, not links", () => {
    const r = extractHtml(page("cwced/original/6dc2d508-abb9-467c-bbea-1fedfcec5f9d.html"));
    expect(body(r)).toContain("《太行山上》主要讲述八路军总司令朱德率领刚刚改编完的八路军三个主力师东渡黄河");
  });

  it("gne/people: article kept; login box, recommended and related lists dropped", () => {
    const r = extractHtml(page("gne/tests/people/1.html"));
    expect(r.paragraphs[0]).toMatch(/^父亲的教诲像一盏灯，为我们照亮前行的路/);
    expect(r.headerLines.some((l) => l.includes("来源：人民网-文化频道"))).toBe(true);
    const text = body(r);
    for (const junk of ["登录人民网通行证", "忘记密码", "推荐阅读", "相关新闻", "一家人乘车赴跨国婚礼", "精彩图集", "热点推荐"]) {
      expect(text).not.toContain(junk);
    }
  });

  it("gne/163: article kept; reader comments and the trending list dropped", () => {
    const r = extractHtml(page("gne/tests/163/1.html"));
    expect(r.paragraphs[0]).toBe("（原标题：多地项目连环爆雷 狂奔的龙湖集团“暗伤”曝露？）");
    expect(r.paragraphs.length).toBeGreaterThan(20);
    const text = body(r);
    for (const junk of ["网易首页", "网友评论仅供其表达个人看法", "房地产公司开始完蛋了", "跟贴已关闭", "湖南＂最强女执行局长＂走红"]) {
      expect(text).not.toContain(junk);
    }
  });

  it("gne/xinhuanet: the dispatch is kept, the picture and video teasers are not", () => {
    const r = extractHtml(page("gne/tests/xinhuanet/1.html"));
    expect(r.paragraphs[0]).toMatch(/^新华社巴黎12月9日电（记者唐霁）法国9日再次爆发全国跨行业大罢工/);
    expect(r.headerLines).toContain("2019-12-10 07:57:40 来源： 新华网");
    const text = body(r);
    for (const junk of ["中国彩灯节在莫斯科开幕", "新华社简介 公司官网", "加载更多", "大数据\"坑熟客\""]) {
      expect(text).not.toContain(junk);
    }
  });
});

function aeb(id: string): string {
  return gunzipSync(readFileSync(path.join(requireCorpus("aeb"), "html", `${id}.html.gz`))).toString("utf8");
}

describe("extractHtml on real English pages (aeb)", () => {
  it("BBC: the whole story, across a share bar and image credits, without the credits and captions", () => {
    const r = extractHtml(aeb("70cb2d5bca75ab5a8f6bb378a38a52f882f6bda508de93b12502e74936d86ff2"));
    expect(r.title).toBe("Taylor Swift is allowed to play her music at the AMAs after all");
    expect(r.paragraphs[0]).toMatch(/^A row involving Taylor Swift, her former record label/);
    expect(hasParagraph(r, "He has consistently denied being unfair to her.")).toBe(true);
    expect(r.paragraphs.at(-1)).toMatch(/^"Any final agreement on this matter needs to be made directly with Tay/);
    const text = body(r);
    for (const junk of ["Share this with", "Image copyright", "Image caption", "Copy this link"]) expect(text).not.toContain(junk);
  });

  it("Washington Examiner: the opinion piece without tags, share prompt and the teaser list below it", () => {
    const r = extractHtml(aeb("e4c6a3b482403a8f60190ba27248cd52b250b86f5d4a8a10edcf7062c64fc3f5"));
    expect(r.paragraphs[0]).toMatch(/^With Hong Kong protests exploding to new levels/);
    expect(r.paragraphs.at(-1)).toBe("In short, slaughter is likely coming to Hong Kong.");
    expect(r.paragraphs).toHaveLength(9);
    expect(r.headerLines).toContain("| November 18, 2019 12:26 PM");
    expect(r.meta["og:title"]).toBe("Why Beijing will bring slaughter to Hong Kong");
  });
});

describe("extractHtml on broken or empty pages", () => {
  it("does not throw on truncated HTML and keeps what arrived", () => {
    const full = page("readability/gmw/source.html");
    const cut = full.slice(0, full.indexOf("所以，如果酒精对人体的物理效应与海拔高度无关") + 10);
    const r = extractHtml(cut);
    expect(r.paragraphs[0]).toMatch(/^翱翔于距地球数千公里的太空中/);
    expect(hasParagraph(r, "汉森指出：")).toBe(true);
    expect(body(r)).not.toContain("因此，即使宇航员自己被禁止在地球轨道上饮酒");
    expect(() => extractHtml("<html><body><div><p>未闭合的段落<table><tr><td>")).not.toThrow();
    expect(extractHtml("").paragraphs).toEqual([]);
  });

  it("survives thousands of unclosed elements (no stack overflow)", () => {
    const sentence = "<p>长三角生态绿色一体化发展示范区建设三年来，累计形成136项制度创新成果，其中不少已在全国复制推广。</p>";
    const html = `<html><body>${"<div><font>".repeat(6000)}${sentence}<!-- 注释 --></body></html>`;
    const r = extractHtml(html);
    expect(r.paragraphs).toEqual(["长三角生态绿色一体化发展示范区建设三年来，累计形成136项制度创新成果，其中不少已在全国复制推广。"]);
  });

  it("finds no article on a page of links, a login form and a copyright footer", () => {
    const html = `<!doctype html><html><head><title>长三角门户 - 首页</title>
      <meta name="description" content="门户首页"><link rel="canonical" href="https://example.cn/"></head><body>
      <div class="header"><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/gov">政务</a> | <a href="/biz">经济</a></div>
      <ul class="list"><li><a href="/a/1">长三角一体化示范区建设取得新进展</a></li><li><a href="/a/2">沪苏浙皖签署合作协议</a></li>
      <li><a href="/a/3">长江三角洲区域一体化发展规划纲要解读</a></li><li><a href="/a/4">示范区执委会召开专题会议</a></li></ul>
      <form><label>用户名</label><input name="u"><label>密码</label><input type="password" name="p"><button>登录</button></form>
      <div id="copyright">Copyright © 2024 长三角门户 版权所有 沪ICP备12345678号</div></body></html>`;
    const r = extractHtml(html);
    expect(r.paragraphs).toEqual([]);
    expect(r.title).toBe("长三角门户 - 首页");
    expect(r.meta).toMatchObject({ description: "门户首页", canonical: "https://example.cn/" });
  });
});
