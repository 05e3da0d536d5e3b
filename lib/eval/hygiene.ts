/**
 * Entity hygiene: the share of organization and project names a reader would call fragments (如果工程,
 * 以为银行). A reader's judgement cannot be computed, so it is kept in a reviewed list
 * (tests/gold/entity-hygiene.json: every name the extractor outputs on the demo corpus + yrd-dev + gne, judged
 * ok or fragment with the date of judging); this module extracts the current names and scores them against it,
 * listing the names not judged yet so that new output gets reviewed.
 */
import fs from "node:fs";
import path from "node:path";
import { extract } from "../extract";
import { processPage } from "../ingest/process";
import type { CleanedArticle } from "../ingest/types";
import { requireCorpus } from "./corpora";

export const HYGIENE_GOLD = "tests/gold/entity-hygiene.json";
/** As db/queries/entities.ts: a name is listed by default when it is sure (confidence ≥ 0.7) or two articles name it. */
const SURE = 0.7;

export interface HygieneName {
  kind: "organization" | "project";
  name: string;
  articles: number;
  confidence: number;
  listed: boolean;
}

export interface Judgement {
  kind: "organization" | "project";
  name: string;
  verdict: "ok" | "fragment";
  judged: string;
  note?: string;
}

/** A page through the real ingestion pipeline, with its sidecar (the .json beside it) when there is one. */
export function readArticle(file: string): CleanedArticle {
  const side = file.replace(/\.[a-z]+$/, ".json");
  const { url, site, encoding, fetchedAt } = (fs.existsSync(side) && !file.endsWith(".json") ? JSON.parse(fs.readFileSync(side, "utf8")) : {}) as Record<string, string | undefined>;
  return processPage(fs.readFileSync(file), { fileName: path.basename(file), sidecar: { url, site, encoding, fetchedAt } });
}

/** The pages of the hygiene corpus: the demo corpus (content/), yrd-dev and the ordinary news pages of gne. */
export function hygieneFiles(contentDir = "content"): string[] {
  const list = (dir: string, re: RegExp) => fs.readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => path.join(dir, f));
  const gne = requireCorpus("gne/tests");
  return [
    ...list(contentDir, /\.(txt|html?)$/),
    ...list(requireCorpus("yrd-dev"), /\.(txt|html?)$/),
    ...fs.readdirSync(gne).sort().flatMap((site) => list(path.join(gne, site), /\.html?$/)),
  ];
}

/** Every organization and project name the extractor outputs on the files, with how many articles name it. */
export function currentNames(files = hygieneFiles()): HygieneName[] {
  const by = new Map<string, HygieneName & { ids: Set<number> }>();
  files.forEach((file, i) => {
    for (const e of extract(readArticle(file)).entities) {
      if (e.kind !== "organization" && e.kind !== "project") continue;
      const key = `${e.kind}:${e.name}`;
      const n = by.get(key) ?? { kind: e.kind, name: e.name, articles: 0, confidence: 0, listed: false, ids: new Set<number>() };
      n.ids.add(i);
      // As lib/ingest/record.ts stores it: a mention without a confidence (a name of the data files) is sure.
      n.confidence = Math.max(n.confidence, e.confidence ?? 1);
      by.set(key, n);
    }
  });
  return [...by.values()]
    .map(({ ids, ...n }) => ({ ...n, articles: ids.size, listed: n.confidence >= SURE || ids.size >= 2 }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, "zh"));
}

export interface HygieneReport {
  names: number;
  judged: number;
  fragments: number;
  listed: number;
  listedJudged: number;
  listedFragments: number;
  unjudged: HygieneName[];
  fragmentNames: HygieneName[];
}

export function hygieneReport(names: HygieneName[], judgements: Judgement[]): HygieneReport {
  const verdict = new Map(judgements.map((j) => [`${j.kind}:${j.name}`, j.verdict]));
  const judged = names.filter((n) => verdict.has(`${n.kind}:${n.name}`));
  const isFragment = (n: HygieneName) => verdict.get(`${n.kind}:${n.name}`) === "fragment";
  const listed = names.filter((n) => n.listed);
  return {
    names: names.length,
    judged: judged.length,
    fragments: judged.filter(isFragment).length,
    listed: listed.length,
    listedJudged: listed.filter((n) => verdict.has(`${n.kind}:${n.name}`)).length,
    listedFragments: listed.filter(isFragment).length,
    unjudged: names.filter((n) => !verdict.has(`${n.kind}:${n.name}`)),
    fragmentNames: names.filter(isFragment),
  };
}

export function readJudgements(file = HYGIENE_GOLD): Judgement[] {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { judgements: Judgement[] }).judgements : [];
}

// ---------- the fresh set: pages never used for entity review, judged by reading, with recall ----------

export const FRESH_HYGIENE_GOLD = "tests/gold/entity-hygiene-fresh.json";
/**
 * Every fresh set, oldest first: each is a set of pages read before the code was run on them, so its first run (in
 * the file's `firstRun`) is an honest figure; a set whose pages prompted changes is no longer fresh for those changes.
 */
export const FRESH_HYGIENE_SETS = [
  { file: FRESH_HYGIENE_GOLD, label: "fresh (14 cwced pages; tuned on since)" },
  { file: "tests/gold/entity-hygiene-fresh2.json", label: "fresh2 (15 cwced pages)" },
  { file: "tests/gold/entity-hygiene-fresh3.json", label: "fresh3 (15 cwced pages, 1 an agenda)" },
  { file: "tests/gold/entity-hygiene-fresh4.json", label: "fresh4 (10 cwced pages, untuned)" },
] as const;

type NameKind = "organization" | "project" | "plan";
interface FreshGold {
  judgements: (Omit<Judgement, "kind"> & { kind: NameKind; page: string })[];
  pages: { file: string; entities: { kind: "organization" | "project"; names: string[] }[] }[];
}

export interface FreshReport {
  /** Pages of the set. */
  pages: number;
  /** Organization and project names output (distinct per page), judged, judged fragments. */
  names: number;
  judged: number;
  fragments: number;
  /** Plans the same way. */
  plans: { names: number; judged: number; fragments: number };
  /** Real organizations and projects of the pages, and those found (any kind, any of their written forms). */
  gold: number;
  found: number;
  /** Organization and project names (distinct per page) an entity list shows by default (as `listed` above: sure, or named by two pages of the set), and the fragments among them. */
  listed: number;
  listedFragments: number;
  unjudged: { page: string; kind: NameKind; name: string }[];
  fragmentNames: string[];
  missed: string[];
}

/** Extraction on the fresh pages scored against the reading: fragment share, precision and recall of names. */
export function freshReport(file = FRESH_HYGIENE_GOLD): FreshReport {
  const gold = JSON.parse(fs.readFileSync(file, "utf8")) as FreshGold;
  const verdict = new Map(gold.judgements.map((j) => [`${j.page}|${j.kind}|${j.name}`, j.verdict]));
  const r: FreshReport = { pages: gold.pages.length, names: 0, judged: 0, fragments: 0, plans: { names: 0, judged: 0, fragments: 0 }, gold: 0, found: 0, listed: 0, listedFragments: 0, unjudged: [], fragmentNames: [], missed: [] };
  const perPage = gold.pages.map((page) => ({ page, entities: extract(readArticle(path.join(requireCorpus(), page.file))).entities }));
  // Confidence and pages of every organization and project name of the set: what an entity list would show by default.
  const seen = new Map<string, { confidence: number; pages: Set<string> }>();
  for (const { page, entities } of perPage) {
    for (const e of entities) {
      if (e.kind !== "organization" && e.kind !== "project") continue;
      const s = seen.get(`${e.kind}|${e.name}`) ?? { confidence: 0, pages: new Set<string>() };
      s.confidence = Math.max(s.confidence, e.confidence ?? 1);
      s.pages.add(page.file);
      seen.set(`${e.kind}|${e.name}`, s);
    }
  }
  const isListed = (key: string) => {
    const s = seen.get(key);
    return s !== undefined && (s.confidence >= SURE || s.pages.size >= 2);
  };
  for (const { page, entities } of perPage) {
    const names = new Map<string, NameKind>();
    for (const e of entities) {
      if (e.kind === "organization" || e.kind === "project" || e.kind === "plan") names.set(`${e.kind}|${e.name}`, e.kind);
    }
    for (const [key, kind] of names) {
      const name = key.slice(kind.length + 1);
      const v = verdict.get(`${page.file}|${key}`);
      const into = kind === "plan" ? r.plans : r;
      into.names++;
      if (kind !== "plan" && isListed(key)) {
        r.listed++;
        if (v === "fragment") r.listedFragments++;
      }
      if (!v) r.unjudged.push({ page: page.file, kind, name });
      else {
        into.judged++;
        if (v === "fragment") {
          into.fragments++;
          if (kind !== "plan") r.fragmentNames.push(name);
        }
      }
    }
    const found = new Set([...names].filter(([, k]) => k !== "plan").map(([key, k]) => key.slice(k.length + 1)));
    for (const g of page.entities) {
      r.gold++;
      if (g.names.some((n) => found.has(n))) r.found++;
      else r.missed.push(g.names[0] as string);
    }
  }
  return r;
}
