import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { requireCorpus } from "@/lib/eval/corpora";
import { ingestPathsIsolated, type FileResult } from "@/lib/ingest/pipeline";
import { seededRandom as rng } from "@/lib/eval/rng";

/*
 * Issue 14: a seeded, bounded fuzz of the ingest pipeline. 1,100 generated bad inputs (random bytes, truncated
 * multibyte sequences, mixed encodings, 10,000-deep nesting, a 100 MB page, zero-width and bidi controls, NUL bytes,
 * huge single lines, entity bombs, a name too long for the file system, symlink loops, unreadable files, folders
 * named like pages, broken sidecars) are mixed with real pages (content/ and yrd-dev). The run must end, report every
 * failure with its own code and a reason (never `internal`: that would be a crash), and store every good page.
 * Same seed, same files: a failure can be replayed.
 */

const SEED = 14;
const BAD = 1_100;
const TIMEOUT_MS = 20_000;

let dir: string;
let work: string;
const good: string[] = [];
const bad: string[] = [];
const random = rng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;

/** Real sentences to build inputs from (content/ seeds). */
const SENTENCES = fs
  .readdirSync("content")
  .filter((f) => f.endsWith(".txt"))
  .flatMap((f) => fs.readFileSync(path.join("content", f), "utf8").split(/\n+/))
  .filter((l) => l.length > 30 && l.length < 400);
const sentence = () => pick(SENTENCES);
const paragraphs = (n: number) => Array.from({ length: n }, sentence);
const CONTROLS = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];

/** Each generator writes one bad input named `name` (without extension) and returns the path it wrote. */
const GENERATORS: Record<string, (name: string) => string> = {
  randomBytes(name) {
    const bytes = Buffer.alloc(int(4096));
    for (let i = 0; i < bytes.length; i++) bytes[i] = int(256);
    return write(`${name}.${pick(["html", "txt", "htm"])}`, bytes);
  },
  truncatedMultibyte(name) {
    const text = paragraphs(1 + int(4)).join("\n");
    const enc = pick(["utf8", "gbk", "big5", "utf16le"]);
    const bytes = iconv.encode(text, enc);
    // Cut inside a character, and drop bytes inside as well.
    const cut = Buffer.concat([bytes.subarray(0, int(bytes.length)), bytes.subarray(int(bytes.length), int(bytes.length) + 1)]);
    return write(`${name}.txt`, cut);
  },
  mixedEncodings(name) {
    const parts = paragraphs(2 + int(4)).map((p) => iconv.encode(`${p}\n`, pick(["utf8", "gbk", "big5", "gb18030", "shift_jis", "latin1"])));
    const head = random() < 0.5 ? Buffer.from(`<html><head><meta charset="${pick(["utf-8", "gbk", "big5", "bogus-enc", ""])}"></head><body>`) : Buffer.alloc(0);
    return write(`${name}.${head.length ? "html" : "txt"}`, Buffer.concat([head, ...parts]));
  },
  deepNesting(name) {
    const tag = pick(["div", "b", "span", "table", "ul><li", "font", "a"]);
    const close = tag.split("><").reverse().map((t) => `</${t}>`).join("");
    const n = 10_000;
    return write(`${name}.html`, `<html><body><p>${sentence()}</p>${`<${tag}>`.repeat(n)}<p>${sentence()}</p>${random() < 0.5 ? close.repeat(n) : ""}</body></html>`);
  },
  controls(name) {
    const text = paragraphs(3)
      .map((p) => [...p].map((c) => (random() < 0.3 ? pick(CONTROLS) + c : c)).join(""))
      .join("\n\n");
    return write(`${name}.txt`, `${pick(CONTROLS).repeat(int(50))}${text}`);
  },
  nulBytes(name) {
    const text = Buffer.from(paragraphs(3).join("\n"));
    for (let i = 0; i < 1 + int(10); i++) text[int(text.length)] = 0;
    return write(`${name}.${pick(["html", "txt"])}`, text);
  },
  hugeLine(name) {
    // A few MB without a line break (kept to a handful of files: the run stays bounded).
    const unit = random() < 0.5 ? sentence() : "x".repeat(97);
    return write(`${name}.${pick(["html", "txt"])}`, unit.repeat(Math.ceil((1 + int(3)) * 1_000_000 / unit.length)));
  },
  entityBomb(name) {
    const defs = `<!DOCTYPE x [<!ENTITY a "&#x957F;&#x4E09;&#x89D2;">${Array.from({ length: 10 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join("")}]>`;
    const refs = pick(["&e10;", "&#xD800;", "&#x110000;", "&#0;", "&#99999999999;", "&amp;amp;amp;", "&nbsp;", "&#x202e;"]).repeat(10_000 + int(30_000));
    return write(`${name}.${pick(["html", "txt"])}`, `${defs}<html><body><p>${sentence()}</p><p>${refs}</p></body></html>`);
  },
  brokenSidecar(name) {
    const page = write(`${name}.html`, `<html><head><meta charset="utf-8"><title>${sentence().slice(0, 30)}</title></head><body>${paragraphs(3).map((p) => `<p>${p}</p>`).join("")}</body></html>`);
    const sidecar = pick([
      "{not json",
      '{"url": 42}',
      '{"url": "javascript:alert(1)", "site": "<script>x</script>"}',
      '{"encoding": "no-such-encoding"}',
      "[]",
      "null",
      `{"site": "${"长".repeat(100_000)}"}`,
      '{"fetchedAt": {"$gt": 1}}',
    ]);
    write(`${name}.json`, sidecar);
    return page;
  },
  empty(name) {
    return write(`${name}.${pick(["html", "txt"])}`, pick(["", " ", "\n\n\t", "\ufeff", "<html></html>", "<script>x()</script><style>p{}</style>"]));
  },
  attributes(name) {
    const attrs = Array.from({ length: 5_000 }, (_, i) => `data-a${i}="${"v".repeat(int(200))}"`).join(" ");
    return write(`${name}.html`, `<html><body><div ${attrs}><p>${sentence()}</p><p>${sentence()}</p></div></body></html>`);
  },
  invalidUtf8(name) {
    const text = Buffer.from(paragraphs(3).join("\n"));
    const junk = [Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0xff, 0xfe]), Buffer.from([0x80])];
    const parts: Buffer[] = [];
    for (let i = 0; i < text.length; i += 50) parts.push(text.subarray(i, i + 50), pick(junk));
    return write(`${name}.txt`, Buffer.concat(parts));
  },
};

function write(name: string, data: string | Buffer): string {
  const p = path.join(work, "bad", name);
  fs.writeFileSync(p, data);
  return p;
}

/** Inputs the file system itself makes hostile: a 100 MB page, links in a loop, unreadable files, page-named folders. */
function fileSystemCases(): string[] {
  const out: string[] = [];
  const sparse = path.join(work, "bad", "page-100mb.html");
  fs.writeFileSync(sparse, `<html><body><p>${sentence()}</p>`);
  fs.truncateSync(sparse, 100 * 1024 * 1024);
  out.push(sparse);
  for (let i = 0; i < 10; i++) {
    const a = path.join(work, "bad", `loop-${i}-a.html`);
    const b = path.join(work, "bad", `loop-${i}-b.html`);
    fs.symlinkSync(b, a);
    fs.symlinkSync(a, b);
    const self = path.join(work, "bad", `loop-${i}-self.txt`);
    fs.symlinkSync(self, self);
    const dangling = path.join(work, "bad", `dangling-${i}.html`);
    fs.symlinkSync(path.join(work, "nowhere", `${i}.html`), dangling);
    // A folder named like a page is walked like any folder: the page inside the first one is ingested.
    const folder = path.join(work, "bad", `folder-${i}.html`);
    fs.mkdirSync(folder);
    if (i === 0) fs.writeFileSync(path.join(folder, "inside.txt"), paragraphs(6).join("\n\n"));
    const unreadable = path.join(work, "bad", `unreadable-${i}.html`);
    fs.writeFileSync(unreadable, `<p>${sentence()}</p>`);
    fs.chmodSync(unreadable, 0o000);
    out.push(a, b, self, dangling, unreadable);
  }
  return out;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-fuzz-"));
  work = path.join(dir, "in");
  fs.mkdirSync(path.join(work, "bad"), { recursive: true });
  fs.mkdirSync(path.join(work, "good"), { recursive: true });
  // Good pages: the seeds with their sidecars, and the yrd-dev pages with theirs.
  for (const [from, files] of [
    ["content", fs.readdirSync("content")],
    [requireCorpus("yrd-dev"), fs.readdirSync(requireCorpus("yrd-dev"))],
  ] as const) {
    for (const f of files.filter((f) => /\.(txt|html?|json)$/.test(f))) {
      fs.copyFileSync(path.join(from, f), path.join(work, "good", f.startsWith("0") && from !== "content" ? `yrd-${f}` : f));
      if (!f.endsWith(".json")) good.push(path.join(work, "good", f.startsWith("0") && from !== "content" ? `yrd-${f}` : f));
    }
  }
  bad.push(...fileSystemCases());
  const names = Object.keys(GENERATORS);
  // Only a handful of multi-MB single lines; the rest drawn at random.
  for (let i = 0; bad.length < BAD; i++) {
    let kind = pick(names);
    if (kind === "hugeLine" && i % 40 !== 0) kind = "controls";
    bad.push(GENERATORS[kind]!(`${String(i).padStart(4, "0")}-${kind}`));
  }
}, 120_000);

afterAll(() => {
  for (const f of bad) {
    try {
      fs.chmodSync(f, 0o644);
    } catch {
      // links and gone files
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`ingest fuzz (seed ${SEED})`, () => {
  it(`ends, reports every one of ${BAD} bad inputs it cannot store with a code and a reason, and stores every good page`, async () => {
    const db = openDb(path.join(dir, "fuzz.db"));
    // A path too long for the file system, given on the command line.
    const tooLong = path.join(work, "名".repeat(300) + ".html");
    const summary = await ingestPathsIsolated({ db, paths: [path.join(work, "good"), path.join(work, "bad"), tooLong], budget: { timeoutMs: TIMEOUT_MS, workers: 2 } });
    const byPath = new Map<string, FileResult[]>();
    for (const f of summary.files) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);

    const failures = summary.files.filter((f) => f.status === "failed");
    // Every failure has its own code (never `internal`, which would be a crash) and a reason.
    expect(failures.filter((f) => f.code === "internal" || !f.code || !f.reason)).toEqual([]);
    expect(byPath.get(tooLong)?.[0]).toMatchObject({ status: "failed" });
    // Every good page is stored.
    for (const g of good) {
      const r = byPath.get(g)?.[0];
      expect(r, g).toBeDefined();
      expect(r!.status, `${g}: ${r!.reason ?? ""}`).not.toBe("failed");
    }
    const stored = new Set((db.$client.prepare("select file_path from articles").all() as { file_path: string }[]).map((r) => path.resolve(r.file_path)));
    for (const g of good) expect(stored.has(g), g).toBe(true);
    // Every bad input is accounted for: stored (some are readable text after all) or failed with its reason.
    const seen = new Set([...summary.files.map((f) => f.path)].map((p) => path.resolve(p)));
    const missing = bad.filter((b) => !seen.has(b) && !seen.has(path.dirname(b)));
    expect(missing).toEqual([]);
    // The file-system cases fail with their own codes.
    const codeOf = (name: string) => byPath.get(path.join(work, "bad", name))?.[0]?.code;
    expect(codeOf("page-100mb.html")).toBe("too-large");
    expect(codeOf("loop-0-self.txt")).toBe("symlink-loop");
    expect(codeOf("loop-0-a.html")).toBe("symlink-loop");
    expect(byPath.get(path.join(work, "bad", "folder-0.html", "inside.txt"))?.[0]?.status).not.toBe("failed");
    expect(codeOf("dangling-0.html")).toBe("not-found");
    // The run is recorded as done, with every failure in ingest_failures.
    const run = db.$client.prepare("select status, failed from ingest_runs where id = ?").get(summary.runId) as { status: string; failed: number };
    expect(run).toEqual({ status: "done", failed: failures.length });
    const codes = Object.fromEntries(
      (db.$client.prepare("select code, count(*) as n from ingest_failures where run_id = ? group by code").all(summary.runId) as { code: string; n: number }[]).map((r) => [r.code, r.n]),
    );
    console.log(`fuzz: ${summary.files.length} files, ${JSON.stringify(summary.counts)}, failures by code ${JSON.stringify(codes)}, ${(summary.ms / 1000).toFixed(1)} s`);
    db.$client.close();
  }, 900_000);
});
