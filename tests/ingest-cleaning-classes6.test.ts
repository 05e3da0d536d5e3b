import { describe, expect, it } from "vitest";
import { confirmsShortHeadline, prepareLine, segmentLines } from "@/lib/ingest/junk";
import { pickTitle } from "@/lib/ingest/metadata";
import { normalizeText } from "@/lib/ingest/normalize";
import { processPage } from "@/lib/ingest/process";

// Sixth round (found on tests/gold/clean-fresh6.json after its one honest run; the figures after are TUNED on it): an
// article going on into its data tables or a diagram, wiki furniture (edit links, hatnotes, a short headline only the
// h1 and the <title> agree on), a forum topic's header line as the title, a profile box's date, a headline printed
// over several lines, a closing byline and a content platform's disclaimer. Every case is composed here, in simplified
// and traditional script, with what each rule must leave alone.

const rule = (raw: string) => prepareLine(raw).rule;
const kind = (raw: string) => prepareLine(raw).kind;
const run = (html: string) => processPage(Buffer.from(html), { fileName: "a.html", explain: true });
const page = (body: string, title = "") => `<html><head><title>${title}</title></head><body>${body}</body></html>`;
const droppedBy = (r: ReturnType<typeof run>, id: string) => (r.dropped ?? []).filter((d) => d.rule === id).map((d) => d.text);
const lede = "长三角生态绿色一体化发展示范区执委会今天发布了新一批制度创新成果,涉及规划管理、生态保护、要素流动等八个方面,共计二十项。";
const paras = (n: number) =>
  ["今天", "昨天", "本周", "上周", "本月", "近日", "日前"].slice(0, n).map((w) => `<p>${lede.replace("今天", w)}</p>`).join("");
const nav = `<div class="nav"><a href="/">首页</a> <a href="/a">新闻</a> <a href="/b">政务</a> <a href="/c">专题</a></div>`;
const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
const grid = (rows: string[][]) => `<table>${rows.map(row).join("")}</table>`;

describe("html:tables — the article goes on into its data tables", () => {
  const works = grid([
    ["年份", "项目", "地点"],
    ["2019年", "示范区揭牌", "青浦"],
    ["2020年", "水乡客厅开工", "吴江"],
    ["2021年", "跨省公交开通", "嘉善"],
  ]);
  const budget = grid([
    ["类别", "金额"],
    ["生态保护", "十二亿元"],
    ["交通互联", "三十亿元"],
  ]);

  it("keeps the tables and the headings between them after the prose", () => {
    const r = run(page(`${nav}<div id="main"><h1>示范区大事记</h1>${paras(4)}<h2>历年项目</h2>${works}<h2>資金安排</h2>${budget}</div>`, "示范区大事记"));
    const body = r.paragraphs.join("\n");
    expect(body).toContain("水乡客厅开工");
    expect(body).toContain("跨省公交开通");
    expect(body).toContain("资金安排");
    expect(body).toContain("三十亿元");
  });

  it("keeps the text after a diagram drawn as a table (a lesson's flowchart)", () => {
    // Each cell a block of its own (centred boxes and arrows), many rows: far more than a picture or a pager.
    const boxes = ["我的问题", "↓", "是", "否", "│", "停", "符合原则吗", "└→", "再去思考", "↓", "实行", "│"];
    const chart = `<table>${boxes.map((x, k) => `<tr><td><center>${x}</center></td><td><center>${boxes[(k + 3) % boxes.length]}</center></td></tr>`).join("")}</table>`;
    const after = "这里建议你把分析的资料写下来,这能帮助你更客观和有条理地思考,同时能使你确切地知道该怎样决定。";
    const r = run(page(`${nav}<div id="main"><h1>第十课 如何作决定</h1>${paras(4)}${chart}<p>${after}</p><p>${after.replace("这里", "最后")}</p></div>`, "第十课 如何作决定"));
    expect(r.paragraphs.join("\n")).toContain("确切地知道该怎样决定");
  });

  it("leaves out a table of links to other articles, and what follows a references heading", () => {
    const related = `<table>${["沪苏浙皖签署合作协议", "示范区发布第二批成果", "长三角一网通办上线"].map((t, k) => row([`<a href="/n${k}">${t}的详细报道全文</a>`, "2021-05-0" + (k + 1)])).join("")}</table>`;
    const refs = grid([
      ["1", "长三角年鉴 某某出版社"],
      ["2", "示范区统计公报 某某出版社"],
    ]);
    const r = run(page(`${nav}<div id="main"><h1>示范区大事记</h1>${paras(4)}${related}<h2>参考资料</h2>${refs}</div>`, "示范区大事记"));
    const body = r.paragraphs.join("\n");
    expect(body).not.toContain("详细报道全文");
    expect(body).not.toContain("统计公报");
  });

  it("leaves out a layout table holding the whole page's footer", () => {
    const footer = grid([
      ["关于我们", "联系方式"],
      ["版权所有 某某网", "沪ICP备000000号"],
    ]);
    const r = run(page(`${nav}<div id="main"><h1>示范区大事记</h1>${paras(4)}${footer}</div>`, "示范区大事记"));
    expect(r.paragraphs.join("\n")).not.toContain("版权所有");
  });
});

describe("wiki furniture: edit links, hatnotes, the page's headline", () => {
  it("strips the edit link after a heading (simplified and traditional)", () => {
    expect(prepareLine("简介[编辑]").text).toBe("简介");
    expect(prepareLine("早年經歷[編輯]").text).toBe("早年经历");
    expect(prepareLine("History [edit]").text).toBe("History");
  });

  it("leaves an edit mark inside a sentence alone", () => {
    expect(prepareLine("他在[编辑]菜单中修改了文件,然后保存。").text).toContain("[编辑]");
  });

  it("drops a hatnote pointing to another article as wiki:hatnote", () => {
    expect(rule("主条目：长三角生态绿色一体化发展示范区")).toBe("wiki:hatnote");
    expect(rule("主條目：長江三角洲城市群")).toBe("wiki:hatnote");
    expect(rule("参见：上海大都市圈")).toBe("wiki:hatnote");
  });

  it("leaves a sentence about a main entry alone", () => {
    expect(kind("主条目的内容包括了长三角一体化的历史、现状和未来规划。")).toBe("text");
    expect(kind("参见会议的代表共有一百二十人,来自沪苏浙皖四地。")).toBe("text");
  });

  it("a short headline counts only when the h1 and the <title> agree", () => {
    expect(confirmsShortHeadline("金锺国", ["金锺国 - 维基百科，自由的百科全书"])).toBe(true);
    expect(confirmsShortHeadline("嘉善縣", ["嘉善縣 - 維基百科，自由的百科全書"])).toBe(true);
    expect(confirmsShortHeadline("首页", ["长三角新闻网"])).toBe(false);
    expect(confirmsShortHeadline("嘉善", ["嘉善"])).toBe(false);
    expect(confirmsShortHeadline("嘉善县人民政府", ["嘉善县人民政府 - 官网"])).toBe(false);
  });

  it("takes the page's short headline over a section heading, and keeps the section heading as text", () => {
    const r = run(
      `<html><head><title>嘉善县 - 维基百科，自由的百科全书</title></head><body><h1>嘉善县</h1><div id="content">` +
        `<h2>简介[编辑]</h2>${paras(3)}<h2>历史[编辑]</h2><p>主条目：嘉善县历史</p>${paras(3)}</div></body></html>`,
    );
    expect(r.title).toBe("嘉善县");
    expect(r.paragraphs).toContain("历史");
    expect(r.paragraphs.join("\n")).not.toContain("主条目");
    expect(droppedBy(r, "wiki:hatnote")).toEqual(["主条目:嘉善县历史"]);
  });
});

describe("a forum topic's header line as the title: the date and the post label go", () => {
  it("cuts the posting time and the post label (simplified and traditional)", () => {
    expect(pickTitle(["从长三角一体化想开去 2005-09-11 18:04:42 楼主"], []).title).toBe("从长三角一体化想开去");
    expect(pickTitle(["從長三角一體化想開去 2005年9月11日 18:04 樓主"], []).title).toBe("从长三角一体化想开去");
    expect(pickTitle(["示范区的公交好不好坐 2021-3-2 10:01 #3"], []).title).toBe("示范区的公交好不好坐");
    expect(pickTitle(["示范区的公交好不好坐 2021-03-02 2楼"], []).title).toBe("示范区的公交好不好坐");
  });

  it("leaves a headline that only mentions a floor alone", () => {
    expect(pickTitle(["老小区加装电梯 一楼楼主为何反对"], []).title).toBe("老小区加装电梯 一楼楼主为何反对");
    expect(pickTitle(["上海楼市2021年回暖 沙发家具销量上升"], []).title).toBe("上海楼市2021年回暖 沙发家具销量上升");
  });
});

describe("a profile box's date never wins over the post's", () => {
  it("classifies the profile dates as meta:profile-date", () => {
    expect(rule("建立于:2004年10月6日")).toBe("meta:profile-date");
    expect(rule("註冊時間：2004-10-06")).toBe("meta:profile-date");
    expect(rule("加入於 2012/3/5")).toBe("meta:profile-date");
  });

  it("leaves a sentence about a founding date alone", () => {
    expect(kind("该馆建立于2004年10月6日,占地面积一万平方米。")).toBe("text");
  });

  it("a blog post under a sidebar gets the post's date", () => {
    const side = `<div class="info"><p>Blog信息</p><p>日志:279</p><p>访问:121369</p><p>建立于:2004年10月6日</p></div>`;
    const post = `<div class="post"><p>[长三角]示范区游记</p><p>某某 发表于 2005-9-15 11:46:00</p><p>示范区游记</p>${paras(5)}</div>`;
    const r = run(page(`${side}${post}`, "某某的博客"));
    expect(r.published).toBe("2005-09-15");
  });
});

describe("a headline printed over several lines at the top of the body", () => {
  const title = "上海市人民政府关于推进长三角生态绿色一体化发展示范区建设的实施意见";
  const lines = ["上海市人民政府关于推进", "长三角生态绿色一体化发展示范区", "建设的实施意见", "沪府发〔2021〕1号", lede, lede.replace("今天", "昨天")];

  it("drops the lines that read together give the title as title:split-lines", () => {
    const s = segmentLines(lines, { knownTitle: title });
    expect(s.paragraphs.map((p) => p.text)).not.toContain("建设的实施意见");
    expect(s.paragraphs.map((p) => p.text)).toContain("沪府发〔2021〕1号");
    expect(s.dropped.filter((d) => d.rule === "title:split-lines").map((d) => d.text)).toEqual(lines.slice(0, 3));
  });

  it("works in traditional script", () => {
    const t = "臺北市政府關於推進智慧城市建設的實施意見";
    // The pipeline hands segmentLines the title as pickTitle gives it: normalized (simplified script).
    const s = segmentLines(["臺北市政府關於推進", "智慧城市建設的實施意見", lede], { knownTitle: normalizeText(t) });
    expect(s.paragraphs.map((p) => p.text)).toEqual([lede]);
  });

  it("leaves lines that only start the title, or go on past it, alone", () => {
    const s = segmentLines(["上海市人民政府关于推进", "相关工作的说明", lede], { knownTitle: title });
    expect(s.paragraphs.map((p) => p.text)).toContain("上海市人民政府关于推进");
  });
});

describe("a caption naming people by where they stand", () => {
  it("is caption:positions (simplified and traditional)", () => {
    expect(rule("2014年12月,张三（左）和李四（右）在长三角论坛上")).toBe("caption:positions");
    expect(rule("陳大文（左一）與李小明（右二）出席簽約儀式")).toBe("caption:positions");
  });

  it("leaves a sentence with a bracketed position alone", () => {
    expect(kind("张三（左）和李四（右）在论坛上签署了合作协议,标志着两地合作进入新阶段。")).toBe("text");
    expect(kind("会场左侧(左)是展区,另一侧是会议区")).toBe("text");
  });
});

describe("a closing byline and a platform's disclaimer are not text", () => {
  it("classifies closing bylines as meta:closing-byline", () => {
    expect(rule("本报记者 王小明 上海报道")).toBe("meta:closing-byline");
    expect(rule("新民晚报记者 李华 江苏苏州报道")).toBe("meta:closing-byline");
    expect(rule("本報記者 陳大文 台北報導")).toBe("meta:closing-byline");
  });

  it("leaves a sentence that reports alone", () => {
    expect(kind("据新华社记者报道,上海今天开通了第一条跨省公交线路。")).toBe("text");
    expect(kind("记者王小明在上海报道了这一消息,引起了广泛关注。")).toBe("text");
  });

  it("classifies a content platform's disclaimer as furniture:platform-disclaimer", () => {
    expect(rule("声明：该文观点仅代表作者本人，网易号系信息发布平台，网易仅提供信息存储空间服务。")).toBe("furniture:platform-disclaimer");
    expect(rule("聲明：該文觀點僅代表作者本人，某某號系信息發佈平台，某某僅提供信息存儲空間服務。")).toBe("furniture:platform-disclaimer");
  });

  it("leaves a sentence about an author's view alone", () => {
    expect(kind("他表示,这一观点代表了作者本人多年的研究成果。")).toBe("text");
  });

  it("both leave the body of a page, with their rule shown by explain", () => {
    const tail = `<p>本报记者 王小明 上海报道</p><p>声明：该文观点仅代表作者本人，网易号系信息发布平台，网易仅提供信息存储空间服务。</p>`;
    const r = run(page(`<div id="main"><h1>示范区发布制度创新成果</h1>${paras(4)}${tail}</div>`, "示范区发布制度创新成果"));
    expect(r.paragraphs.join("\n")).not.toMatch(/报道$|信息存储空间/m);
    expect(droppedBy(r, "meta:closing-byline")).toEqual(["本报记者 王小明 上海报道"]);
    expect(droppedBy(r, "furniture:platform-disclaimer")).toHaveLength(1);
  });
});
