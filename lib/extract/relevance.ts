/**
 * How much an article is about 长三角一体化, and whether its text was word-spun. Pure: an article's title,
 * paragraphs and extracted entities in, a typed score out. Weights, terms, threshold and the spinner's
 * word forms live in data/relevance.json.
 */
import { toSimplified } from "../ingest/normalize";
import relevanceData from "./data/relevance.json";
import { findRegions, regionById } from "./regions";
import { topicStrength } from "./topics";
import type { EntityMention } from "./types";

interface RelevanceFile {
  deltaRoots: string[];
  terms: Record<string, number>;
  integrationTopics: string[];
  titleIntegrationWords: string[];
  weights: Record<"deltaMentions" | "deltaMentionsCap" | "zoneMentions" | "title" | "titlePlace" | "terms" | "topics" | "plans" | "plansCap" | "density" | "densityCap" | "otherRegions" | "crossLink" | "halfAt", number>;
  threshold: number;
  spun: { strong: [string, string][]; weak: [string, string][]; minStrongDistinct: number; minDensity: number };
}
const data = relevanceData as unknown as RelevanceFile;

/** Articles scoring below this are off-topic: kept off the timeline, the home page and entity lists by default. */
export const RELEVANCE_THRESHOLD = data.threshold;

/** Whether an article with this stored score and flag is shown by default (unscored rows are, until re-ingested). */
export function isShownRelevance(score: number | null, lowQuality: boolean): boolean {
  return !lowQuality && (score === null || score >= RELEVANCE_THRESHOLD);
}

export interface RelevanceSignals {
  /** Mentions of places in 沪苏浙皖 or its zones (示范区, G60科创走廊 …), and how many distinct ones. */
  deltaMentions: number;
  deltaPlaces: number;
  /** Mentions of zones (长三角, 示范区, 都市区 …): the integration's own places. */
  zoneMentions: number;
  /** Mentions of places outside the delta. */
  otherMentions: number;
  /** What the title names: an integration term, zone or delta plan ("integration"), only a delta place ("place"), or neither. */
  title: "integration" | "place" | null;
  /** Weighted integration terms (沪苏浙皖, 江浙沪 …) and integration topic words (区域合作, 三省一市, 行动计划 …). */
  terms: number;
  topics: number;
  /** Distinct plans named after a delta place (《长三角…规划》, 《浙江省…方案》). */
  deltaPlans: number;
  /** Delta mentions, delta plans and located projects/organizations per 1,000 characters. */
  density: number;
  /** Places of two delta provinces linked (马鞍山与南京, 嘉兴港与上海港, 嘉兴至洋山): a cross-province tie. */
  crossLinks: number;
}

export interface SpunCheck {
  /** Spinner forms found (重年夜, 入一步 …), distinct, with the word they stand for. */
  strong: { form: string; stands: string; count: number }[];
  /** Ordinary words a spinner also writes (成长, 当局 …), counted. */
  weak: number;
  /** Weighted spinner forms per 1,000 Han characters. */
  density: number;
  spun: boolean;
}

export interface Relevance {
  /** 0–1: how much the article is about 长三角一体化. */
  score: number;
  /** score ≥ RELEVANCE_THRESHOLD. */
  onTopic: boolean;
  /** Word-spun text (a synonym spinner's output): shown like an off-topic page. */
  lowQuality: boolean;
  signals: RelevanceSignals;
  spun: SpunCheck;
}

export interface RelevanceInput {
  title: string;
  paragraphs: readonly string[];
  /** The extraction's entity mentions (regions, plans, projects, organizations); title mentions have paragraph -1. */
  entities: readonly EntityMention[];
}

const TITLE = -1;
/** A title word naming an integration (一体化, 同城化), unless it is a town's with its countryside (城乡一体化). */
const TITLE_INTEGRATION = new RegExp(`(?<!城乡)(?:${data.titleIntegrationWords.join("|")})`);

function isDelta(regionId: string): boolean {
  const r = regionById(regionId.replace(/^region:/, ""));
  return !!r && data.deltaRoots.includes(r.path[0] ?? "");
}

/** A plan named after a delta place or with an integration term in its name. */
function isDeltaPlan(e: EntityMention): boolean {
  return findRegions(e.name).some((r) => isDelta(r.id)) || Object.keys(data.terms).some((t) => e.name.includes(t));
}

/** Between two places: a link (与, 同, 至), after at most a short suffix of the first (港, 市, 港区), not a list (和, 、). */
const LINK_BETWEEN = /^\p{Script=Han}{0,2}?(?:与|同|至)$/u;

/** Consecutive delta places of one paragraph in two different provinces, linked (马鞍山与南京实现…, 嘉兴港与上海港合作). */
function crossLinks(delta: readonly EntityMention[], title: string, paragraphs: readonly string[]): number {
  let n = 0;
  const province = (e: EntityMention) => regionById(e.id.replace(/^region:/, ""))?.path[0];
  for (let i = 1; i < delta.length; i++) {
    const a = delta[i - 1] as EntityMention;
    const b = delta[i] as EntityMention;
    const pa = province(a);
    const pb = province(b);
    if (a.paragraph !== b.paragraph || !pa || !pb || pa === pb || pa === "长三角" || pb === "长三角" || b.start < a.end) continue;
    const text = a.paragraph === TITLE ? title : (paragraphs[a.paragraph] ?? "");
    if (LINK_BETWEEN.test(text.slice(a.end, b.start))) n++;
  }
  return n;
}

function count(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

const compiled = {
  strong: data.spun.strong.map(([form, stands]) => ({ re: new RegExp(form, "g"), form: form.replace(/\(.*\)$/, ""), stands })),
  weak: data.spun.weak.map(([form]) => new RegExp(form, "g")),
};

/** Word-spinner forms in a text (simplified or traditional). */
export function checkSpun(text: string): SpunCheck {
  const s = toSimplified(text);
  const han = s.match(/\p{Script=Han}/gu)?.length ?? 0;
  const strong = compiled.strong
    .map(({ re, form, stands }) => ({ form, stands, count: s.match(re)?.length ?? 0 }))
    .filter((x) => x.count > 0);
  const weak = compiled.weak.reduce((n, re) => n + (s.match(re)?.length ?? 0), 0);
  const weighted = strong.reduce((n, x) => n + x.count, 0) + 0.3 * weak;
  const density = han ? (weighted * 1000) / han : 0;
  const spun = strong.length >= data.spun.minStrongDistinct && density >= data.spun.minDensity;
  return { strong, weak, density: Math.round(density * 100) / 100, spun };
}

/** Relevance of one article to 长三角一体化 (see data/relevance.json for the weights). */
/** A long news article's length in characters; see the topics signal below. */
const TOPIC_REFERENCE_CHARS = 4000;

export function scoreRelevance(input: RelevanceInput): Relevance {
  const w = data.weights;
  const body = input.paragraphs.join("\n");
  const chars = Math.max(1, input.title.length + body.length);
  const regions = input.entities.filter((e) => e.kind === "region");
  const delta = regions.filter((e) => isDelta(e.id));
  const zones = delta.filter((e) => regionById(e.id.replace(/^region:/, ""))?.kind === "zone");
  const otherMentions = regions.length - delta.length;
  const deltaPlans = new Set(
    input.entities
      .filter((e) => e.kind === "plan" && isDeltaPlan(e))
      .map((e) => e.id),
  ).size;
  // Each located project or organization counts once: a body named again and again (an agenda's affiliations, one
  // university per speaker) says who takes part, not that the article is about the delta.
  const located = new Set(
    input.entities.filter((e) => (e.kind === "project" || e.kind === "organization") && e.region && isDelta(e.region)).map((e) => e.id),
  ).size;
  const text = `${input.title}\n${body}`;
  const terms = Object.entries(data.terms).reduce((n, [t, weight]) => n + weight * Math.log2(1 + count(text, t)), 0);
  // Integration words per length: a long page (an agenda, a yearbook) accumulates 合作 and 改革 without being about the
  // integration, so beyond a news article's length (TOPIC_REFERENCE_CHARS) the strength is scaled down in proportion.
  const topics = topicStrength(text, data.integrationTopics) * Math.min(1, TOPIC_REFERENCE_CHARS / chars);
  // A title naming the integration (长三角, 示范区, 沪苏浙, a delta plan) says what the article is about; one naming a
  // delta city (无锡) only where it happens.
  const titleIntegration =
    zones.some((e) => e.paragraph === TITLE) ||
    input.entities.some((e) => e.kind === "plan" && e.paragraph === TITLE && isDeltaPlan(e)) ||
    Object.keys(data.terms).some((t) => input.title.includes(t)) ||
    // 沪太医疗一体化, 宁马同城化: a delta place's integration named in the title (not 城乡一体化, a town and its villages).
    (TITLE_INTEGRATION.test(input.title) && findRegions(input.title).some((r) => isDelta(r.id)));
  const title = titleIntegration ? "integration" : delta.some((e) => e.paragraph === TITLE) ? "place" : null;
  const density = ((delta.length + deltaPlans + located) * 1000) / chars;

  const signals: RelevanceSignals = {
    deltaMentions: delta.length,
    deltaPlaces: new Set(delta.map((e) => e.id)).size,
    zoneMentions: zones.length,
    otherMentions,
    title,
    terms: round(terms),
    topics: round(topics),
    deltaPlans,
    density: round(density),
    crossLinks: crossLinks(delta, input.title, input.paragraphs),
  };
  // Places alone (a road closure in 无锡) say where, not that the article is about the integration: capped.
  const places = Math.min(w.deltaMentionsCap, w.deltaMentions * Math.log2(1 + delta.length));
  const raw =
    places +
    w.zoneMentions * Math.log2(1 + zones.length) +
    (title === "integration" ? w.title : title === "place" ? w.titlePlace : 0) +
    w.terms * terms +
    w.topics * topics +
    w.plans * Math.min(w.plansCap, deltaPlans) +
    Math.min(w.densityCap, w.density * density) +
    (signals.crossLinks > 0 ? w.crossLink : 0);
  // An article mostly about other places (京津冀, 武汉) loses in proportion to their share.
  const otherShare = regions.length ? otherMentions / regions.length : 0;
  const adjusted = Math.max(0, raw - w.otherRegions * otherShare * Math.log2(1 + otherMentions));
  const score = round(adjusted / (adjusted + w.halfAt));
  const spun = checkSpun(text);
  return { score, onTopic: score >= RELEVANCE_THRESHOLD, lowQuality: spun.spun, signals, spun };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
