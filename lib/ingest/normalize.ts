import iconv from "iconv-lite";
import * as OpenCC from "opencc-js/t2cn";

/*
 * Text normalization shared by ingestion and by search queries, so both sides see the same characters.
 *
 * Conventions (the seed texts already follow them):
 * - Fullwidth forms U+FF01–FF5E become ASCII: digits, Latin letters, and also ，：；！？（）［］％ → , : ; ! ? ( ) [ ] %.
 *   Chinese punctuation outside that block stays as it is: 。、“”‘’《》〈〉「」『』【】—…·
 * - Traditional → simplified with OpenCC. A string that looks traditional goes through the Taiwan converter
 *   (`tw` → `cn`), which also turns the particle 著 into 着 (標誌著 → 标志着, 隨著 → 随着); a string that already
 *   looks simplified goes through the plain `t` → `cn` converter, because the Taiwan one would turn a correct
 *   simplified 显著 into 显着.
 * - Pinyin annotations after a Han character are dropped: 協(xié)會 → 协会, 我(wǒ)(wǒ)國 → 我国.
 *   Real parentheticals stay: (2021—2035年), (一期), (2023), (以下简称“体检报告”).
 * - Whitespace: every kind of space (ideographic, no-break, tabs) becomes one ASCII space, runs collapse,
 *   the ends are trimmed, and spaces next to Chinese punctuation go (论坛上 , 长三角 → 论坛上,长三角).
 *   A single space between two Han characters is kept: it separates the two halves of many headlines.
 */

type Convert = (s: string) => string;
let plainToCn: Convert | undefined;
let taiwanToCn: Convert | undefined;

/** `t` → `cn`: safe on text that is already simplified. Built on first use (about 40 ms), then shared. */
export function plainConverter(): Convert {
  return (plainToCn ??= OpenCC.Converter({ from: "t", to: "cn" }));
}

/** `tw` → `cn`: best on traditional pages (著 → 着, 裡 → 里), wrong on simplified ones. Built on first use (about 110 ms). */
function taiwanConverter(): Convert {
  return (taiwanToCn ??= OpenCC.Converter({ from: "tw", to: "cn" }));
}

const HAN = /\p{Script=Han}/u;

const simplifiedOnlyCache = new Map<string, boolean>();

/** A character of the GB2312 hanzi set (rows 16–87): a standard character of simplified Chinese. */
export function isGb2312Hanzi(ch: string): boolean {
  const gb = iconv.encode(ch, "gbk");
  return gb.length === 2 && gb[0]! >= 0xb0 && gb[0]! <= 0xf7 && gb[1]! >= 0xa1;
}

/**
 * A character of the GB2312 hanzi set that Big5 lacks (这 们 说 显 详 …): evidence of simplified script.
 * 1,909 of the 20,902 basic CJK ideographs; looked up lazily and cached.
 */
function isSimplifiedOnly(ch: string): boolean {
  let v = simplifiedOnlyCache.get(ch);
  if (v === undefined) {
    v = isGb2312Hanzi(ch) && iconv.encode(ch, "big5")[0] === 0x3f;
    simplifiedOnlyCache.set(ch, v);
  }
  return v;
}

/**
 * Traditional → simplified. Decides per string by weighing the evidence: characters the plain converter changes
 * (traditional-only) against characters only simplified script has. Traditional wins when it outnumbers simplified
 * more than two to one, so a simplified sentence quoting one traditional name (上海發佈) keeps its 显著, while a
 * traditional clause full of shared characters (…有力拓展城市合作廣度和深度、著力提升…) still gets 着.
 * Checked on every line of the seeds and the development corpus: no line is misjudged.
 */
export function toSimplified(s: string): string {
  if (!HAN.test(s)) return s;
  const plain = plainConverter()(s);
  if (plain === s) return s;
  const a = Array.from(s);
  const b = Array.from(plain);
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < a.length; i++) {
    const ch = a[i]!;
    if (a.length !== b.length || ch !== b[i]) traditional++;
    else if (ch.length === 1 && ch >= "\u4e00" && ch <= "\u9fff" && isSimplifiedOnly(ch)) simplified++;
  }
  return traditional > 2 * simplified ? taiwanConverter()(s) : plain;
}

const TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
/** A pinyin syllable in parentheses: at least one tone mark, or one of the common neutral-tone syllables. */
const PINYIN_GROUP = `\\((?:(?=[a-zü${TONED}ɑɡê]*[${TONED}])[a-zü${TONED}ɑɡê]{1,7}|de|le|men|me|ne|ma|ba|zi|zhe)\\)`;
const PINYIN_AFTER_HAN = new RegExp(`(\\p{Script=Han})(?:${PINYIN_GROUP})+`, "gu");
/** A tone-marked syllable in brackets is pinyin after any character: a garbled one (�(yè)), a digit, a quote. */
const TONED_GROUP = `\\((?=[a-zü${TONED}ɑɡê]*[${TONED}])[a-zü${TONED}ɑɡê]{1,7}\\)`;
const PINYIN_AFTER_OTHER = new RegExp(`(?<=[^\\s\\p{Script=Han}])(?:${TONED_GROUP})+`, "gu");

/** 協(xié)會 → 協會, �(yè) → �. Runs after width folding, so （xié） is handled too. */
export function stripPinyin(s: string): string {
  return s.replace(PINYIN_AFTER_HAN, "$1").replace(PINYIN_AFTER_OTHER, "");
}

const HALFWIDTH_CJK: Record<string, string> = { "｡": "。", "｢": "「", "｣": "」", "､": "、" };

/** Fullwidth ASCII → ASCII, every space-like character → " ", zero-width characters removed. */
export function foldWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[｡｢｣､]/g, (c) => HALFWIDTH_CJK[c] ?? c)
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ");
}

/** Chinese punctuation never takes a space on either side. */
const CJK_PUNCT = "。，、；：？！“”‘’《》〈〉「」『』【】（）—…·";
const SPACE_AROUND_CJK_PUNCT = new RegExp(` *([${CJK_PUNCT}]) *`, "g");
/** ASCII punctuation as used inside Chinese text: drop the space before it after Han, and after it before Han. */
const SPACE_BEFORE_ASCII_PUNCT = new RegExp(`([\\p{Script=Han}${CJK_PUNCT}]) +([,.;:!?)\\]])`, "gu");
const SPACE_AFTER_ASCII_PUNCT = new RegExp(`([,;:!?(\\[]) +([\\p{Script=Han}${CJK_PUNCT}])`, "gu");

/** Collapse spaces, trim, drop padding inside brackets and around Chinese punctuation. Newlines are kept. */
export function tidyWhitespace(s: string): string {
  return s
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replace(/ {2,}/g, " ")
        .replace(SPACE_AROUND_CJK_PUNCT, "$1")
        .replace(SPACE_BEFORE_ASCII_PUNCT, "$1$2")
        .replace(SPACE_AFTER_ASCII_PUNCT, "$1$2")
        .replace(/([([]) +/g, "$1")
        .replace(/ +([)\]])/g, "$1")
        .trim(),
    )
    .join("\n");
}

/**
 * The one normalization for documents and queries: NFC, width folding, pinyin removal, traditional → simplified,
 * whitespace tidying. Cheap (one OpenCC pass for simplified text, two for traditional) and idempotent.
 */
export function normalizeText(s: string): string {
  const folded = foldWidth(s.normalize("NFC"));
  return tidyWhitespace(toSimplified(stripPinyin(folded)));
}
