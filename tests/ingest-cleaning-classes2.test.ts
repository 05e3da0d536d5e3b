import { describe, expect, it } from "vitest";
import { extractHtml } from "@/lib/ingest/html";
import { prepareLine, segmentLines } from "@/lib/ingest/junk";
import { pickTitle } from "@/lib/ingest/metadata";
import { processPage } from "@/lib/ingest/process";

// Second round of failure classes (found on tests/gold/clean-fresh2.json): each tested on lines composed for the
// class, in simplified and traditional script, plus the sentences each rule must leave alone.

const rule = (raw: string) => prepareLine(raw).rule;
const kind = (raw: string) => prepareLine(raw).kind;
const page = (body: string, head = "") => `<html><head>${head}</head><body>${body}</body></html>`;
const lede = "长三角生态绿色一体化发展示范区执委会今天发布了新一批制度创新成果,涉及规划管理、生态保护、要素流动等八个方面,共计二十项。";

describe("captions ending in a photo agency or a picture word", () => {
  it("a short line closed by an agency credit, in brackets or after the full stop", () => {
    for (const line of [
      "2023年5月1日,苏州,游客在平江路拍照。(视觉中国)",
      "2023年5月1日,蘇州,遊客在平江路拍照。（視覺中國）",
      "嘉兴南湖景区一角。(新华社发)",
      "嘉興南湖景區一角。（新華社發）",
      "杭州湾跨海大桥夜景。东方IC 资料",
      "纽约街头的共享单车。(AP)",
    ]) {
      expect(kind(line), line).toBe("caption");
    }
  });

  it("a line naming a screenshot or a rendering, full stop and all", () => {
    expect(kind("某外媒网站题为《长三角的新引擎》的报道截图。")).toBe("caption");
    expect(kind("某外媒網站題為《長三角的新引擎》的報道截圖。")).toBe("caption");
    expect(kind("合肥新桥机场二期工程效果图。")).toBe("caption");
  });

  it("leaves sentences that name an agency inside, and long paragraphs, alone", () => {
    expect(kind("视觉中国的摄影师在嘉兴拍下了这组照片,随后被多家媒体转载。")).toBe("text");
    expect(kind(`${lede}(视觉中国)`.repeat(2))).toBe("text");
    expect(kind("(资料来源:国家统计局、上海市统计局)")).toBe("text");
  });
});

describe("credits with any separator, promo calls, disclaimers", () => {
  it("role words followed by ︱ | 丨 : or a space, longer outlet names allowed", () => {
    for (const line of ["出品︱某某新闻客户端栏目组 张三", "出品︱某某新聞客戶端欄目組 張三", "策划丨李四", "素材来源 沪苏浙皖四地党报及官方发布", "素材來源 滬蘇浙皖四地黨報及官方發布"]) {
      expect(kind(line), line).toBe("meta");
    }
    expect(kind("出品人表示,这部纪录片记录了长三角十年来的变化。")).toBe("text");
  });

  it("a promo teaser with a bracketed call to action", () => {
    expect(rule("“2024长三角年度人物评选”火热进行中!【点击投票】为你心中的人物加油")).toBe("furniture:promo");
    expect(rule("「2024長三角年度人物評選」火熱進行中！【點擊投票】為你心中的人物加油")).toBe("furniture:promo");
    expect(rule("某某财经公众号")).toBe("platform-id");
    expect(rule("更多资讯请扫描二维码关注(abcfinance)")).toBe("furniture:app");
    expect(kind("市民可以点击投票页面了解候选项目,投票截至本月底。")).toBe("text");
  });

  it("a 声明: disclaimer paragraph after the body", () => {
    expect(rule("声明:某某日报力求信息真实、准确,文章内容仅供参考,不构成投资建议,据此操作风险自担。")).toBe("junk:phrase");
    expect(rule("聲明：某某日報力求資訊真實、準確，文章內容僅供參考，不構成投資建議，據此操作風險自擔。")).toBe("junk:phrase");
    expect(kind("公司在声明中表示,将继续推进长三角区域的业务布局。")).toBe("text");
  });
});

describe("short captions under a bare picture (HTML)", () => {
  const img = '<p><img src="a.jpg" width="600" height="400"></p>';
  const long = ["今天", "昨天", "本周", "上周"].map((w) => `<p>${lede.replace("今天", w)}</p>`).join("");
  it("a noun phrase with a full stop right after <p><img></p> is a caption", () => {
    const a = extractHtml(page(`${long}${img}<p>示范区的新建学校。</p>${long.replace("今天", "昨天")}${img}<p>示範區的新建醫院。</p>${long.replace("今天", "本周")}`));
    expect(a.paragraphs.some((p) => p.includes("新建学校"))).toBe(false);
    expect(a.paragraphs.some((p) => p.includes("新建醫院"))).toBe(false);
  });
  it("a short clause of the story under a picture stays", () => {
    const a = extractHtml(page(`${long}${img}<p>但是转念一想,不能让大家白跑。</p>${long.replace("今天", "昨天")}${img}<p>一些企业正试图抢占先机。</p>${long.replace("今天", "本周")}`));
    expect(a.paragraphs.some((p) => p.includes("转念一想"))).toBe(true);
    expect(a.paragraphs.some((p) => p.includes("抢占先机"))).toBe(true);
  });
});

describe("datelines, titles and dates", () => {
  it("an outlet dateline + reporter credit set off before the lede goes to the header; the lede stays", () => {
    const s = segmentLines(["某某网5月6日讯(记者张三 李四) 长三角一体化示范区今天发布新一批制度创新成果,共二十项。"], { knownTitle: "示范区发布新成果" });
    expect(s.paragraphs[0]!.text).toBe("长三角一体化示范区今天发布新一批制度创新成果,共二十项。");
    expect(s.headerLines).toContain("某某网5月6日讯(记者张三 李四)");
    const t = segmentLines(["某某網5月6日訊（記者張三） 長三角一體化示範區今天發布新一批制度創新成果，共二十項。"], { knownTitle: "x" });
    expect(t.paragraphs[0]!.text.startsWith("长三角")).toBe(true);
    // A wire dateline run into its sentence is how the story opens.
    const u = segmentLines(["本报上海5月6日电(记者王五)6日,上海市发布新一批制度创新成果,共二十项。"], { knownTitle: "x" });
    expect(u.paragraphs[0]!.text.startsWith("本报上海5月6日电")).toBe(true);
  });

  it("a site name revealed by another candidate, a spaced department suffix, a column label never win", () => {
    expect(pickTitle(["某某江网", "示范区发布新一批制度创新成果 某某江网"], []).title).toBe("示范区发布新一批制度创新成果");
    expect(pickTitle(["某某江網", "示範區發布新一批制度創新成果 某某江網"], []).title).toBe("示范区发布新一批制度创新成果");
    expect(pickTitle(["示范区发布新一批制度创新成果 西区办事处_某某网"], []).title).toBe("示范区发布新一批制度创新成果");
    expect(pickTitle(["工作动态--某某学会官网"], []).title).toBeNull();
    expect(pickTitle(["長三角學會工作動態"], []).title).toBe("长三角学会工作动态");
    expect(rule("首页 - 工作动态")).toBe("nav:breadcrumb");
  });

  it("a labelled date after the body, an e-paper issue date above it, only without any other date", () => {
    const paras = ["今天", "昨天", "本周", "上周", "本月", "近日"].map((w) => `<p>${lede.replace("今天", w)}</p>`).join("");
    const nav = `<div class="nav"><ul>${["首页", "新闻", "要闻", "时政", "经济", "社会"].map((w) => `<li><a href="/${w}">${w}</a></li>`).join("")}</ul></div>`;
    const body = `<div class="content">${paras}</div>`;
    const labelled = page(`${nav}<h1>示范区发布新成果</h1>${body}<div class="foot"><p>发布日期:2023-05-06 责任编辑:王五</p></div><div>${nav}</div>`);
    expect(processPage(Buffer.from(labelled), { fileName: "a.html" }).published).toBe("2023-05-06");
    const issue = `<div><strong>2023年05月06日 星期六</strong></div>`;
    const epaper = page(`<div class="bm"><a href="/a3">第A03版:要闻</a> <a href="/b">版面导航</a></div>${issue}${nav}<h1>示范区发布新成果</h1>${body}`);
    expect(processPage(Buffer.from(epaper), { fileName: "b.html" }).published).toBe("2023-05-06");
    // The same clock without e-paper furniture is a site header's date, never the article's.
    const clock = page(`${issue}${nav}<h1>示范区发布新成果</h1>${body}`);
    expect(processPage(Buffer.from(clock), { fileName: "c.html" }).published).toBeNull();
  });
});
