// Variant characters (异体字) folded to one form before anything is matched, in documents and queries alike (both go
// through normalizeForSearch): OpenCC's own variant tables, then the usual traditional → simplified conversion.
// - HKVariantsRev, TWVariantsRev: a regional or variant form → OpenCC's standard traditional character. Most variants
//   (峯, 羣, 綫, 澱, 鎭, 爲 …) already reach one simplified form through OpenCC's t → cn chain; these tables add the
//   ones it leaves apart (衞 → 卫, 粧 → 妆, 敍 → 叙, 簷 → 檐 …).
// - JPShinjitaiCharacters and JPShinjitaiCharactersRev (read backwards): a Japanese shinjitai form → its traditional
//   character. Chinese pages use many of these forms (汚 for 污, 渉 for 涉, 徴 for 征, 歩 for 步), which neither the
//   regional tables nor t → cn know, so 汚染 and 污染 were two words.
// The fold runs on text t → cn has already converted, so a source t → cn changes (連, 衛) never reaches it. A source
// that is itself a character of simplified Chinese is never folded: one t → cn yields (么, the simplified 麼) or one
// of the GB2312 hanzi set (予, 弁, 芸: Japanese forms that are also ordinary Chinese characters). A target outside
// GB2312 (竝, 擧, 鬭: kyujitai that simplified Chinese does not use) is no fold.
import HKVariantsRev from "opencc-js/dict/HKVariantsRev";
import JPShinjitaiCharacters from "opencc-js/dict/JPShinjitaiCharacters";
import JPShinjitaiCharactersRev from "opencc-js/dict/JPShinjitaiCharactersRev";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import TSCharacters from "opencc-js/dict/TSCharacters";
import { isGb2312Hanzi, plainConverter } from "../ingest/normalize";

let fold: Map<string, string> | undefined;

/** A dictionary's single-character entries, `from → to` (the first candidate when an entry lists several). */
function entries(dict: string): [string, string][] {
  return dict.split("|").flatMap((e) => {
    const [from, to] = e.split(" ");
    return from && to && [...from].length === 1 && [...to].length === 1 ? [[from, to] as [string, string]] : [];
  });
}

/** Source character → the simplified form of its standard variant, for the characters t → cn leaves apart. */
export function variantTable(): Map<string, string> {
  if (fold) return fold;
  const t2cn = plainConverter();
  const simplifiedOutputs = new Set(entries(TSCharacters as unknown as string).map(([, to]) => to));
  const toStandard = [
    ...entries(HKVariantsRev as unknown as string),
    ...entries(TWVariantsRev as unknown as string),
    ...entries(JPShinjitaiCharacters as unknown as string),
    ...entries(JPShinjitaiCharactersRev as unknown as string).map(([trad, shin]) => [shin, trad] as [string, string]),
  ];
  const table = new Map<string, string>();
  for (const [from, to] of toStandard) {
    if (table.has(from) || t2cn(from) !== from || simplifiedOutputs.has(from) || isGb2312Hanzi(from)) continue;
    // The standard form may be a variant again (a kyujitai such as 衞): follow the table once more.
    const standard = t2cn(to);
    const target = table.get(standard) ?? standard;
    if (target !== from && isGb2312Hanzi(target)) table.set(from, target);
  }
  fold = table;
  return fold;
}

/** Fold the variant characters of already simplified text. */
export function foldVariants(text: string): string {
  const table = variantTable();
  let out = "";
  for (const ch of text) out += table.get(ch) ?? ch;
  return out;
}
