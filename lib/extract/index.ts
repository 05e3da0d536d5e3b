import type { DatePrecision } from "../domain/dates";
import { findDates, narrativeDates, relativeAnchor, type DateMatch } from "./dates";
import { findFigures } from "./figures";
import { findMilestones, mergeMilestones, type MilestoneContext } from "./milestones";
import { tableRowSentence } from "./table-rows";
import { findOrgsProjects, isGovernmentBody, isKnownName, sameNameAfterClause } from "./orgs-projects";
import { findPlans, type ParagraphText } from "./plans";
import { findRegionsInArticle, regionById } from "./regions";
import { classifyTopics } from "./topics";
import { findAliasStatements } from "./aliases";
import { insideAny, slugHash } from "./text";
import type { EntityMention, Extraction, Figure, Milestone } from "./types";

export { regionById, allRegions, type Region } from "./regions";
export { planAliasesFor, normalizeTitle, planType, planPeriod } from "./plans";
export { milestoneKey, afterPublication } from "./milestones";
export type * from "./types";

export interface ExtractInput {
  title: string;
  paragraphs: string[];
  published: string | null;
  publishedPrecision: DatePrecision | null;
  /** The page's 来源 line (人民日报 2024年12月1日 第01版): a repost's original and its date. */
  source?: string | null;
  /** The header line saying the page reprints another text (原标题:…), with the original's date if it gives one. */
  reprint?: string | null;
}

/** Paragraph index used for mentions found in the title. */
export const TITLE_PARAGRAPH = -1;

function dateMention(d: DateMatch, paragraph: number): EntityMention {
  const slug = d.value ?? `t-${slugHash(d.text)}`;
  return {
    kind: "date",
    text: d.text,
    name: d.value ?? d.text,
    id: `date:${slug}`,
    paragraph,
    start: d.start,
    end: d.end,
    value: d.value,
    precision: d.precision,
    ...(d.endValue !== undefined ? { valueEnd: d.endValue } : {}),
  };
}

/**
 * Everything the knowledge base keeps about one article: entity mentions (plans, organizations, projects,
 * regions, dates), figures, milestones and topics. Mentions in the title have paragraph -1.
 * Region names inside a plan title or an organization name (《长三角…规划》, 浙江大学) are not region
 * mentions; inside a project name they are (华为青浦研发中心 → 青浦) and also give the project its region.
 */
export function extract(input: ExtractInput): Extraction {
  const texts: ParagraphText[] = [{ index: TITLE_PARAGRAPH, text: input.title }, ...input.paragraphs.map((text, index) => ({ index, text }))];
  const pub = relativeAnchor(texts.map((t) => t.text), { published: input.published, precision: input.publishedPrecision }, input);
  const context: MilestoneContext = { published: pub.published, publishedPrecision: pub.precision, last: {} };
  const plans = findPlans(texts);
  const entities: EntityMention[] = [...plans.mentions];
  const figures: Figure[] = [];
  const milestones: Milestone[] = [];
  const contextual: EntityMention[] = [];
  const regionMatches = findRegionsInArticle(texts);
  const namedInFull = new Set(regionMatches.filter((r) => !r.contextual).map((r) => r.id));

  // Organizations and projects of every paragraph first: the article's names are checked against each other.
  // The last year the body named, carried into the next paragraph (这一年3月 after a paragraph about 2023年).
  let lastYear: string | null = null;
  const perParagraph = texts.map(({ index, text }) => {
    const planSpans = plans.spans.get(index) ?? [];
    const dates = narrativeDates(text, findDates(text, pub), pub, index < 0 ? null : lastYear).filter((d) => !insideAny(d, planSpans));
    if (index >= 0) lastYear = dates.filter((d) => !d.relative && d.value).at(-1)?.value?.slice(0, 4) ?? lastYear;
    return { index, text, planSpans, dates, orgsProjects: findOrgsProjects(text, index, [...planSpans, ...dates]) };
  });
  sameNameAfterClause(perParagraph.flatMap((p) => p.orgsProjects));
  for (const { index, text, planSpans, dates, orgsProjects } of perParagraph) {
    entities.push(...dates.map((d) => dateMention(d, index)));
    entities.push(...orgsProjects);
    // A place inside an organization's name (浙江大学) is not a mention of the place; a government body is its place (嘉善县人民政府).
    const orgSpans = orgsProjects.filter((e) => e.kind === "organization" && !isGovernmentBody(e.name));
    // THE TITLE CONVENTION (README, Regions): the jurisdiction in a policy document's title is a mention (《安徽省…行动计划》 states
    // where it applies); a place in any other 《》 title (a film, a song, a newspaper) is not.
    const planTitles = plans.mentions.filter((e) => e.paragraph === index);
    for (const r of regionMatches) {
      if (r.paragraph !== index || (insideAny(r, planSpans) && !insideAny(r, planTitles)) || insideAny(r, orgSpans)) continue;
      const region = regionById(r.id);
      if (!region) continue;
      const m: EntityMention = { kind: "region", text: r.text, name: region.name, id: `region:${region.id}`, paragraph: index, start: r.start, end: r.end, path: region.path, reason: r.reason };
      (r.contextual ? contextual : entities).push(m);
    }
    figures.push(...findFigures(text, index, [...dates, ...planSpans, ...orgsProjects]));
    // 示范区 alone (a contextual mention) is the zone in an article that names it in full: it can be what an event is about.
    const paragraphEntities = [...entities.filter((e) => e.paragraph === index), ...contextual.filter((e) => e.paragraph === index && namedInFull.has(e.id.replace(/^region:/, "")))];
    // A title cut from the first paragraph (…) restates it: its events are the paragraph's.
    const cutTitle = index === TITLE_PARAGRAPH && /…$/.test(text) && (input.paragraphs[0] ?? "").startsWith(text.replace(/…$/, ""));
    // The last paragraph without closing punctuation was cut off by the page (not a heading: it runs on past a clause).
    context.cut = index === input.paragraphs.length - 1 && /[，,。；]/.test(text) && !/[。！？!?”」』）)…]\s*$/.test(text);
    // A row of a progress table (项目 | 进展 | 时间): read as the sentence it stands for, quoted as the row itself.
    const row = index >= 0 ? tableRowSentence(text, pub) : null;
    if (row) {
      const rowDates = findDates(row, pub);
      const rowNames = findOrgsProjects(row, index, rowDates);
      milestones.push(...findMilestones(row, index, rowDates, rowNames, context).map((m) => ({ ...m, event: text, sentence: text })));
    } else if (!cutTitle) milestones.push(...findMilestones(text, index, dates, paragraphEntities, context));
    for (const e of paragraphEntities) {
      if (e.kind !== "plan" && e.kind !== "project" && e.kind !== "organization") continue;
      context.last[e.kind] = e;
      (context.named ??= []).push(e);
    }
  }
  // "位于上海市青浦区的华为练秋湖研发中心", "嘉善经济技术开发区内的…公司": a region right before a name is where it is.
  for (const m of entities) {
    // A known organization (华为) has its region in the data files or none: a clause about one of its sites
    // (位于青浦的华为研发中心) does not move the whole company.
    if ((m.kind !== "project" && m.kind !== "organization") || m.region || (m.kind === "organization" && isKnownName(m.name))) continue;
    if (entities.some((o) => o !== m && o.paragraph === m.paragraph && o.start <= m.start && o.end > m.end && o.kind !== "region")) continue;
    const text = texts.find((t) => t.index === m.paragraph)?.text ?? "";
    const r = entities.find((e) => e.kind === "region" && e.paragraph === m.paragraph && e.end <= m.start && /^(?:内?的|境内的)?$/.test(text.slice(e.end, m.start)) && (text.slice(e.end, m.start) !== "" || /位于$/.test(text.slice(0, e.start))));
    if (r) m.region = r.id.replace(/^region:/, "");
  }
  // 示范区 alone is the demonstration zone only in an article that names it in full.
  const named = new Set(entities.filter((e) => e.kind === "region").map((e) => e.id));
  entities.push(...contextual.filter((m) => named.has(m.id)));
  entities.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return { entities, figures, milestones: mergeMilestones(milestones), topics: classifyTopics(input.title, input.paragraphs), aliases: findAliasStatements(texts, entities) };
}

