/**
 * Region recognition against tests/gold/regions-sentences.json: sentences (half of them traps) annotated by
 * reading, before the region rules were tuned on them. Each sentence is run through the whole extractor on
 * its own; a region is right when its path from the province down is the gold one (zones by name).
 */
import fs from "node:fs";
import { extract } from "../extract";
import { normalizeText } from "../ingest/normalize";
import { regionById } from "../extract/regions";

export const REGION_GOLD = "tests/gold/regions-sentences.json";
/** Every region gold set, oldest first; each later one was written before the rules were tuned on it (README, Regions). */
export const REGION_GOLD_SETS = [REGION_GOLD, ...["", "2", "3", "4", "5", "6", "7", "8", "9"].map((n) => `tests/gold/regions-sentences-fresh${n}.json`)];
const GOLD_ZONES = new Set(["长三角", "长三角生态绿色一体化发展示范区", "先行启动区", "G60科创走廊", "虹桥国际开放枢纽"]);

interface GoldSentence {
  id: string;
  text: string;
  source: string;
  regions: { surface: string; name: string; path: string[] | null }[];
  note?: string;
}

export interface RegionEvalResult {
  sentences: number;
  traps: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Trap sentences on which at least one region was reported that the gold does not have. */
  trapsWithFalseRegions: number;
  errors: { id: string; text: string; missed: string[]; extra: string[] }[];
}

const key = (path: string[]) => (path.length === 1 || GOLD_ZONES.has(path[path.length - 1] as string) ? path[path.length - 1] : path.join(">")) as string;

export function runRegionEval(file = REGION_GOLD): RegionEvalResult {
  const gold = (JSON.parse(fs.readFileSync(file, "utf8")) as { sentences: GoldSentence[] }).sentences;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let traps = 0;
  let trapsWithFalseRegions = 0;
  const errors: RegionEvalResult["errors"] = [];
  for (const s of gold) {
    const expected = new Set(s.regions.flatMap((r) => (r.path ? [key(r.path)] : [])));
    // Through the pipeline's normalization first (traditional → simplified, pinyin annotations, widths), as every page is.
    const x = extract({ title: "", paragraphs: [normalizeText(s.text)], published: null, publishedPrecision: null });
    const got = new Set(
      x.entities
        .filter((e) => e.kind === "region" && e.paragraph >= 0)
        .flatMap((e) => {
          const r = regionById(e.id.replace(/^region:/, ""));
          if (!r) return [];
          if (r.kind === "zone" && !GOLD_ZONES.has(r.name)) return [];
          if (r.kind === "zone") return [r.name];
          // An address chain is one mention of its most specific place (上海市青浦区); the gold lists each level written.
          // A parent counts where it is written outside the place's own name (阿拉善 in 阿拉善盟阿拉善左旗, not in 阿拉善左旗 alone).
          const own = r.aliases.filter((a) => e.text.endsWith(a)).sort((a, b) => b.length - a.length)[0] ?? "";
          const before = e.text.slice(0, e.text.length - own.length);
          const levels = r.path.map((_, k) => r.path.slice(0, k + 1)).filter((p, k) => k === r.path.length - 1 || before.includes(p[p.length - 1] as string));
          return levels.map(key);
        }),
    );
    const missed = [...expected].filter((k) => !got.has(k));
    const extra = [...got].filter((k) => !expected.has(k));
    tp += expected.size - missed.length;
    fn += missed.length;
    fp += extra.length;
    const trap = /^\[(trap|ambiguous)\]/.test(s.note ?? "");
    if (trap) {
      traps++;
      if (extra.length) trapsWithFalseRegions++;
    }
    if (missed.length || extra.length) errors.push({ id: s.id, text: s.text, missed, extra });
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { sentences: gold.length, traps, tp, fp, fn, precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall), trapsWithFalseRegions, errors };
}
