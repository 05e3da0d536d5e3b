import { readFileSync } from "node:fs";
import path from "node:path";
import { analyzeFile } from "../ingest/analyze";
import { scoreRelevance, type Relevance } from "../extract/relevance";
import { CORPUS_DIR, requireCorpus } from "./corpora";

/** One page of tests/gold/relevance.json. */
export interface RelevanceGoldPage {
  source: "content" | "yrd-dev" | "gne";
  /** Relative to ../shared/corpus, or to the checkout for content/. */
  file: string;
  label: "on" | "off";
  split: "tune" | "heldout";
  quality?: "spun" | "scrambled";
  borderline?: boolean;
  note?: string;
}

export function loadRelevanceGold(file = path.join(process.cwd(), "tests/gold/relevance.json")): RelevanceGoldPage[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { pages: RelevanceGoldPage[] }).pages;
}

/** Where a gold page is on disk: content/ in the checkout, the rest in the shared corpus. */
export function goldPagePath(p: RelevanceGoldPage): string {
  if (p.source === "content") return path.join(process.cwd(), p.file);
  requireCorpus(p.source === "gne" ? "gne" : p.source);
  return path.join(CORPUS_DIR, p.file);
}

/** A gold page as the ingest pipeline scores it (decode, clean, extract, score). */
export function scoreGoldPage(p: RelevanceGoldPage): Relevance {
  const { cleaned, extraction } = analyzeFile(goldPagePath(p));
  return scoreRelevance({ title: cleaned.title, paragraphs: cleaned.paragraphs, entities: extraction.entities });
}

export interface OffTopicFigures {
  pages: number;
  accuracy: number;
  /** Of the pages the scorer puts below the threshold, how many are off-topic. */
  precision: number;
  /** Of the off-topic pages, how many the scorer puts below the threshold. */
  recall: number;
  /** Spun pages flagged / spun pages; pages flagged that are not spun. */
  spunFound: number;
  spunTotal: number;
  spunFalse: number;
}

/** Off-topic detection (positive = off-topic) and spun detection over scored gold pages. */
export function offTopicFigures(rows: { gold: RelevanceGoldPage; got: Relevance }[]): OffTopicFigures {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  let spunFound = 0, spunTotal = 0, spunFalse = 0;
  for (const { gold, got } of rows) {
    const off = !got.onTopic;
    if (gold.label === "off") {
      if (off) tp++;
      else fn++;
    } else if (off) fp++;
    else tn++;
    if (gold.quality === "spun") {
      spunTotal++;
      if (got.lowQuality) spunFound++;
    } else if (got.lowQuality) spunFalse++;
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    pages: rows.length,
    accuracy: r((tp + tn) / Math.max(1, rows.length)),
    precision: r(tp / Math.max(1, tp + fp)),
    recall: r(tp / Math.max(1, tp + fn)),
    spunFound,
    spunTotal,
    spunFalse,
  };
}
