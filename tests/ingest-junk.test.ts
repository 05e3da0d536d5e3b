import { describe, expect, it } from "vitest";
import { classify, dedupe, isDateLine, prepareLine, segmentLines, splitTitleSuffix } from "@/lib/ingest/junk";

const kind = (raw: string) => prepareLine(raw).kind;

describe("line rules", () => {
  it("navigation and breadcrumbs", () => {
    expect(kind("当前位置:首页 > 嘉善产业新闻 > 正文内容")).toBe("nav");
    expect(kind("您的位置: 萧山网 >  新闻中心 >  综合新闻 >  浙江 > ")).toBe("nav");
    expect(kind("首頁 > 産業視窗 > 政策聚焦 > 【政策聚焦】《長江三角洲》")).toBe("nav");
    expect(kind("地表水优Ⅲ类断面比例>90%,AQI优良率从78.4%上升到83.3%。")).toBe("text");
  });

  it("share, print, font-size bars, pagination and placeholders", () => {
    for (const line of ["分享给朋友:", "分享", "】 【打 印】 ", "【 第1頁 第2頁 第3頁 第4頁 第5頁 】", "字体 大 中 小", "转藏 分享 献花(0", "文章图片", "手机版", "X", "Baidu", "sogou", "None", "Thumb", "![]()", "QQ20191101-131310.jpg"]) {
      expect(kind(line), line).toBe("junk");
    }
    expect(kind("2024")).toBe("text");
    // Labelled UI lines are read as (empty) metadata: never body either way.
    expect(kind("字体:大 中 小")).toBe("meta");
  });

  it("contact and advertising lines", () => {
    for (const line of ["产业招商/厂房土地租售:400 0123 021", "或微信/手机:13391219793 ", "葛毅明微信号", "长按/扫一扫加葛毅明的微信号", "咨询电话:0571-88888888"]) {
      expect(kind(line), line).toBe("junk");
    }
  });

  it("copyright, disclaimers, browser warnings, comment boxes start the footer", () => {
    for (const line of [
      "版权声明:本文由嘉善厂房土地招商网发布,如需转载请注明出处。",
      "中國混凝土與水泥制品協(xié)會網(wǎng)站版權(quán)聲明:",
      "本站是提供个人知识管理的网络存储空间,所有内容均由用户发布,不代表本站观点。",
      "您正在使用Internet Explorer瀏覽器",
      "0条评论",
      "返回顶部",
      "上一篇:【弘扬爱国奋斗精神】钟扬 | 下一篇:【大江奔流】江苏",
    ]) {
      expect(kind(line), line).toBe("footer");
    }
    for (const line of ["注:请在转载文章内容时务必注明出处!", "(此文不代表本网站观点,仅", "请遵守用户 评论公约", "若您無法正常瀏覽本頁面,為了得到我們網站最好的體驗效果,請您更換為360、QQ、Chrome、火狐等其他瀏覽器."]) {
      expect(["junk", "footer"], line).toContain(kind(line));
    }
  });

  it("related and recommended list headings", () => {
    for (const line of ["相关文章", "相关新闻", "推荐阅读", "热门新闻", "类似文章 更多", "猜你喜欢", "24小时热点", "延伸阅读:"]) {
      expect(kind(line), line).toBe("related");
    }
  });

  it("captions and photo credits", () => {
    for (const line of ["顾雨婷 摄", "长三角一体化示范区执委会供图", "方厅水院项目效果图。长三角一体化示范区执委会供图", "元荡。长三角一体化示范区执委会供图", "華為練秋湖研發中心。上觀新聞 圖", "水乡客厅鸟瞰图", "“上海發佈”微信公眾號截圖", "(资料图片)", "“救命啊SOS”纸团。沙坪坝区公安分局供图 华龙网发"]) {
      expect(kind(line), line).toBe("caption");
    }
    expect(kind("明年示范区怎么干?会议为2024年示范区工作画下路线图。")).toBe("text");
  });

  it("labelled metadata lines", () => {
    for (const line of ["来源:潮新闻  ", "作者:  ", "编辑:值班小编", "時間:2024-07-29    來源:建筑時報    分享:", "发布日期:2019-10-31信息来来自:千赢qy88国际官网入口访问量:3056次", "[責(zé)任編輯:高旭]", "原标题:《沪苏嘉城际铁路浙沪省界段开工!》", "《人民日报》", "看看新闻Knews记者 谢丹青 郭浩"]) {
      expect(kind(line), line).toBe("meta");
    }
  });

  it("spam brand tokens are cut out of a line; what is left of a spam banner is junk", () => {
    expect(prepareLine("广东快乐十分这个“黄金三角”,距离上海市中心60公里。").text).toBe("这个“黄金三角”,距离上海市中心60公里。");
    expect(prepareLine("yl6809永利官网元荡是上海市与江苏省的重要省界湖泊。").text).toBe("元荡是上海市与江苏省的重要省界湖泊。");
    expect(kind("千赢qy88国际官网入口|中国有限公司")).toBe("junk");
    expect(kind("广东快乐十分")).not.toBe("text");
    expect(prepareLine("金沙江流域的生态保护").text).toBe("金沙江流域的生态保护");
  });

  it("inline end-of-article markers are cut off and flagged", () => {
    const line = prepareLine("为其他毗邻区域开展相关工作提供了参照依据。返回搜狐,查看更多");
    expect(line.text).toBe("为其他毗邻区域开展相关工作提供了参照依据。");
    expect(line.original).toBe("为其他毗邻区域开展相关工作提供了参照依据。");
    expect(line.endsArticle).toBe(true);
  });

  it("date lines are short and carry a date or time", () => {
    for (const line of ["2023", "12-09", "21:08", "admin2个月前 (02-24)嘉善产业新闻34", "zjshzq 2020-04-29", "2025 12/16 09:01:43", "时尚2024-05-10 09:37:4474144"]) {
      expect(isDateLine(line), line).toBe(true);
    }
    expect(isDateLine("2025年4月14日,春风吹拂,阳光明媚。")).toBe(false);
    expect(isDateLine("12月8日至9日,贯彻落实深入推进长三角一体化发展座谈会精神高水平建设长三角生态绿色一体化发展示范区工作推进会在上海青浦召开")).toBe(false);
  });

  it("on a page that is not Chinese, short Latin lines are text, not leftovers", () => {
    expect(classify("Here's what to know:", { chinese: false })).toBe("text");
    expect(classify("BAAR, SWITZERLAND", { chinese: false })).toBe("text");
    expect(classify("BAAR, SWITZERLAND", { chinese: true })).toBe("junk");
  });

  it("angle brackets in running text are not a breadcrumb; an interview turn is not a byline", () => {
    expect(classify("다만 MBC <숨바꼭질>은 방영을 시작한 지 얼마 되지 않았지만 <왔다, 장보리>는 코믹한 장면에 감이 좋은 작가의 능력")).toBe("text");
    expect(classify("记者:你通过什么渠道最快的获取这些信息?")).toBe("text");
    expect(classify("记者:首先欢迎你来到新华网接受我们的采访,既然你是农机行业的专家,想必对农业也非常熟悉了。")).toBe("text");
    expect(classify("记者:张三")).toBe("meta");
  });

  it("classify is stable on normalized text", () => {
    expect(classify("")).toBe("blank");
    expect(classify("强化城市协同")).toBe("text");
    expect(classify("杭绍一体化合作先行区")).toBe("text");
  });
});

describe("segmentLines", () => {
  const lines = [
    "当前位置:首页 > 新闻 > 正文",
    "示范区重点项目集中开工",
    "2024-03-01 来源:新华日报",
    "",
    "3月1日,长三角生态绿色一体化发展示范区重点项目集中开工,总投资超百亿元。",
    "项目清单",
    "本次开工项目涵盖生态环保、互联互通、创新产业等领域。",
    "相关阅读",
    "示范区总规获批一周年……",
    "示范区执委会负责人表示,这批项目将在年内形成实物工作量。项目建成后,将进一步提升示范区的生态、创新和公共服务功能,让群众有更多获得感。",
    "下一步,示范区将加快推进先行启动区建设,推动更多项目落地见效。青浦、吴江、嘉善三地将加强土地、资金等要素保障,确保项目按期推进。",
    "责任编辑:张三",
    "热门新闻",
    "某某新闻标题一",
  ];

  it("finds title and header block, keeps headings, drops a related box but resumes on clear article text", () => {
    const s = segmentLines(lines);
    expect(s.title).toBe("示范区重点项目集中开工");
    expect(s.headerLines).toEqual(["2024-03-01 来源:新华日报"]);
    expect(s.paragraphs.map((p) => p.text)).toEqual([
      "3月1日,长三角生态绿色一体化发展示范区重点项目集中开工,总投资超百亿元。",
      "项目清单",
      "本次开工项目涵盖生态环保、互联互通、创新产业等领域。",
      "示范区执委会负责人表示,这批项目将在年内形成实物工作量。项目建成后,将进一步提升示范区的生态、创新和公共服务功能,让群众有更多获得感。",
      "下一步,示范区将加快推进先行启动区建设,推动更多项目落地见效。青浦、吴江、嘉善三地将加强土地、资金等要素保障,确保项目按期推进。",
    ]);
    expect(s.metaLines).toEqual(["责任编辑:张三"]);
  });

  it("a related heading before any body line does not end the body", () => {
    const s = segmentLines(["相关新闻", "长三角一体化发展取得新进展,示范区建设全面提速,一批重点项目陆续开工建设。"]);
    expect(s.paragraphs).toHaveLength(1);
  });

  it("with a known title (HTML), lines repeating it are dropped and no title is searched", () => {
    const s = segmentLines(["示范区重点项目集中开工", "2024-03-01", "正文第一段,内容足够长,讲述示范区重点项目集中开工的情况和意义。"], { knownTitle: "示范区重点项目集中开工" });
    expect(s.title).toBe("示范区重点项目集中开工");
    expect(s.headerLines).toEqual(["2024-03-01"]);
    expect(s.paragraphs.map((p) => p.text)).toEqual(["正文第一段,内容足够长,讲述示范区重点项目集中开工的情况和意义。"]);
  });
});

describe("dedupe", () => {
  it("drops exact repeats and a lead repeated inside its neighbour, keeps a later restatement", () => {
    const lead = "近日,长三角区域合作办公室印发新一轮三年行动计划,明确了路线图和任务书。";
    const ps = [lead, `${lead}7月25日,长三角区域合作办公室举行新闻发布会。`, "第二段。", "第二段。", "短标题", "短标题", "原则同意《长三角生态绿色一体化发展示范区总体方案》"]
      .concat(["甲", "乙", "丙"])
      .concat(["近日,国务院批复,原则同意《长三角生态绿色一体化发展示范区总体方案》。"])
      .map((text) => ({ text }));
    expect(dedupe(ps).map((p) => p.text)).toEqual([
      `${lead}7月25日,长三角区域合作办公室举行新闻发布会。`,
      "第二段。",
      "短标题",
      "原则同意《长三角生态绿色一体化发展示范区总体方案》",
      "甲",
      "乙",
      "丙",
      "近日,国务院批复,原则同意《长三角生态绿色一体化发展示范区总体方案》。",
    ]);
  });
});

describe("splitTitleSuffix", () => {
  it("cuts site names off headlines", () => {
    expect(splitTitleSuffix("从“旁听生”到“优等生”:安徽的长三角进击之路-新华网")).toEqual({ title: "从“旁听生”到“优等生”:安徽的长三角进击之路", site: "新华网" });
    expect(splitTitleSuffix("山西品牌丝路行(南美站)正式启动 - 山西省人民政府门户网站")).toEqual({ title: "山西品牌丝路行(南美站)正式启动", site: "山西省人民政府门户网站" });
    expect(splitTitleSuffix("劳伦斯:一个无法定义的“洛克菲勒”-搜狐财经").site).toBe("搜狐财经");
    expect(splitTitleSuffix("标题很长的一条新闻_国内新闻_人民网")).toEqual({ title: "标题很长的一条新闻", site: "人民网" });
  });

  it("leaves headlines with separators inside alone", () => {
    for (const t of ["“先手棋和突破口”典型案例|有效促进跨区域居民服务一体化便利共享", "资讯速递丨推进长三角生态绿色一体化发展示范区建设,嘉善准备好了!", "重点打造练市—乌镇合作产业园", "视频|水墨动画告诉你长三角一体化示范区为何花落这里"]) {
      expect(splitTitleSuffix(t)).toEqual({ title: t, site: null });
    }
  });
});
