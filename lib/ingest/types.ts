import type { DatePrecision } from "../domain/dates";

/** Optional sidecar `.json` next to a scraped file. */
export interface Sidecar {
  url?: string;
  fetchedAt?: string;
  site?: string;
  /** Declared encoding of the bytes, when the scraper knew it. */
  encoding?: string;
}

/** What the pipeline makes of one scraped page (before extraction). */
export interface CleanedArticle {
  title: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when the page gives no (complete enough) date. */
  published: string | null;
  publishedPrecision: DatePrecision | null;
  /** Date text as written when it could not be resolved to a year (e.g. "02-24"), never guessed. */
  publishedText: string | null;
  site: string | null;
  /** Original publisher a reprint names (来源:浙江发改). */
  source: string | null;
  /** The header line saying the page reprints another text (原标题:…, 转自…): its relative dates are the original's
   * (that line's date, when it gives one), never the page's. Absent on a page that does not say so. */
  reprint?: string;
  author: string | null;
  /** Editor / photographer lines: kept as metadata, not body. */
  editor: string | null;
  url: string | null;
  /** Body paragraphs, normalized (simplified Chinese, half-width, tidy whitespace). */
  paragraphs: string[];
  /** The same paragraphs before normalization (same length and order as `paragraphs`). */
  originalParagraphs: string[];
  /** The body text before normalization, paragraphs joined by blank lines. */
  original: string;
  /** Encoding the bytes were decoded from. */
  encoding: string;
  /** Caps that cut the page (lib/ingest/caps.ts): reported with the file, not stored. */
  notes?: string[];
  /** With `explain`: every line the cleaner dropped and the id of the rule that dropped it (kb inspect --explain). */
  dropped?: { text: string; rule: string }[];
}
