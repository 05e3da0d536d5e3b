// The relevance scorer and the word-spun detector (lib/extract/relevance.ts): sentences composed for these tests,
// then the real gne pages of the relevance gold (tests/gold/relevance.json, read from ../shared/corpus in place).
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { checkSpun, isShownRelevance, RELEVANCE_THRESHOLD, scoreRelevance } from "@/lib/extract/relevance";
import { loadRelevanceGold, scoreGoldPage } from "@/lib/eval/relevance";

function score(title: string, ...paragraphs: string[]) {
  const { entities } = extract({ title, paragraphs, published: null, publishedPrecision: null });
  return scoreRelevance({ title, paragraphs, entities });
}

describe("scoreRelevance on long pages (a conference agenda's affiliations, a yearbook's vocabulary)", () => {
  // Composed: a programme listing the same delta university speaker after speaker, and a long page whose policy words
  // are spread thin. Neither makes a page about the integration.
  const speakers = Array.from({ length: 30 }, (_, k) => `第${k + 1}位报告人来自复旦大学,题目是关于资本市场与公司治理的实证研究。`);

  it("a located organization counts once, however often it is named", () => {
    const once = score("第四届经济学年会议程", speakers[0] as string);
    const many = score("第四届经济学年会议程", speakers[0] as string, ...Array.from({ length: 29 }, () => "复旦大学"));
    expect(many.signals.density).toBeLessThan(once.signals.density);
  });

  it("integration words are weighed by the page's length", () => {
    const lede = "会议围绕区域合作、制度创新和协同发展展开讨论,推动合作机制建设。";
    const short = score("经济学年会综述", lede);
    const long = score("经济学年会综述", lede, ...Array.from({ length: 6 }, () => speakers).flat());
    expect(long.signals.topics).toBeLessThan(short.signals.topics);
  });
});

describe("scoreRelevance on composed articles", () => {
  it("an article on the demonstration zone's plan is on-topic, with its signals", () => {
    const r = score(
      "示范区先行启动区十个重点项目集中开工",
      "长三角生态绿色一体化发展示范区执委会与青浦、吴江、嘉善共同举行重点项目开工仪式,水乡客厅蓝环工程等项目全面开工。",
      "这是落实《长三角生态绿色一体化发展示范区总体方案》的具体举措,沪苏浙两省一市将深化跨区域协同治理。",
    );
    expect(r.onTopic).toBe(true);
    expect(r.score).toBeGreaterThan(0.7);
    expect(r.signals.zoneMentions).toBeGreaterThan(0);
    expect(r.signals.deltaPlans).toBe(1);
    expect(r.signals.title).toBe("integration");
    expect(r.lowQuality).toBe(false);
  });

  it("an Anhui project in the three-year action plan is on-topic", () => {
    const r = score(
      "合肥新桥机场二期工程列入长三角三年行动计划",
      "安徽省发展改革委介绍,合肥新桥国际机场二期工程已列入《长三角地区一体化发展三年行动计划(2024—2026年)》重点任务,将加强与沪苏浙机场群的协同。",
    );
    expect(r.onTopic).toBe(true);
  });

  it("a Zhejiang metropolitan-area article is on-topic", () => {
    const r = score(
      "杭州都市区推进同城化",
      "今年杭州都市区加快建设,杭州、湖州、嘉兴、绍兴四市签署同城化合作框架协议,推动交通互联互通和公共服务共建共享。",
    );
    expect(r.onTopic).toBe(true);
  });

  it("a security conference in Beijing, a strike in France and a phone launch are off-topic", () => {
    expect(score("第五届网络安全大会在北京开幕", "8月22日,网络安全大会在北京国家会议中心举行,参会人数超过七百人,北京多家企业发布新产品。").onTopic).toBe(false);
    expect(score("法国再次爆发全国大罢工", "新华社巴黎电 法国9日再次爆发全国跨行业大罢工,巴黎交通几乎瘫痪。").onTopic).toBe(false);
    expect(score("新款手机发布 售价5499元起", "北京时间9月11日凌晨,新款手机发布,上海和杭州的门店将于周五开售。").onTopic).toBe(false);
  });

  it("a place in the delta alone does not make an article about the integration (a road closure in 无锡)", () => {
    const r = score(
      "无锡枢纽至江阴大桥封闭施工",
      "5月20日至31日,京沪高速无锡枢纽至江阴大桥段封闭施工,无锡往江阴方向车辆请绕行锡澄高速。",
      "无锡市民过江可走苏通大桥,江阴市区部分道路禁止货车通行。",
    );
    expect(r.signals.deltaMentions).toBeGreaterThan(3);
    expect(r.signals.title).toBe("place");
    expect(r.onTopic).toBe(false);
  });

  it("integration of another region (京津冀) is off-topic: other places outweigh", () => {
    const r = score(
      "京津冀交通一体化取得积极成效",
      "交通运输部介绍,京津冀交通一体化建设各项工作取得积极成效,北京、天津、河北将打造三地综合立体交通网络,实现区域协同发展。",
    );
    expect(r.signals.otherMentions).toBeGreaterThan(0);
    expect(r.onTopic).toBe(false);
  });

  it("more delta evidence never lowers the score", () => {
    const base = score("会议召开", "会议在杭州召开。");
    const more = score("长三角会议召开", "长三角三省一市主要领导座谈会在杭州召开,沪苏浙皖签署合作协议。");
    expect(more.score).toBeGreaterThan(base.score);
  });
});

describe("checkSpun: synonym-spun text", () => {
  const spun = "两省一市成长改革委配合印发《示范区重年夜建设项目三年举措规划》,入一步完美重年夜项目保障机制,加倍凸起高能级项目。";

  it("flags a composed spun paragraph and names what the forms stand for", () => {
    const c = checkSpun(spun);
    expect(c.spun).toBe(true);
    expect(c.strong.map((s) => s.form)).toEqual(expect.arrayContaining(["重年夜", "入一步", "成长改革", "配合印发"]));
    expect(c.strong.find((s) => s.form === "重年夜")?.stands).toBe("重大");
  });

  it("flags the same text in traditional characters", () => {
    const c = checkSpun("兩省一市成長改革委配合印發《示範區重年夜建設項目三年舉措規劃》,入一步完美重年夜項目保障機制,加倍凸起高能級項目。");
    expect(c.spun).toBe(true);
  });

  it("does not flag ordinary prose that uses the same words in their own sense", () => {
    const c = checkSpun("企业在示范区快速成长,香港特区当局表示欢迎。除夕年夜饭后,将来三年将进一步推进重大项目建设,加快发展改革。");
    expect(c.strong).toEqual([]);
    expect(c.spun).toBe(false);
  });

  it("one stray strong form in a long clean text is not enough", () => {
    const clean = "长三角一体化发展示范区建设稳步推进,重大项目加快落地。".repeat(20);
    expect(checkSpun(`${clean}入一步`).spun).toBe(false);
  });

  it("a spun article is low quality even when it is on-topic", () => {
    const r = score("长三角示范区重年夜项目三年举措规划印发", spun);
    expect(r.lowQuality).toBe(true);
    expect(isShownRelevance(r.score, r.lowQuality)).toBe(false);
  });
});

describe("isShownRelevance", () => {
  it("shows on-topic and not-yet-scored articles, hides off-topic and spun ones", () => {
    expect(isShownRelevance(RELEVANCE_THRESHOLD, false)).toBe(true);
    expect(isShownRelevance(null, false)).toBe(true);
    expect(isShownRelevance(RELEVANCE_THRESHOLD - 0.01, false)).toBe(false);
    expect(isShownRelevance(0.9, true)).toBe(false);
  });
});

describe("real pages (tests/gold/relevance.json)", () => {
  const gold = loadRelevanceGold();

  it("every off-topic gne page scores below the threshold", () => {
    const off = gold.filter((p) => p.source === "gne" && p.label === "off");
    expect(off.length).toBeGreaterThanOrEqual(50);
    const above = off.map((p) => ({ file: p.file, r: scoreGoldPage(p) })).filter((x) => x.r.onTopic);
    expect(above.map((x) => `${x.file} ${x.r.score}`)).toEqual([]);
  }, 120_000);

  it("the demo corpus is on-topic and the spun yrd-dev page is flagged, the others not", () => {
    for (const p of gold.filter((g) => g.source === "content")) expect(scoreGoldPage(p).onTopic, p.file).toBe(true);
    for (const p of gold.filter((g) => g.source === "yrd-dev")) expect(scoreGoldPage(p).lowQuality, p.file).toBe(p.quality === "spun");
  }, 120_000);
});
