/**
 * `npm run bench -- --docs N`: the cost of scale, on a deterministic synthetic corpus of N pages built from the real
 * pages (lib/bench/synth.ts), written to a work folder one page at a time. Measures in one run, prints a table and
 * writes bench/results.json:
 *   ingest  `kb ingest` in its own process (peak RSS of main thread + workers, CPU time, cores used): pages/s and MB/s
 *           end to end, the parse-only floor (cheerio.load + visible text, one core, measured before and after it) on
 *           an even sample of the same pages, average page size, time per stage, and
 *           the near-duplicate check's cost per decile of the run (flat = it does not grow with the articles stored);
 *   index   full `kb index` and an incremental one after 1 % of the pages changed;
 *   search  p50/p95/p99 of 50 fixed queries through /api/search at concurrency 1 and 16, Meilisearch and SQLite;
 *   pages   /api/timeline p95 with and without filters, and warm TTFB of /, /timeline, an article and an entity page.
 * Flags skip parts, and --dir keeps the corpus and database so a large run can be done in parts.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import Table from "cli-table3";
import { Command, InvalidArgumentError } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { openDb, type Db } from "@/db/client";
import { loadSources, pagePath, synthPage, writeCorpus, type PageKind } from "@/lib/bench/synth";
import { BENCH_QUERIES, TIMELINE_URLS } from "@/lib/bench/queries";
import { pct, startApp, stopLocalEngine, timed, ttfb, type AppServer } from "@/lib/bench/server";
import { CORPUS_DIR } from "@/lib/eval/corpora";
import { analyzeFile, DEFAULT_BUDGET, ingestPathsIsolated, readSidecar, storeRecords, type IngestSummary } from "@/lib/ingest/pipeline";
import { runWatched } from "@/lib/bench/child";
import { processPage } from "@/lib/ingest/process";
import { extract } from "@/lib/extract";
import { buildRecord } from "@/lib/ingest/record";

const positive = (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("must be a positive integer");
  return n;
};

const opts = new Command()
  .option("--docs <n>", "pages in the synthetic corpus", positive, 1000)
  .option("--seed <n>", "corpus seed (same seed, same pages)", positive, 1)
  .option("--workers <n>", "ingest worker threads", positive, DEFAULT_BUDGET.workers)
  .option("--dir <folder>", "work folder (corpus/ and data/); kept, and reused by a later run with the same --docs and --seed")
  .option("--floor-sample <n>", "pages (evenly spread) the parse-only floor and the per-stage times are measured on", positive, 500)
  .option("--skip-ingest", "reuse the database in --dir")
  .option("--dedup-only", "only the near-duplicate check's cost per decile, on the corpus's article texts (no HTML, no extraction): fast at 10k–100k")
  .option("--skip-floor", "no parse-only floor and stage times")
  .option("--skip-index", "no kb index timings")
  .option("--skip-search", "no /api/search timings")
  .option("--skip-pages", "no /api/timeline and page timings")
  .option("--no-build", "reuse the existing .next build")
  .option("--out <file>", "results file", "bench/results.json")
  .parse()
  .opts<{
    docs: number;
    seed: number;
    workers: number;
    dir?: string;
    floorSample: number;
    skipIngest?: boolean;
    dedupOnly?: boolean;
    skipFloor?: boolean;
    skipIndex?: boolean;
    skipSearch?: boolean;
    skipPages?: boolean;
    build: boolean;
    out: string;
  }>();

const work = opts.dir ? path.resolve(opts.dir) : fs.mkdtempSync(path.join(os.tmpdir(), "delta-atlas-bench-"));
const corpusDir = path.join(work, "corpus");
const dataDir = path.join(work, "data");
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: "", NEXT_TELEMETRY_DISABLED: "1" };
const log = (m: string) => console.error(`bench: ${m}`);
const MB = 1024 * 1024;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

interface CorpusMeta {
  docs: number;
  seed: number;
  bytes: number;
  kinds: Record<PageKind, number>;
}

/** The corpus in --dir when it was made with the same docs and seed, else a fresh one (streamed to disk). */
function ensureCorpus(): CorpusMeta {
  const metaFile = path.join(work, "corpus.json");
  if (fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, "utf8")) as CorpusMeta;
    if (meta.docs === opts.docs && meta.seed === opts.seed) return meta;
  }
  fs.rmSync(corpusDir, { recursive: true, force: true });
  const src = loadSources({ contentDir: "content", corpusDir: CORPUS_DIR });
  const kinds: Record<PageKind, number> = { original: 0, reprint: 0, "near-duplicate": 0 };
  const bar = new SingleBar({ format: "bench: corpus {bar} {value}/{total} pages", stream: process.stderr }, Presets.shades_classic);
  bar.start(opts.docs, 0);
  const bytes = writeCorpus(src, opts.seed, opts.docs, corpusDir, (p) => {
    kinds[p.kind]++;
    if (p.index % 100 === 0) bar.update(p.index);
  });
  bar.update(opts.docs);
  bar.stop();
  const meta = { docs: opts.docs, seed: opts.seed, bytes, kinds };
  fs.writeFileSync(metaFile, JSON.stringify(meta));
  return meta;
}

/** Every k-th page, at most `n` of them. */
function sample(n: number): string[] {
  const step = Math.max(1, Math.floor(opts.docs / n));
  const out: string[] = [];
  for (let i = 0; i < opts.docs && out.length < n; i += step) out.push(pagePath(corpusDir, i));
  return out;
}

const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Mean of `xs` in each tenth of the list (by position: the run's order). */
function deciles(xs: number[]): number[] {
  return Array.from({ length: 10 }, (_, d) => avg(xs.slice(Math.floor((d * xs.length) / 10), Math.floor(((d + 1) * xs.length) / 10))));
}

/**
 * The store alone on N synthetic articles (their paragraphs, no HTML): the real writer (storeRecords: dedup lookup,
 * upsert, index keys) in runs of 1,000, pages generated as they go. What grows with the database is measured, nothing else.
 */
function dedupScale() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const db = openDb(path.join(dataDir, "atlas.db"));
  const src = loadSources({ contentDir: "content", corpusDir: CORPUS_DIR });
  const dedupMs: number[] = [];
  const writeMs: number[] = [];
  let duplicates = 0;
  let planted = 0;
  const started = performance.now();
  for (let from = 0; from < opts.docs; from += 1000) {
    const records = [];
    for (let i = from; i < Math.min(opts.docs, from + 1000); i++) {
      const page = synthPage(src, opts.seed, i);
      if (page.kind !== "original") planted++;
      const cleaned = { title: `synthetic ${i}`, url: page.sidecar.url, site: page.sidecar.site, source: null, author: null, editor: null, published: null, publishedPrecision: null, publishedText: null, encoding: "utf-8", paragraphs: page.paragraphs, originalParagraphs: page.paragraphs, original: page.paragraphs.join("\n\n") };
      const record = buildRecord({ cleaned, extraction: { entities: [], figures: [], milestones: [], topics: [] } as unknown as Parameters<typeof buildRecord>[0]["extraction"], filePath: null, fetchedAt: null });
      records.push({ file: `synthetic/${i}`, record, title: cleaned.title });
    }
    const summary = storeRecords({ db, records });
    duplicates += summary.counts.duplicate;
    dedupMs.push(...summary.timings.dedupMs);
    writeMs.push(...summary.timings.writeMs);
    log(`dedup scale: ${Math.min(opts.docs, from + 1000)} articles`);
  }
  const keys = db.$client.prepare("select count(*) from dedup_bands").pluck().get() as number;
  db.$client.close();
  return {
    articles: opts.docs,
    seconds: round((performance.now() - started) / 1000),
    duplicatesFound: duplicates,
    planted,
    indexKeys: keys,
    dedupMsPerDecile: deciles(dedupMs).map((x) => round(x, 3)),
    dedupMsP99PerDecile: Array.from({ length: 10 }, (_, d) => round(pct(dedupMs.slice(Math.floor((d * dedupMs.length) / 10), Math.floor(((d + 1) * dedupMs.length) / 10)), 99), 3)),
    writeMsPerDecile: deciles(writeMs).map((x) => round(x, 3)),
  };
}

/**
 * `kb ingest` on the corpus, as a user runs it, in its own process: its peak RSS (main thread + workers: threads
 * share one process's memory) and CPU time are read from outside, so nothing the benchmark holds is counted.
 */
async function ingest(meta: CorpusMeta) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  openDb(path.join(dataDir, "atlas.db")).$client.close(); // migrated before the clock starts
  let lastLog = 0;
  const run = await runWatched(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/kb.ts", "ingest", corpusDir, "--json", "--no-index", "--workers", String(opts.workers)], {
    env,
    onSample: (s) => {
      if (s.seconds - lastLog < 30) return;
      lastLog = s.seconds;
      log(`ingest: ${Math.round(s.seconds)} s, peak RSS ${Math.round(s.peakRssMb)} MB, CPU ${Math.round(s.cpuSeconds)} s, load ${os.loadavg()[0]!.toFixed(1)}`);
    },
  });
  if (run.code !== 0) throw new Error(`kb ingest failed (exit ${run.code}): ${run.stderr.slice(-2000)}`);
  const summary = JSON.parse(run.stdout) as IngestSummary;
  const { seconds } = run;
  const cpuSeconds = run.cpuSeconds ?? 0;
  const { dedupMs, writeMs } = summary.timings;
  return {
    pages: opts.docs,
    workers: opts.workers,
    seconds: round(seconds, 2),
    pagesPerSecond: round(opts.docs / seconds),
    mbPerSecond: round(meta.bytes / MB / seconds, 2),
    /** CPU time of every thread of the ingest process (workers and writer), and the cores it got on average. */
    cpuSeconds: round(cpuSeconds),
    cpuMsPerPage: round((cpuSeconds * 1000) / opts.docs, 1),
    coresUsed: round(cpuSeconds / seconds, 2),
    /** Peak RSS of the `kb ingest` process: main thread + every worker. */
    peakRssMb: run.peakRssMb,
    pool: summary.pool,
    load: { start: run.load.start.map((x) => round(x, 2)), end: run.load.end.map((x) => round(x, 2)) },
    counts: summary.counts,
    planted: { reprints: meta.kinds.reprint, nearDuplicates: meta.kinds["near-duplicate"] },
    dedupMsPerDecile: deciles(dedupMs).map((x) => round(x, 3)),
    writeMsPerDecile: deciles(writeMs).map((x) => round(x, 3)),
    dedupMsMean: round(avg(dedupMs), 3),
    writeMsMean: round(avg(writeMs), 3),
  };
}

/** cheerio.load + the visible text, one core: the least any HTML ingest must do (the floor). */
function parseFloor(files: string[]) {
  let bytes = 0;
  let ms = 0;
  let cpuMs = 0;
  for (const file of files) {
    const html = fs.readFileSync(file, "utf8");
    bytes += Buffer.byteLength(html);
    const t = performance.now();
    const c = process.cpuUsage();
    const $ = cheerio.load(html);
    $("script, style, noscript, template").remove();
    $("body").text();
    ms += performance.now() - t;
    const used = process.cpuUsage(c);
    cpuMs += (used.user + used.system) / 1000;
  }
  return {
    pages: files.length,
    mbPerSecond: round(bytes / MB / (ms / 1000), 2),
    msPerPage: round(ms / files.length, 2),
    /** CPU time (this thread is the only busy one): what a loaded machine does not inflate. */
    cpuMsPerPage: round(cpuMs / files.length, 2),
    mbPerCpuSecond: round(bytes / MB / (cpuMs / 1000), 2),
    avgPageKb: round(bytes / 1024 / files.length),
  };
}

/** One thread, stage by stage, on the sample: where a page's time goes. */
function stages(files: string[]) {
  const t = { read: 0, clean: 0, extract: 0, record: 0 };
  analyzeFile(files[0]!); // dictionaries loaded before timing
  for (const file of files) {
    let t0 = performance.now();
    const bytes = fs.readFileSync(file);
    const sidecar = readSidecar(file);
    t.read += performance.now() - t0;
    t0 = performance.now();
    let cleaned;
    try {
      cleaned = processPage(bytes, { fileName: path.basename(file), sidecar });
    } catch {
      continue;
    }
    t.clean += performance.now() - t0;
    t0 = performance.now();
    const extraction = extract(cleaned);
    t.extract += performance.now() - t0;
    t0 = performance.now();
    buildRecord({ cleaned, extraction, filePath: file, fetchedAt: null });
    t.record += performance.now() - t0;
  }
  const per = (x: number) => round(x / files.length, 2);
  return { pages: files.length, readMs: per(t.read), cleanMs: per(t.clean), extractMs: per(t.extract), recordMs: per(t.record) };
}

function kb(args: string[]): unknown {
  const r = spawnSync("npm", ["run", "--silent", "kb", "--", ...args], { env, encoding: "utf8", maxBuffer: 64 * MB });
  if (r.status !== 0) throw new Error(`kb ${args.join(" ")} failed (exit ${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout);
}

/** Full index, then 1 % of the pages changed (a sentence added), re-ingested and synced again. */
async function index() {
  const full = kb(["index", "--json"]) as { ms: number; sent: number; engine: string | null; engineError: string | null };
  const changed: string[] = [];
  for (let i = 0; i < opts.docs; i += 100) {
    const file = pagePath(corpusDir, i);
    const html = fs.readFileSync(file, "utf8");
    // A sentence added after the article's first paragraph (not somewhere in the page chrome).
    const at = html.indexOf("</p>", html.indexOf('<div class="info">'));
    const added = `</p>\n<p>（更新）本文于第${i}次核对后补充：长三角一体化示范区执委会表示将持续跟进有关工作进展。</p>`;
    fs.writeFileSync(file, html.slice(0, at) + added + html.slice(at + 4));
    changed.push(file);
  }
  const db = openDb(path.join(dataDir, "atlas.db"));
  const re = await ingestPathsIsolated({ db, paths: changed, budget: { workers: opts.workers } });
  db.$client.close();
  const inc = kb(["index", "--json"]) as { ms: number; sent: number };
  return { engine: full.engine, engineError: full.engineError, fullSeconds: round(full.ms / 1000, 2), fullSent: full.sent, changedPages: changed.length, reingested: re.counts, incrementalSeconds: round(inc.ms / 1000, 2), incrementalSent: inc.sent };
}

/** Requests from `concurrency` clients pulling from one queue; every timing (ms), and the requests that failed. */
async function load(base: string, urls: string[], concurrency: number): Promise<number[] & { errors?: string[] }> {
  const queue = [...urls];
  const times: number[] & { errors?: string[] } = [];
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let u = queue.shift(); u !== undefined; u = queue.shift()) {
        try {
          times.push(await timed(base + u));
        } catch (e) {
          const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : "";
          errors.push(`${u}: ${e instanceof Error ? e.message : String(e)}${cause}`);
        }
      }
    }),
  );
  if (errors.length) times.errors = errors;
  return times;
}

const summarize = (xs: number[] & { errors?: string[] }) => ({
  n: xs.length,
  p50: round(pct(xs, 50)),
  p95: round(pct(xs, 95)),
  p99: round(pct(xs, 99)),
  ...(xs.errors ? { failed: xs.errors.length, firstError: xs.errors[0] } : {}),
});

async function searchBench(app: AppServer) {
  const urls = BENCH_QUERIES.map((q) => `/api/search?${q}`);
  await load(app.base, urls, 4); // warm
  const c1 = await load(app.base, [...urls, ...urls], 1);
  const c16 = await load(app.base, [...urls, ...urls, ...urls, ...urls], 16);
  return { c1: summarize(c1), c16: summarize(c16) };
}

function someIds(): { article: string; entity: string } {
  const db: Db = openDb(path.join(dataDir, "atlas.db"));
  try {
    const article = db.$client.prepare("select id from articles where duplicate_of is null order by rowid limit 1").pluck().get() as string;
    const entity = db.$client
      .prepare("select e.kind || '/' || e.slug from entities e join mentions m on m.entity_id = e.id where e.kind != 'region' group by e.id order by count(*) desc limit 1")
      .pluck()
      .get() as string;
    return { article, entity };
  } finally {
    db.$client.close();
  }
}

async function pagesBench(app: AppServer) {
  const timeline: Record<string, ReturnType<typeof summarize>> = {};
  for (const [name, url] of Object.entries(TIMELINE_URLS)) {
    await load(app.base, [url, url, url], 1);
    timeline[name] = summarize(await load(app.base, Array<string>(30).fill(url), 1));
  }
  const ids = someIds();
  // The largest region pages too (every synthetic corpus names both provinces throughout): their lists are bounded.
  const pages = {
    "/": "/",
    "/timeline": "/timeline",
    article: `/articles/${ids.article}`,
    entity: `/entities/${ids.entity}`,
    "region 浙江": "/entities/region/33",
    "region 江苏": "/entities/region/32",
  };
  const ttfbs: Record<string, ReturnType<typeof summarize> & { url: string }> = {};
  for (const [name, url] of Object.entries(pages)) {
    for (let i = 0; i < 3; i++) await ttfb(app.base + url);
    const xs: number[] = [];
    for (let i = 0; i < 20; i++) xs.push(await ttfb(app.base + url));
    ttfbs[name] = { url, ...summarize(xs) };
  }
  return { timeline, ttfb: ttfbs };
}

function printTable(r: Results) {
  const style = process.stdout.isTTY ? {} : { head: [], border: [] };
  const t = new Table({ head: ["measure", "value", "target"], style });
  const i = r.ingest;
  if (i) {
    t.push(["ingest pages/s", i.pagesPerSecond, ""]);
    t.push(["ingest MB/s (end to end)", i.mbPerSecond, ""]);
    t.push(["ingest CPU ms/page (all threads); cores used", `${i.cpuMsPerPage ?? ""}; ${i.coresUsed ?? ""}`, ""]);
    if (i.load) t.push(["load average (1 min) at start / end", `${i.load.start[0]} / ${i.load.end[0]}`, ""]);
    if (r.floor) {
      const floors = [r.floorBefore?.mbPerSecond, r.floor.mbPerSecond].filter((x): x is number => x !== undefined);
      const floor = avg(floors);
      t.push(["parse-only floor MB/s (1 core; before / after)", floors.join(" / "), ""], ["ingest / floor (mean)", `${Math.round((100 * i.mbPerSecond) / floor)} %`, "≥ 100 % (2 cores)"]);
      // What an idle 2-core machine would give: the ingest's CPU spread over both cores, against the floor's CPU.
      const floorCpu = avg([r.floorBefore?.cpuMsPerPage, r.floor.cpuMsPerPage].filter((x): x is number => !!x));
      if (floorCpu && i.cpuMsPerPage) t.push(["floor CPU ms/page (mean); ingest / floor by CPU (2 cores)", `${round(floorCpu, 2)}; ${Math.round((100 * 2 * floorCpu) / i.cpuMsPerPage)} %`, "≥ 100 %"]);
    }
    t.push(["average page", r.floor ? `${r.floor.avgPageKb} KB` : "", ""]);
    t.push(["peak RSS (kb ingest: main + workers)", `${i.peakRssMb} MB`, "≤ 600 MB"]);
    if (i.pool) t.push(["worker heap peak (used / reserved); files in flight", `${i.pool.workerHeapUsedMb} / ${i.pool.workerHeapTotalMb} MB; ${i.pool.maxInFlight}`, ""]);
    t.push(["duplicates found / planted", `${i.counts.duplicate} / ${i.planted.reprints + i.planted.nearDuplicates}`, ""]);
    t.push(["dedup ms/page per decile", i.dedupMsPerDecile.map((x) => x.toFixed(2)).join(" "), "flat"]);
    t.push(["write ms/page per decile", i.writeMsPerDecile.map((x) => x.toFixed(2)).join(" "), ""]);
  }
  if (r.stages) t.push(["stages ms/page (1 thread)", `read ${r.stages.readMs}, clean ${r.stages.cleanMs}, extract ${r.stages.extractMs}, record ${r.stages.recordMs}`, ""]);
  if (r.index) t.push(["index full / incremental (1 %)", `${r.index.fullSeconds} s / ${r.index.incrementalSeconds} s (${r.index.engine ?? "no engine"})`, ""]);
  for (const [engine, s] of Object.entries(r.search ?? {})) {
    t.push([`search ${engine} c1 p50/p95/p99 ms`, `${s.c1.p50} / ${s.c1.p95} / ${s.c1.p99}`, ""]);
    t.push([`search ${engine} c16 p50/p95/p99 ms`, `${s.c16.p50} / ${s.c16.p95} / ${s.c16.p99}`, "p95 ≤ 50"]);
  }
  if (r.pages) {
    for (const [name, s] of Object.entries(r.pages.timeline)) t.push([`/api/timeline ${name} p95 ms`, s.p95, "≤ 100"]);
    for (const [name, s] of Object.entries(r.pages.ttfb)) t.push([`TTFB ${name} p50/p95 ms`, `${s.p50} / ${s.p95}`, "≤ 200"]);
  }
  console.log(t.toString());
}

interface Results {
  at: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string; platform: string; load: number[] };
  docs: number;
  seed: number;
  corpus?: CorpusMeta;
  ingest?: Awaited<ReturnType<typeof ingest>>;
  floor?: ReturnType<typeof parseFloor>;
  floorBefore?: ReturnType<typeof parseFloor>;
  stages?: ReturnType<typeof stages>;
  index?: Awaited<ReturnType<typeof index>>;
  search?: Record<string, Awaited<ReturnType<typeof searchBench>>>;
  pages?: Awaited<ReturnType<typeof pagesBench>>;
  dedupScale?: ReturnType<typeof dedupScale>;
}

async function main() {
  log(`work folder ${work}`);
  const previous = fs.existsSync(opts.out) ? (JSON.parse(fs.readFileSync(opts.out, "utf8")) as Results) : null;
  const r: Results = {
    ...(previous && previous.docs === opts.docs && previous.seed === opts.seed ? previous : {}),
    at: new Date().toISOString(),
    machine: { cpus: os.availableParallelism(), model: os.cpus()[0]?.model ?? "", memoryGb: round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.release()}`, load: os.loadavg().map((x) => round(x, 2)) },
    docs: opts.docs,
    seed: opts.seed,
  };
  const save = () => {
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, JSON.stringify(r, null, 2) + "\n");
  };
  try {
    if (opts.dedupOnly) {
      r.dedupScale = dedupScale();
      save();
      console.log(JSON.stringify(r.dedupScale, null, 2));
      return;
    }
    r.corpus = ensureCorpus();
    // The floor is measured just before and just after the ingest (the machine's load changes; their mean is
    // what the ingest is compared with), then the stage times.
    const files = sample(opts.floorSample);
    if (!opts.skipFloor && !opts.skipIngest) {
      log(`parse-only floor on ${files.length} pages (before the ingest)…`);
      r.floorBefore = parseFloor(files);
    }
    if (!opts.skipIngest) {
      log(`ingest ${opts.docs} pages with ${opts.workers} worker(s) (kb ingest, own process)…`);
      r.ingest = await ingest(r.corpus);
      save();
    }
    if (!opts.skipFloor) {
      log(`parse-only floor and stage times on ${files.length} pages…`);
      r.floor = parseFloor(files);
      r.stages = stages(files);
      save();
    }
    if (!opts.skipIndex) {
      log("kb index (full, then after 1 % changed)…");
      r.index = await index();
      save();
    }
    if (!opts.skipSearch || !opts.skipPages) {
      if (opts.build || !fs.existsSync(".next/BUILD_ID")) {
        log("next build…");
        const b = spawnSync("npm", ["run", "--silent", "build"], { env, stdio: ["ignore", "ignore", "inherit"] });
        if (b.status !== 0) throw new Error(`next build failed (exit ${b.status ?? b.signal})`);
      }
      // Search cold (the answer cache off: every request computed), then warm (SEARCH_CACHE_SIZE's default: the
      // warm-up pass fills it and the timed passes repeat the same 50 requests); pages with the cache as shipped.
      const cold = { SEARCH_CACHE_SIZE: "0" };
      if (!opts.skipSearch) {
        const meiliCold = await startApp({ ...env, ...cold });
        try {
          log("search through /api/search (Meilisearch, cache off)…");
          r.search = { meilisearch: await searchBench(meiliCold) };
        } finally {
          await meiliCold.stop();
        }
      }
      const meili = await startApp(env);
      try {
        if (!opts.skipSearch) {
          log("search through /api/search (Meilisearch, cache on)…");
          r.search = { ...r.search, "meilisearch, cache warm": await searchBench(meili) };
        }
        if (!opts.skipPages) {
          log("timeline and pages…");
          r.pages = await pagesBench(meili);
        }
      } finally {
        await meili.stop();
      }
      if (!opts.skipSearch) {
        // An engine that refuses connections: every query is answered by the SQLite fallback.
        for (const [name, extra] of [["sqlite", cold], ["sqlite, cache warm", {}]] as const) {
          const sqlite = await startApp({ ...env, ...extra, MEILI_URL: "http://127.0.0.1:9", MEILI_MASTER_KEY: "bench" });
          try {
            log(`search through /api/search (${name})…`);
            r.search = { ...r.search, [name]: await searchBench(sqlite) };
          } finally {
            await sqlite.stop();
          }
        }
      }
      save();
    }
  } finally {
    await stopLocalEngine(dataDir);
    if (!opts.dir) fs.rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
  save();
  printTable(r);
  log(`wrote ${opts.out}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
