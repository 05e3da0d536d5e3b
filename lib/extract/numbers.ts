/** Chinese and Arabic numerals → numbers. */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, "○": 0, Ｏ: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CN_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟";

/** 一百二十二 → 122, 十二 → 12, 三千五百万 → 35000000, 二〇二四 → 2024 (digit by digit when there is no unit). */
export function parseChineseNumber(text: string): number | null {
  if (!text) return null;
  if (![...text].some((c) => c in SMALL_UNITS || c in BIG_UNITS)) {
    let v = 0;
    for (const c of text) {
      const d = DIGITS[c];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGITS) digit = DIGITS[c] as number;
    else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * (SMALL_UNITS[c] as number);
      digit = null;
    } else if (c in BIG_UNITS) {
      const unit = BIG_UNITS[c] as number;
      section += digit ?? 0;
      total = (total + (section || 1)) * unit;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** "1,100" / "96.2" / "7100" → number. */
export function parseArabic(text: string): number {
  return Number(text.replace(/,/g, ""));
}
