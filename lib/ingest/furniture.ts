import * as OpenCC from "opencc-js/cn2t";
import data from "./data/furniture.json";
import derived from "./data/furniture-forms.json";
import { foldWidth } from "./normalize";

/*
 * The page-furniture vocabulary (data/furniture.json): phrases many sites share for prev/next links, share and print
 * bars, downloads, reprint notices, "more" links, app prompts. The data file holds simplified forms only; the
 * traditional ones (plain and Taiwan wording) are derived with OpenCC, so a phrase is never typed twice.
 * Lines are normally matched after normalization (which makes them simplified); the derived forms also let a raw,
 * unnormalized line match.
 *
 * The derivation is done once by `npm run data:furniture` into data/furniture-forms.json: building the two OpenCC
 * converters took ~100 MB of memory in every thread that loads this module (each ingest worker, and the writer). A
 * phrase added to furniture.json without regenerating still gets its forms (the converters are then built here, for
 * the missing phrases only, and dropped); tests/ingest-furniture-forms.test.ts fails until the file is regenerated.
 */

type Lists = Record<string, string[]>;

/** Plain traditional (點擊下載) and Taiwan wording (點選下載, 影片號) of each phrase, with OpenCC. */
export function deriveForms(phrases: Iterable<string>): Record<string, [string, string]> {
  const toTraditional = OpenCC.Converter({ from: "cn", to: "t" });
  const toTaiwan = OpenCC.Converter({ from: "cn", to: "twp" });
  const out: Record<string, [string, string]> = {};
  for (const p of phrases) out[p] = [toTraditional(p), toTaiwan(p)];
  return out;
}

/** Every phrase of the vocabulary file (the keys of data/furniture-forms.json). */
export function vocabularyPhrases(): string[] {
  const lists = [...Object.values(data.whole), ...Object.values(data.starts), ...Object.values(data.contains)];
  lists.push(data.uiWords, data.creditRoles, data.platformIds, data.outletSuffixes, data.photoAgencies);
  return [...new Set(lists.flat())].sort();
}

/**
 * Each list with the traditional forms of its phrases; Hong Kong variants (閲) differ only in characters that
 * normalization folds anyway.
 */
function expandVocabulary() {
  const known: Record<string, string[]> = derived.forms;
  const missing = vocabularyPhrases().filter((p) => !Object.hasOwn(known, p));
  const table: Record<string, string[]> = missing.length ? { ...known, ...deriveForms(missing) } : known;
  const forms = (phrase: string): string[] => [...new Set([phrase, ...table[phrase]!])];
  const expand = (lists: Lists): [string, string[]][] => Object.entries(lists).map(([category, phrases]) => [category, phrases.flatMap(forms)]);
  return {
    whole: expand(data.whole).map(([c, p]): [string, Set<string>] => [c, new Set(p.map((s) => bare(s)))]),
    starts: expand(data.starts),
    contains: expand(data.contains),
    uiWords: new Set(data.uiWords.flatMap(forms)),
    creditRoles: [...new Set(data.creditRoles.flatMap(forms))].sort((a, b) => b.length - a.length),
    platformIds: [...new Set(data.platformIds.flatMap(forms))],
    outletSuffixes: [...new Set(data.outletSuffixes.flatMap(forms))],
    photoAgencies: [...new Set(data.photoAgencies.flatMap(forms))].sort((a, b) => b.length - a.length),
  };
}

const VOCABULARY = expandVocabulary();
const WHOLE = VOCABULARY.whole;
const STARTS = VOCABULARY.starts;
const CONTAINS = VOCABULARY.contains;

export const UI_WORDS = VOCABULARY.uiWords;
export const CREDIT_ROLES = VOCABULARY.creditRoles;
export const PLATFORM_IDS = VOCABULARY.platformIds;
export const OUTLET_SUFFIXES = VOCABULARY.outletSuffixes;
/** Photo agencies and picture markers that end a caption as a credit: …老年人。(视觉中国), 共享充电宝。视觉中国 资料. */
export const PHOTO_AGENCIES = VOCABULARY.photoAgencies;

/** The line without spaces, punctuation, symbols (arrows, >>) and digits: "分享到:" → "分享到", "更多>>" → "更多". */
function bare(s: string): string {
  return s.replace(/[\s\p{P}\p{S}\d]+/gu, "");
}

/** The furniture category a short line belongs to (its rule id is `furniture:<category>`), or null. */
export function furnitureCategory(line: string): string | null {
  const text = foldWidth(line).trim();
  if (!text || text.length > data.maxStartsLine) return null;
  const short = text.length <= data.maxLine;
  if (short) {
    const b = bare(text);
    for (const [category, set] of WHOLE) if (set.has(b)) return category;
  }
  const lead = text.replace(/^[\s[【(<«‹|•·▪■□●○◆◇►▶]+/u, "");
  for (const [category, phrases] of STARTS) {
    for (const p of phrases) {
      if (!lead.startsWith(p)) continue;
      // A long line only when a separator follows the phrase: 上一条:<标题>, not a sentence that starts with 转自.
      if (short || /^[\s:|>»›\-–—]/.test(lead.slice(p.length))) return category;
    }
  }
  if (short) for (const [category, phrases] of CONTAINS) if (phrases.some((p) => text.includes(p))) return category;
  return null;
}
