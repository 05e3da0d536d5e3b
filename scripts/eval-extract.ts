/**
 * Knowledge-extraction evaluation on the hand-annotated seed documents (tests/gold/extract-seeds.json):
 * precision / recall / F1 per kind for `extract()` beside a naive regex baseline, both run on the same
 * cleaned articles from the real ingestion pipeline (`processPage`).
 *
 *   npm run eval:extract                  markdown table
 *   npm run eval:extract -- --json        machine-readable
 *   npm run eval:extract -- --errors      also list misses and false hits per seed
 *   npm run eval:extract -- --gold tests/gold/extract-heldout.json   held-out yrd-dev pages
 *   npm run eval:extract -- --gold tests/gold/extract-heldout2.json  second held-out set (yrd-dev 025…037; used for the generalization work)
 *   npm run eval:extract -- --gold tests/gold/extract-heldout3.json  third held-out set (yrd-dev 059, 061, 063; annotated after it)
 *   npm run eval:extract -- --corpus ../shared/corpus/yrd-dev --limit 10   dump extractions for review (no gold)
 *   npm run eval:extract -- --no-hygiene  skip the entity hygiene reports (fragments among organization and project names,
 *                                         on content/ + yrd-dev + gne and on the fresh cwced pages with recall)
 */
import fs from "node:fs";
import path from "node:path";
import { Command } from "commander";
import type { CleanedArticle } from "@/lib/ingest/types";
import { regionContainers, regionSlug } from "@/lib/domain/regions";
import { canonicalAction } from "@/lib/domain/milestones";
import { allRegions, extract, normalizeTitle, type Extraction } from "@/lib/extract";
import { FRESH_HYGIENE_SETS, HYGIENE_GOLD, currentNames, freshReport, hygieneReport, readArticle, readJudgements } from "@/lib/eval/hygiene";

type Named = string | string[];
interface GoldSeed {
  file: string;
  published: string | null;
  publishedPrecision: "day" | "month" | "year" | null;
  regions: string[];
  plans: Named[];
  organizations: Named[];
  projects: Named[];
  dates: { value?: string; text?: string }[];
  figures: { value: number; unit: string; before?: number; bound?: string; subject?: string }[];
  milestones: { date: string; action: string[]; entities: string[] }[];
}

const KINDS = ["regions", "plans", "projects", "organizations", "dates", "figures", "milestones"] as const;
type Kind = (typeof KINDS)[number];

/** What a system predicts for one article, in comparable form. */
interface Prediction {
  regions: Set<string>;
  plans: string[][];
  projects: string[][];
  organizations: string[][];
  dates: Set<string>;
  figures: { key: string; subject: string | null }[];
  milestones: { date: string; action: string; entities: string[] }[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  extras: string[];
}

const norm = (s: string) => normalizeTitle(s).replace(/[《》〈〉\s]/g, "");
const figureKey = (value: number, unit: string, before?: number) =>
  `${Number(value.toPrecision(8))}|${unit}${before !== undefined ? `|${Number(before.toPrecision(8))}` : ""}`;

function fromExtraction(x: Extraction): Prediction {
  const names = (kind: string) => {
    const byId = new Map<string, Set<string>>();
    for (const e of x.entities.filter((e) => e.kind === kind)) {
      byId.set(e.id, (byId.get(e.id) ?? new Set([e.name])).add(e.text));
    }
    return [...byId.values()].map((s) => [...s]);
  };
  return {
    regions: new Set(x.entities.filter((e) => e.kind === "region").map((e) => regionSlug(e.id)).filter(inGoldScope)),
    plans: names("plan"),
    projects: names("project"),
    organizations: names("organization"),
    dates: new Set(x.entities.filter((e) => e.kind === "date").map((e) => (e.value ? e.value : `text:${e.text}`))),
    figures: x.figures.map((f) => ({ key: figureKey(f.value, f.unit, f.before), subject: f.subject })),
    // Dated events that happened: the gold files of this script predate undated events and planned targets
    // (tests/gold/milestones-fresh.json and `npm run eval:milestones` score those).
    milestones: x.milestones.flatMap((m) => (m.date && m.status === "done" ? [{ date: m.date, action: m.action, entities: m.entities }] : [])),
  };
}

// ---------- naive baseline: regexes for 《…》, digit runs and 年月日 dates, plain dictionary for regions ----------
const BASE_ACTIONS = ["批复", "印发", "发布", "召开", "启动", "开工", "封顶", "竣工", "建成", "投用", "通车", "揭牌", "签约", "举行", "通过", "出台", "设立", "贯通", "宣布"];
const regionNames = allRegions()
  .filter((r) => r.kind !== "town")
  .map((r) => ({ id: r.id, name: r.name }));
/**
 * The gold files name Yangtze River Delta places only (their guidelines put 北京 or 荷兰 out of scope), with
 * the slug ids of the old gazetteer: both sides are compared as official codes, within 沪苏浙皖 and the zones.
 */
function inGoldScope(id: string): boolean {
  return regionContainers(id).some((c) => /^region:(3[1-4]|yrd)/.test(c));
}

function baselineDates(text: string, pubYear: string | null): { key: string; index: number }[] {
  const out: { key: string; index: number }[] = [];
  for (const m of text.matchAll(/(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?|(\d{1,2})月(\d{1,2})日/g)) {
    const pad = (s: string) => s.padStart(2, "0");
    if (m[1]) out.push({ key: [m[1], m[2] && pad(m[2]), m[3] && pad(m[3])].filter(Boolean).join("-"), index: m.index });
    else out.push({ key: pubYear ? `${pubYear}-${pad(m[4] as string)}-${pad(m[5] as string)}` : `text:${m[0]}`, index: m.index });
  }
  return out;
}

function baseline(a: CleanedArticle): Prediction {
  const texts = [a.title, ...a.paragraphs];
  const all = texts.join("\n");
  const pubYear = a.published?.slice(0, 4) ?? null;
  const uniq = (xs: string[]) => [...new Set(xs)].map((x) => [x]);
  const milestones: Prediction["milestones"] = [];
  for (const t of texts) {
    for (const s of t.split(/[。!?;！？；]/)) {
      const d = baselineDates(s, pubYear).find((d) => !d.key.startsWith("text:"));
      const act = d && BASE_ACTIONS.find((w) => s.includes(w));
      if (d && act) milestones.push({ date: d.key, action: act, entities: [] });
    }
  }
  return {
    regions: new Set(regionNames.filter((r) => r.name.length >= 2 && all.includes(r.name)).map((r) => r.id).filter(inGoldScope)),
    plans: uniq([...all.matchAll(/《([^《》]+)》/g)].map((m) => m[1] as string)),
    projects: uniq([...all.matchAll(/[\p{Script=Han}A-Za-z0-9]{2,10}?(?:项目|工程|中心|铁路)/gu)].map((m) => m[0])),
    organizations: uniq([...all.matchAll(/[\p{Script=Han}]{2,10}?(?:大学|公司|集团|银行|委员会|办公室|研究院)/gu)].map((m) => m[0])),
    dates: new Set(texts.flatMap((t) => baselineDates(t, pubYear).map((d) => d.key))),
    figures: [...all.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)(%|[个项家人条元])?/g)].map((m) => ({ key: figureKey(Number(m[1]), m[2] ?? ""), subject: null })),
    milestones,
  };
}

// ---------- scoring ----------
function scoreSets(gold: string[], pred: Set<string>): Counts {
  const g = new Set(gold);
  const misses = [...g].filter((x) => !pred.has(x));
  const extras = [...pred].filter((x) => !g.has(x));
  return { tp: g.size - misses.length, fp: extras.length, fn: misses.length, misses, extras };
}

function scoreNames(gold: Named[], pred: string[][]): Counts {
  const accepted = gold.map((g) => new Set((Array.isArray(g) ? g : [g]).map(norm)));
  const predNorm = pred.map((p) => p.map(norm));
  const misses = gold.filter((_, i) => !predNorm.some((p) => p.some((n) => accepted[i]?.has(n)))).map((g) => (Array.isArray(g) ? (g[0] as string) : g));
  const extras = pred.filter((_, i) => !accepted.some((a) => predNorm[i]?.some((n) => a.has(n)))).map((p) => p[0] as string);
  return { tp: gold.length - misses.length, fp: extras.length, fn: misses.length, misses, extras };
}

function scoreMilestones(gold: GoldSeed["milestones"], pred: Prediction["milestones"]): Counts {
  const matches = (g: GoldSeed["milestones"][number], p: Prediction["milestones"][number]) =>
    g.date === p.date && g.action.map(canonicalAction).includes(canonicalAction(p.action)) && (g.entities.length === 0 || g.entities.some((e) => p.entities.map(norm).includes(norm(e))));
  const misses = gold.filter((g) => !pred.some((p) => matches(g, p)));
  const extras = pred.filter((p) => !gold.some((g) => matches(g, p)));
  const show = (m: { date: string; action: string | string[]; entities: string[] }) => `${m.date} ${[m.action].flat()[0]} [${m.entities.join("; ")}]`;
  return { tp: gold.length - misses.length, fp: extras.length, fn: misses.length, misses: misses.map(show), extras: extras.map(show) };
}

function score(seed: GoldSeed, p: Prediction): Record<Kind, Counts> {
  return {
    regions: scoreSets(seed.regions.map(regionSlug), p.regions),
    plans: scoreNames(seed.plans, p.plans),
    projects: scoreNames(seed.projects, p.projects),
    organizations: scoreNames(seed.organizations, p.organizations),
    dates: scoreSets(seed.dates.map((d) => (d.value ? d.value : `text:${d.text}`)), p.dates),
    figures: scoreSets(seed.figures.map((f) => figureKey(f.value, f.unit, f.before)), new Set(p.figures.map((f) => f.key))),
    milestones: scoreMilestones(seed.milestones, p.milestones),
  };
}

/** Share of matched gold figures whose predicted subject contains the gold subject or is contained in it. */
function subjectAgreement(seed: GoldSeed, p: Prediction): { agree: number; total: number } {
  let agree = 0;
  let total = 0;
  for (const g of seed.figures) {
    const key = figureKey(g.value, g.unit, g.before);
    const cands = p.figures.filter((f) => f.key === key);
    if (cands.length === 0 || !g.subject) continue;
    total++;
    if (cands.some((f) => f.subject && (f.subject.includes(g.subject as string) || (g.subject as string).includes(f.subject)))) agree++;
  }
  return { agree, total };
}

const prf = (c: Pick<Counts, "tp" | "fp" | "fn">) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

function runGold(opts: { json?: boolean; errors?: boolean; gold: string }) {
  const gold = JSON.parse(fs.readFileSync(path.resolve(opts.gold), "utf8")) as { dir?: string; seeds: GoldSeed[] };
  const articles = gold.seeds.map((s) => ({ seed: s, article: readArticle(path.resolve(gold.dir ?? "content", s.file)) }));
  const total = () => Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Kind, { tp: number; fp: number; fn: number }>;
  const sums = { extract: total(), baseline: total() };
  const subjects = { agree: 0, total: 0 };
  const publishedMismatch: string[] = [];
  const errors: Record<string, Record<string, { misses: string[]; extras: string[] }>> = {};

  // Warm-up (dictionaries are built lazily), then time extraction of all seeds.
  for (const { article } of articles) extract(article);
  const runs = 20;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) for (const { article } of articles) extract(article);
  const msAllSeeds = (performance.now() - t0) / runs;
  const cpu = process.cpuUsage(c0);
  const cpuMsAllSeeds = (cpu.user + cpu.system) / 1000 / runs;

  for (const { seed, article } of articles) {
    if (article.published !== seed.published) publishedMismatch.push(`${seed.file}: pipeline ${article.published}, gold ${seed.published}`);
    const ours = fromExtraction(extract(article));
    const s = score(seed, ours);
    const b = score(seed, baseline(article));
    errors[seed.file] = {};
    for (const k of KINDS) {
      for (const f of ["tp", "fp", "fn"] as const) {
        sums.extract[k][f] += s[k][f];
        sums.baseline[k][f] += b[k][f];
      }
      if (s[k].misses.length || s[k].extras.length) (errors[seed.file] as Record<string, { misses: string[]; extras: string[] }>)[k] = { misses: s[k].misses, extras: s[k].extras };
    }
    const sa = subjectAgreement(seed, ours);
    subjects.agree += sa.agree;
    subjects.total += sa.total;
  }

  const rows = KINDS.map((k) => ({ kind: k, gold: sums.extract[k].tp + sums.extract[k].fn, extract: { ...sums.extract[k], ...prf(sums.extract[k]) }, baseline: { ...sums.baseline[k], ...prf(sums.baseline[k]) } }));
  if (opts.json) {
    console.log(JSON.stringify({ seeds: articles.length, msAllSeeds, cpuMsAllSeeds, figureSubjectAgreement: subjects, publishedMismatch, rows, ...(opts.errors ? { errors } : {}) }, null, 2));
    return;
  }
  const f = (x: number) => x.toFixed(3);
  console.log(`## Extraction on ${articles.length} documents (micro-averaged; gold: ${opts.gold})\n`);
  console.log("| kind | gold | P | R | F1 | baseline P | baseline R | baseline F1 |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) console.log(`| ${r.kind} | ${r.gold} | ${f(r.extract.precision)} | ${f(r.extract.recall)} | **${f(r.extract.f1)}** | ${f(r.baseline.precision)} | ${f(r.baseline.recall)} | ${f(r.baseline.f1)} |`);
  console.log(`\nFigure subjects agreeing with gold (matched figures): ${subjects.agree}/${subjects.total}`);
  console.log(`Extraction time, all ${articles.length} seeds after warm-up: ${msAllSeeds.toFixed(1)} ms wall, ${cpuMsAllSeeds.toFixed(1)} ms CPU (mean of ${runs} runs)`);
  if (publishedMismatch.length) console.log(`Publication dates differing from gold (dates are resolved against the pipeline's): ${publishedMismatch.join("; ")}`);
  if (opts.errors) {
    for (const [file, kinds] of Object.entries(errors)) {
      console.log(`\n### ${file}`);
      for (const [k, e] of Object.entries(kinds)) {
        if (e.misses.length) console.log(`- ${k} missed: ${e.misses.join(" | ")}`);
        if (e.extras.length) console.log(`- ${k} extra: ${e.extras.join(" | ")}`);
      }
    }
  }
}

/** Share of organization and project names judged fragments by reading (tests/gold/entity-hygiene.json). */
function runHygiene(verbose: boolean) {
  const r = hygieneReport(currentNames(), readJudgements());
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
  console.log(`\n## Entity hygiene (organizations + projects on content/ + yrd-dev + gne; judged by reading in ${HYGIENE_GOLD})\n`);
  console.log("| names | judged | fragments | share | listed by default | listed fragments | listed share |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  console.log(`| ${r.names} | ${r.judged} | ${r.fragments} | **${pct(r.fragments, r.judged)}** | ${r.listed} | ${r.listedFragments} | **${pct(r.listedFragments, r.listedJudged)}** |`);
  if (r.unjudged.length) {
    console.log(`\n${r.unjudged.length} names not judged yet (read them and add them to ${HYGIENE_GOLD}):`);
    for (const n of r.unjudged) console.log(`- ${n.kind} ${n.name}${n.listed ? " (listed)" : ""}`);
  }
  if (verbose) console.log(`\nFragments still output: ${r.fragmentNames.map((n) => `${n.name}${n.listed ? " (listed)" : ""}`).join(" | ")}`);
  runFreshHygiene(verbose);
}

/** The same on pages never used for entity review (FRESH_HYGIENE_SETS: tests/gold/entity-hygiene-fresh*.json), with recall. */
function runFreshHygiene(verbose: boolean) {
  const f = (x: number) => x.toFixed(3);
  const reports = FRESH_HYGIENE_SETS.map((set) => ({ ...set, r: freshReport(set.file) }));
  console.log("\n## Entity hygiene on fresh pages (cwced pages never used for entity review when they were read, with recall)\n");
  console.log("| set | pages | organization + project names | judged | fragments | share | precision | real names on the pages | found | recall | listed by default | listed fragments | plans (fragments) |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const { label, r } of reports) {
    console.log(`| ${label} | ${r.pages} | ${r.names} | ${r.judged} | ${r.fragments} | **${((100 * r.fragments) / Math.max(1, r.judged)).toFixed(1)} %** | ${f((r.judged - r.fragments) / Math.max(1, r.judged))} | ${r.gold} | ${r.found} | **${f(r.found / Math.max(1, r.gold))}** | ${r.listed} | ${r.listedFragments} (${((100 * r.listedFragments) / Math.max(1, r.listed)).toFixed(1)} %) | ${r.plans.names} (${r.plans.fragments}) |`);
  }
  for (const { file, r } of reports) {
    if (r.unjudged.length) {
      console.log(`\n${r.unjudged.length} names not judged yet (read them in their sentence and add them to ${file}):`);
      for (const n of r.unjudged) console.log(`- ${n.page} ${n.kind} ${n.name}`);
    }
    if (verbose) {
      console.log(`\n${file}: fragments still output: ${r.fragmentNames.join(" | ")}`);
      console.log(`\n${file}: real names missed: ${r.missed.join(" | ")}`);
    }
  }
}

function runCorpus(dir: string, limit: number) {
  const files = fs.readdirSync(dir).filter((f) => /\.(txt|html?)$/.test(f)).sort().slice(0, limit);
  for (const f of files) {
    const article = readArticle(path.join(dir, f));
    const x = extract(article);
    const by = (k: string) => [...new Set(x.entities.filter((e) => e.kind === k).map((e) => (k === "date" ? `${e.text}=${e.value ?? "?"}` : e.name)))].join(" | ");
    console.log(`\n### ${f}: ${article.title} (${article.published ?? "no date"})`);
    for (const k of ["region", "plan", "organization", "project", "date"]) console.log(`- ${k}: ${by(k)}`);
    console.log(`- figures: ${x.figures.map((g) => `${g.text}=${g.value}${g.unit}${g.bound ?? ""}${g.before !== undefined ? ` (from ${g.before})` : ""} [${g.subject ?? ""}]`).join(" | ")}`);
    console.log(`- milestones: ${x.milestones.map((m) => `${m.date} ${m.action} [${m.entities.join("; ")}]`).join(" | ")}`);
    console.log(`- topics: ${x.topics.map((t) => `${t.name} ${t.score}`).join(", ")}`);
  }
}

const program = new Command()
  .option("--json", "print JSON instead of a markdown table")
  .option("--errors", "list misses and false hits per seed")
  .option("--gold <file>", "gold file (tests/gold/extract-heldout.json: yrd-dev pages not used for tuning)", "tests/gold/extract-seeds.json")
  .option("--corpus <dir>", "dump extractions of the pages in a folder instead of scoring the seeds")
  .option("--limit <n>", "pages to dump with --corpus", "10")
  .option("--no-hygiene", "skip the entity hygiene report")
  .parse();
const opts = program.opts<{ json?: boolean; errors?: boolean; corpus?: string; limit: string; gold: string; hygiene: boolean }>();
if (opts.corpus) runCorpus(path.resolve(opts.corpus), Number(opts.limit));
else {
  runGold(opts);
  if (opts.hygiene && !opts.json) runHygiene(Boolean(opts.errors));
}
