import { describe, expect, it } from "vitest";
import { dateFromUrl, extractMetadata, labelledValues, parseDate, pickTitle, type MetadataInput } from "@/lib/ingest/metadata";
import { processPage } from "@/lib/ingest/process";

const input = (over: Partial<MetadataInput>): MetadataInput => ({ titleCandidates: [], headerLines: [], metaLines: [], firstParagraph: null, ...over });

describe("dates", () => {
  it("parses full dates in the usual spellings, day precision", () => {
    expect(parseDate("发布日期:2019-10-31")).toEqual({ value: "2019-10-31", precision: "day" });
    expect(parseDate("2024年7月29日 10:00")).toEqual({ value: "2024-07-29", precision: "day" });
    expect(parseDate("2023/12/9")).toEqual({ value: "2023-12-09", precision: "day" });
    expect(parseDate("2023-12-09T21:08:00+08:00")).toEqual({ value: "2023-12-09", precision: "day" });
    expect(parseDate("[浙江] 2023 12-09 21:08")).toEqual({ value: "2023-12-09", precision: "day" });
    expect(parseDate("2025 12/16 09:01:43")).toEqual({ value: "2025-12-16", precision: "day" });
  });

  it("falls back to month precision (an impossible day keeps its month), rejects year ranges", () => {
    expect(parseDate("2023年12月")).toEqual({ value: "2023-12", precision: "month" });
    expect(parseDate("2023-02-30")).toEqual({ value: "2023-02", precision: "month" });
    expect(parseDate("2023-13-01")).toBeNull();
    expect(parseDate("(2021—2035年)")).toBeNull();
    expect(parseDate("2021-2035年")).toBeNull();
    expect(parseDate("02-24")).toBeNull();
  });

  it("reads dates spelled out in URL paths only", () => {
    expect(dateFromUrl("http://dz.xdkb.net/html/2019-10/31/content_518822.htm")?.value).toBe("2019-10-31");
    expect(dateFromUrl("http://cs.zjol.com.cn/lhcs/201903/t20190307_9610342.shtml")?.value).toBe("2019-03-07");
    expect(dateFromUrl("https://gd.huaxia.com/c/2024/06/28/1936523.shtml")?.value).toBe("2024-06-28");
    expect(dateFromUrl("http://finance.caixunnews.com/baoxian/2022/0929/10598.html")?.value).toBe("2022-09-29");
    expect(dateFromUrl("https://hk.outputnews.com/2022/guancha/news_2022_07_13_649169")?.value).toBe("2022-07-13");
    expect(dateFromUrl("https://www.diyijiewu.com/news/2019113030080.html")).toBeNull();
    expect(dateFromUrl("http://www.picbankcn.com/886.html")).toBeNull();
    expect(dateFromUrl("not a url")).toBeNull();
  });

  it("never invents a year: a bare month-day stays text, a relative age is ignored", () => {
    const m = extractMetadata(input({ titleCandidates: ["标题"], headerLines: ["admin2个月前 (02-24)嘉善产业新闻34"] }));
    expect(m.published).toBeNull();
    expect(m.publishedPrecision).toBeNull();
    expect(m.publishedText).toBe("02-24");
  });

  it("prefers HTML meta, then a labelled date, then the lines around the title, then the URL", () => {
    const base = { titleCandidates: ["标题"], sidecar: { url: "https://example.cn/2020/01/02/x.html" } };
    expect(extractMetadata(input({ ...base, meta: { "article:published_time": "2021-03-04T08:00:00+08:00" }, headerLines: ["时间:2022-05-06"] })).published).toBe("2021-03-04");
    expect(extractMetadata(input({ ...base, headerLines: ["2019-01-01 阅读", "发布时间:2022-05-06"] })).published).toBe("2022-05-06");
    expect(extractMetadata(input({ ...base, headerLines: ["2019-01-01 09:00"] })).published).toBe("2019-01-01");
    expect(extractMetadata(input(base)).published).toBe("2020-01-02");
  });
});

describe("labelled values", () => {
  it("splits a line with several labels", () => {
    expect(labelledValues("时间:2024-07-29 来源:建筑时报 分享:")).toEqual([
      ["时间", "2024-07-29"],
      ["来源", "建筑时报"],
      ["分享", ""],
    ]);
  });
});

describe("source, author, editor, site, url", () => {
  it("source: labelled, cut at buttons and punctuation; never the hosting site or a spam brand", () => {
    expect(extractMetadata(input({ titleCandidates: ["t"], metaLines: ["来源:浙江发改"] })).source).toBe("浙江发改");
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["来源:新华社 举报"] })).source).toBe("新华社");
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["小编提示您:来源是:上观新闻。//本文由热心网友投稿。"] })).source).toBe("上观新闻");
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["[人民网]", "来源:[人民网]"] })).source).toBe("人民网");
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["来源:转载文章 发表评论"] })).source).toBeNull();
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["来源:嘉善厂房土地招商网"], sidecar: { site: "嘉善厂房土地招商网" } })).source).toBeNull();
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["来源:千赢国际官网入口"] })).source).toBeNull();
    expect(extractMetadata(input({ titleCandidates: ["t"], metaLines: ["《人民日报》"] })).source).toBe("人民日报");
  });

  it("author: labelled bylines and reporter credits only, names kept, trailing text dropped", () => {
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["作者:  "] })).author).toBeNull();
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["zjshzq 2020-04-29"] })).author).toBeNull();
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["看看新闻Knews记者 谢丹青 郭浩"] })).author).toBe("谢丹青 郭浩");
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["作者:赵婕 出自[人民文学出版社]"] })).author).toBe("赵婕");
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["记者:首先欢迎你来到新华网接受我们的采访"] })).author).toBeNull();
    expect(extractMetadata(input({ titleCandidates: ["t"], meta: { author: "104363" } })).author).toBeNull();
  });

  it("editor: labelled, else a photographer credit next to the title", () => {
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["顾雨婷 摄"], metaLines: ["编辑:值班小编"] })).editor).toBe("值班小编");
    expect(extractMetadata(input({ titleCandidates: ["t"], headerLines: ["顾雨婷 摄"] })).editor).toBe("顾雨婷");
    expect(extractMetadata(input({ titleCandidates: ["t"], metaLines: ["[责任编辑:高旭]"] })).editor).toBe("高旭");
  });

  it("site: sidecar, then og:site_name, then a title suffix; url: sidecar, then canonical, then og:url", () => {
    const meta = { "og:site_name": "新华网", canonical: "https://a.cn/x", "og:url": "https://b.cn/y" };
    expect(extractMetadata(input({ titleCandidates: ["标题很长的新闻-人民网"], meta, sidecar: { site: "萧山网", url: "https://c.cn/z" } }))).toMatchObject({ site: "萧山网", url: "https://c.cn/z", title: "标题很长的新闻" });
    expect(extractMetadata(input({ titleCandidates: ["标题很长的新闻-人民网"], meta }))).toMatchObject({ site: "新华网", url: "https://a.cn/x" });
    expect(extractMetadata(input({ titleCandidates: ["标题很长的新闻-人民网"] }))).toMatchObject({ site: "人民网", url: null });
  });

  it("title: the first usable candidate, not the site name, not a breadcrumb; (图) marks dropped", () => {
    expect(pickTitle(["新华网", "首页 > 新闻 > 正文", "多数夫妻生活有名无实(图)-"], ["新华网"]).title).toBe("多数夫妻生活有名无实");
    const m = extractMetadata(input({ firstParagraph: "没有一个词汇可以形容如今的虹桥。如果有,只能称之为变革!" }));
    expect(m.title).toBe("没有一个词汇可以形容如今的虹桥");
    expect(extractMetadata(input({ metaLines: ["原标题:《沪苏嘉城际铁路浙沪省界段开工!》"], firstParagraph: "正文。" })).title).toBe("沪苏嘉城际铁路浙沪省界段开工!");
  });
});

describe("processPage on HTML", () => {
  const page = `<!doctype html><html><head>
    <meta charset="utf-8">
    <title>長三角新一輪行動計劃發布_建築時報_中國混凝土網</title>
    <meta property="og:title" content="長三角新一輪行動計劃發布">
    <meta property="og:site_name" content="中国混凝土网">
    <meta property="article:published_time" content="2024-07-29T09:30:00+08:00">
    <link rel="canonical" href="https://example.cn/news/2024/0729/1.html">
    </head><body>
    <div class="nav">当前位置:首页 &gt; 行业新闻 &gt; 正文</div>
    <div class="article">
      <h1>長三角新一輪行動計劃發布</h1>
      <div class="info">時間:2024-07-29 來源:建筑時報 作者:張三 分享:</div>
      <p>近日,長三角區(qū)域合作辦公室印發(fā)《長三角地區(qū)一體化發(fā)展三年行動計(jì)劃(2024—2026年)》,標誌著長三角一體化發展向縱深推進。</p>
      <p>新一輪三年行動計劃提出了加強長三角科技創新跨區域協同、協同建設長三角世界級產業集群等9個方面,共165項重點任務。</p>
      <p>元荡。长三角一体化示范区执委会供图</p>
      <p>在切實加強生態環境共保聯治方面,新一輪三年行動計劃提出,加強生態保護紅線無縫銜接,推進新一輪太湖流域水環境綜合治理。</p>
      <p>责任编辑:李四</p>
      <p>版權聲明:凡本網注明來源的稿件,版權均為本站所有,轉載請注明出處。</p>
    </div>
    <div class="related"><h3>相关新闻</h3><ul><li><a href="/1">长三角一体化示范区成果发布</a></li><li><a href="/2">示范区重点项目开工</a></li></ul></div>
    </body></html>`;

  it("gets title, date, source, author, editor from markup and header lines; body simplified and clean", () => {
    const a = processPage(new Uint8Array(Buffer.from(page, "utf8")), { fileName: "page.html" });
    expect(a).toMatchObject({
      title: "长三角新一轮行动计划发布",
      published: "2024-07-29",
      publishedPrecision: "day",
      site: "中国混凝土网",
      source: "建筑时报",
      author: "张三",
      editor: "李四",
      url: "https://example.cn/news/2024/0729/1.html",
      encoding: "utf-8",
    });
    expect(a.paragraphs).toEqual([
      "近日,长三角区域合作办公室印发《长三角地区一体化发展三年行动计划(2024—2026年)》,标志着长三角一体化发展向纵深推进。",
      "新一轮三年行动计划提出了加强长三角科技创新跨区域协同、协同建设长三角世界级产业集群等9个方面,共165项重点任务。",
      "在切实加强生态环境共保联治方面,新一轮三年行动计划提出,加强生态保护红线无缝衔接,推进新一轮太湖流域水环境综合治理。",
    ]);
    expect(a.originalParagraphs[0]).toContain("區(qū)域");
  });
});
