import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { requireCorpus } from "@/lib/eval/corpora";
import { foldWidth, normalizeText, stripPinyin, tidyWhitespace, toSimplified } from "@/lib/ingest/normalize";

describe("stripPinyin", () => {
  it("drops a toned syllable in parentheses after a Han character", () => {
    expect(stripPinyin("中國混凝土與水泥制品協(xié)會")).toBe("中國混凝土與水泥制品協會");
    expect(stripPinyin("發(fā)展")).toBe("發展");
    expect(stripPinyin("行(háng)业")).toBe("行业");
    expect(stripPinyin("我(wǒ)(wǒ)國")).toBe("我國");
    expect(stripPinyin("一(yī)體(tǐ)化")).toBe("一體化");
    expect(stripPinyin("綠(lǜ)色")).toBe("綠色");
    expect(stripPinyin("他們(men)")).toBe("他們");
  });

  it("keeps real parentheticals", () => {
    for (const s of ["规划(2021—2035年)", "长三角智慧绿洲(一期)", "首份(2023)体检评估报告", "(以下简称“体检报告”)", "协会(CCPA)", "大纲(全文)", "华为(Huawei)", "(a)", "资料(图)"]) {
      expect(stripPinyin(s)).toBe(s);
    }
  });
});

describe("toSimplified", () => {
  it("converts traditional text with the Taiwan converter (著 → 着 where it is the particle)", () => {
    expect(toSimplified("標誌著長三角一體化發展向縱深推進")).toBe("标志着长三角一体化发展向纵深推进");
    expect(toSimplified("隨著華為數萬名研發人員陸續導入")).toBe("随着华为数万名研发人员陆续导入");
    expect(toSimplified("積極探索建設中華民族現代文明、有力拓展城市合作廣度和深度、著力提升安全發展能力")).toBe(
      "积极探索建设中华民族现代文明、有力拓展城市合作广度和深度、着力提升安全发展能力",
    );
    expect(toSimplified("汽車裡的小小芯片")).toBe("汽车里的小小芯片");
    expect(toSimplified("顯著提升")).toBe("显著提升");
  });

  it("leaves simplified text alone, including 著 in 显著 / 著名", () => {
    for (const s of ["各类社区公共服务设施可达性显著提升", "著名作家的著作", "长三角生态绿色一体化发展示范区", "干部 皇后 里程"]) {
      expect(toSimplified(s)).toBe(s);
    }
  });

  it("converts a stray traditional character in a simplified sentence without touching the rest", () => {
    expect(toSimplified("效果显著,详见“上海發佈”的通知")).toBe("效果显著,详见“上海发布”的通知");
    expect(toSimplified("这个效果顯著")).toBe("这个效果显著");
    // No simplified-only character at all: traditional, even with a single traditional-only one.
    expect(toSimplified("著力提升安全發展能力")).toBe("着力提升安全发展能力");
  });
});

describe("width and whitespace", () => {
  it("folds fullwidth ASCII, including （）and ，：；！？, and keeps Chinese punctuation", () => {
    expect(foldWidth("ＡＢＣ１２３（一期）：，；！？％")).toBe("ABC123(一期):,;!?%");
    expect(foldWidth("。、“”《》〈〉「」—…·")).toBe("。、“”《》〈〉「」—…·");
    expect(foldWidth("　　缩进\u00a0空格\u200b")).toBe("  缩进 空格");
  });

  it("tidies spaces: runs, ends, indentation, around Chinese punctuation", () => {
    expect(tidyWhitespace("  \u3000 2月20日,   正式发布。 ")).toBe("2月20日,正式发布。");
    expect(tidyWhitespace("Hello,   world  ")).toBe("Hello, world");
    expect(tidyWhitespace("高层论坛上 , 长三角集成电路 、 生物医药 。")).toBe("高层论坛上,长三角集成电路、生物医药。");
    expect(tidyWhitespace("《 人民日报 》( 2024年01月17日 03 版)")).toBe("《人民日报》(2024年01月17日 03 版)");
    expect(tidyWhitespace("9大方面165项重点任务 长三角新一轮行动计划发布")).toBe("9大方面165项重点任务 长三角新一轮行动计划发布");
    expect(tidyWhitespace("Notice: The content above")).toBe("Notice: The content above");
  });
});

describe("normalizeText", () => {
  it("does everything at once", () => {
    expect(normalizeText("　　9大方面165項(xiàng)重點(diǎn)任務(wù) 長三角新一輪行動計(jì)劃發(fā)布（全文）")).toBe(
      "9大方面165项重点任务 长三角新一轮行动计划发布(全文)",
    );
  });

  it("is idempotent on every seed and development page, line by line and whole", () => {
    const dirs = [path.join(__dirname, "..", "content"), requireCorpus("yrd-dev")];
    const texts = dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => fs.readFileSync(path.join(d, f), "utf8")));
    expect(texts.length).toBeGreaterThanOrEqual(45);
    for (const text of texts) {
      const once = normalizeText(text);
      expect(normalizeText(once)).toBe(once);
      for (const line of text.split("\n")) {
        const n = normalizeText(line);
        expect(normalizeText(n)).toBe(n);
      }
    }
  });

});
