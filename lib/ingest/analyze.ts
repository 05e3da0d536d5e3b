import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { extract } from "../extract";
import { AtlasError } from "../errors";
import { fsError } from "./file-errors";
import { MAX_PAGE_BYTES, processPage } from "./process";
import { buildRecord } from "./record";
import type { Sidecar } from "./types";

export { classifyError, fsError } from "./file-errors";

/*
 * Reading, cleaning and extracting one file, without the database: what `kb inspect` shows, and what an ingest
 * worker (ingest-worker.ts) runs under its time and memory budget. Every way a file can be unusable gets its own
 * error code (lib/errors.ts), never `internal`.
 */

const sidecarSchema = z
  .object({
    url: z.string().url().optional(),
    fetchedAt: z.string().optional(),
    site: z.string().min(1).optional(),
    encoding: z.string().min(1).optional(),
  })
  .passthrough();

/** Largest sidecar read: they hold four short fields. */
export const MAX_SIDECAR_BYTES = 1024 * 1024;

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a FIFO (named pipe)";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

/** stat that follows symlinks and turns every failure into an AtlasError; undefined when the path does not exist. */
function statOf(file: string, what: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw fsError(error, what);
  }
}

/**
 * The bytes of a regular file of at most `max` bytes. Anything else (a FIFO, /dev/zero behind a symlink, a folder)
 * is refused by its type before it is opened, so it can never block or stream forever.
 */
function readRegular(file: string, what: string, max: number, tooLarge: (size: number) => string): Buffer {
  const stat = statOf(file, what);
  if (!stat) throw new AtlasError("not-found", `${what}: no such file`);
  if (!stat.isFile()) throw new AtlasError("not-a-file", `${what} is ${kindOf(stat)}, not a regular file`);
  if (stat.size > max) throw new AtlasError("too-large", tooLarge(stat.size));
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw fsError(error, what);
  }
  // It grew after the stat (still being written): refuse rather than read an unbounded stream.
  if (bytes.byteLength > max) throw new AtlasError("too-large", tooLarge(bytes.byteLength));
  return bytes;
}

/** The optional `page.json` beside `page.html`; a malformed one is an error, not silently ignored. */
export function readSidecar(file: string): Sidecar | undefined {
  const sidecarPath = file.slice(0, file.length - path.extname(file).length) + ".json";
  const name = `sidecar ${path.basename(sidecarPath)}`;
  let exists: boolean;
  try {
    fs.lstatSync(sidecarPath);
    exists = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw fsError(error, name);
    exists = false;
  }
  if (!exists) return undefined;
  const bytes = readRegular(sidecarPath, name, MAX_SIDECAR_BYTES, (size) => `${name} is ${size.toLocaleString("en")} bytes, over the ${MAX_SIDECAR_BYTES / 1024} KB limit`);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString("utf8"));
  } catch (cause) {
    throw new AtlasError("sidecar", `${name} is not valid JSON`, { cause });
  }
  const parsed = sidecarSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AtlasError("sidecar", `${name}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/**
 * Read, clean and extract one file without touching the database (what `kb inspect` shows). `explain`: the cleaned
 * article also lists every dropped line with the id of the rule that dropped it.
 */
export function analyzeFile(file: string, opts: { explain?: boolean } = {}) {
  const bytes = readRegular(file, file, MAX_PAGE_BYTES, (size) => `page is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_PAGE_BYTES / 1048576} MB limit`);
  const sidecar = readSidecar(file);
  const cleaned = processPage(bytes, { fileName: path.basename(file), sidecar, explain: opts.explain });
  const extraction = extract(cleaned);
  return { cleaned, extraction, sidecar };
}

/** One file as the rows the store writes, plus what the report shows (title, cap notes). */
export function recordFile(file: string) {
  const { cleaned, extraction, sidecar } = analyzeFile(file);
  const record = buildRecord({ cleaned, extraction, filePath: path.relative(process.cwd(), file), fetchedAt: sidecar?.fetchedAt ?? null });
  return { record, title: cleaned.title };
}
export type FileRecord = ReturnType<typeof recordFile>;
