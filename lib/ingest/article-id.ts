import { sha256 } from "./dedup";

/*
 * Which row an article is stored in: what the writer (writer.ts, the main thread of an ingest) needs from the
 * record, without the cleaning and extraction modules record.ts brings with it.
 */

/** Stable article id: the same URL (or, without one, the same body) always gets the same id. */
export function articleIdFor(url: string | null, contentHash: string): string {
  return sha256(url ?? `content:${contentHash}`).slice(0, 12);
}

/** What decides who owns a stored row: its key (URL, or body without one) and the file it came from. */
export interface RowOwner {
  url: string | null;
  contentHash: string;
  filePath: string | null;
}

/**
 * The row an input is stored in. The first input with a key gets articleIdFor(key); another input with the same key (a
 * second file claiming the same URL, or the same body without a URL) gets the next id of the sequence
 * sha256(key + "#n"), so two different inputs never share a row (they are linked as duplicates instead), and each
 * input finds its own row again on the next run. A row is this input's when it has the same key and came from the
 * same file, or from a file that no longer exists with the same body (the corpus was moved). A row whose key differs
 * (a 48-bit prefix collision) is skipped the same way.
 */
export function resolveArticleId(
  input: RowOwner,
  rowById: (id: string) => RowOwner | undefined,
  sameFile: (stored: string, current: string) => boolean,
  fileExists: (stored: string) => boolean,
): string {
  const key = input.url ?? `content:${input.contentHash}`;
  const sameKey = (r: RowOwner) => (input.url !== null ? r.url === input.url : r.url === null && r.contentHash === input.contentHash);
  const owns = (r: RowOwner) =>
    r.filePath === null || input.filePath === null || sameFile(r.filePath, input.filePath) || (r.contentHash === input.contentHash && !fileExists(r.filePath));
  let moved: string | null = null;
  for (let n = 0; ; n++) {
    const id = n === 0 ? articleIdFor(input.url, input.contentHash) : sha256(`${key}#${n}`).slice(0, 12);
    const row = rowById(id);
    if (!row) {
      // Rows are never deleted, so the first free id ends the sequence of this key.
      return moved ?? id;
    }
    if (!sameKey(row)) continue;
    if (row.filePath !== null && input.filePath !== null && sameFile(row.filePath, input.filePath)) return id;
    if (moved === null && owns(row)) moved = id;
  }
}
