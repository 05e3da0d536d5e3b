// Variant characters (异体字) folded to one form before anything is matched: OpenCC's own variant tables
// (HKVariantsRev, TWVariantsRev: a regional or variant form → OpenCC's standard traditional character), then the
// usual traditional → simplified conversion. Most variants (峯, 羣, 綫, 澱, 鎭, 爲 …) already reach one simplified
// form through OpenCC's t → cn chain; these tables add the ones it leaves apart (衞 → 卫, 粧 → 妆, 敍 → 叙, 簷 → 檐 …).
// A table entry whose source is itself a simplified character (么, the simplified 麼) is skipped: folding it would
// change ordinary simplified text.
import HKVariantsRev from "opencc-js/dict/HKVariantsRev";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import TSCharacters from "opencc-js/dict/TSCharacters";
import { plainConverter } from "../ingest/normalize";

let fold: Map<string, string> | undefined;

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
  fold = new Map();
  for (const [from, to] of [...entries(HKVariantsRev as unknown as string), ...entries(TWVariantsRev as unknown as string)]) {
    if (simplifiedOutputs.has(from)) continue;
    const target = t2cn(to);
    if (t2cn(from) !== target) fold.set(from, target);
  }
  return fold;
}

/** Fold the variant characters of already simplified text. */
export function foldVariants(text: string): string {
  const table = variantTable();
  let out = "";
  for (const ch of text) out += table.get(ch) ?? ch;
  return out;
}
