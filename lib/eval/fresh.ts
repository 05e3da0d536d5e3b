import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { requireCorpus } from "./corpora";
import { aggregate, shingleMatch, type TpFpFn } from "./shingles";
import { normalizeText } from "../ingest/normalize";
import { textKey } from "../ingest/junk";

/**
 * The furniture/caption regression set (tests/gold/clean-fresh.json): real pages of ../shared/corpus annotated by
 * reading (title, publication date, body, furniture lines on the page), scored on what the cleaner returns.
 */
export interface FreshGoldPage {
  file: string;
  title: string | null;
  published: string | null;
  precision: string | null;
  body: string[];
  junk: string[];
  pinyin?: boolean;
}

/** What a cleaner returned for one page (or null when it threw). */
export interface FreshPrediction {
  title: string | null;
  published: string | null;
  paragraphs: string[];
}

export interface FreshPageScore {
  file: string;
  body: TpFpFn;
  titleOk: boolean | null;
  dateOk: boolean;
  junkTotal: number;
  /** Junk lines found in the body. */
  junkLeft: string[];
  pinyinIn: number;
  pinyinLeft: number;
  predTitle: string | null;
  predDate: string | null;
}

export interface FreshSummary {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  junkGone: number;
  junkLines: number;
  titles: number;
  titleAccuracy: number;
  dateAccuracy: number;
  pinyinGone: number;
}

export const FRESH_GOLD = path.resolve(fileURLToPath(new URL("../../tests/gold/clean-fresh.json", import.meta.url)));

export function loadFreshGold(file = FRESH_GOLD): FreshGoldPage[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { pages: FreshGoldPage[] }).pages;
}

export function freshBytes(page: FreshGoldPage): Buffer {
  return readFileSync(path.join(requireCorpus(), page.file));
}

/** A pinyin annotation: a tone-marked (or plain) Latin syllable in parentheses right after any character. */
const PINYIN_RE = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]/g;
const TONE_RE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

export function countPinyin(text: string): number {
  return (text.match(PINYIN_RE) ?? []).filter((m) => TONE_RE.test(m)).length;
}

const key = (s: string) => textKey(normalizeText(s));

/**
 * A furniture line survived when a body paragraph is that line, or (for lines of 8+ characters, which do not occur
 * by chance inside prose) contains it.
 */
export function junkSurvives(junk: string, paragraphKeys: string[]): boolean {
  const k = key(junk);
  if (!k) return false;
  return paragraphKeys.some((p) => p === k || (k.length >= 8 && p.includes(k)));
}

export function scoreFreshPage(gold: FreshGoldPage, pred: FreshPrediction | null, input: string): FreshPageScore {
  const paragraphs = pred?.paragraphs ?? [];
  const keys = paragraphs.map(key);
  const junk = gold.junk.filter((j) => key(j));
  const bodyJunk = new Set(gold.body.map(key));
  const counted = junk.filter((j) => !bodyJunk.has(key(j)));
  const text = paragraphs.join("\n");
  return {
    file: gold.file,
    body: shingleMatch(gold.body.join("\n\n"), paragraphs.join("\n\n")),
    titleOk: gold.title === null ? null : !!pred?.title && key(pred.title) === key(gold.title),
    dateOk: (pred?.published ?? null) === gold.published,
    junkTotal: counted.length,
    junkLeft: counted.filter((j) => junkSurvives(j, keys)),
    pinyinIn: gold.pinyin ? countPinyin(input) : 0,
    pinyinLeft: gold.pinyin ? countPinyin(text) : 0,
    predTitle: pred?.title ?? null,
    predDate: pred?.published ?? null,
  };
}

export function summarizeFresh(scores: FreshPageScore[]): FreshSummary {
  const prf = aggregate(scores.map((s) => s.body));
  const junkLines = scores.reduce((n, s) => n + s.junkTotal, 0);
  const junkLeft = scores.reduce((n, s) => n + s.junkLeft.length, 0);
  const titled = scores.filter((s) => s.titleOk !== null);
  const pinyinIn = scores.reduce((n, s) => n + s.pinyinIn, 0);
  const pinyinLeft = scores.reduce((n, s) => n + s.pinyinLeft, 0);
  return {
    pages: scores.length,
    ...prf,
    junkGone: junkLines ? 1 - junkLeft / junkLines : 1,
    junkLines,
    titles: titled.length,
    titleAccuracy: titled.length ? titled.filter((s) => s.titleOk).length / titled.length : 1,
    dateAccuracy: scores.length ? scores.filter((s) => s.dateOk).length / scores.length : 1,
    pinyinGone: pinyinIn ? 1 - pinyinLeft / pinyinIn : 1,
  };
}
