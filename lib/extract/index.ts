import type { DatePrecision } from "../domain/dates";
import { findDates, type DateMatch } from "./dates";
import { findFigures } from "./figures";
import { findMilestones, milestoneKey } from "./milestones";
import { findOrgsProjects, isKnownName } from "./orgs-projects";
import { findPlans, type ParagraphText } from "./plans";
import { findRegionsInArticle, regionById } from "./regions";
import { classifyTopics } from "./topics";
import { findAliasStatements } from "./aliases";
import { insideAny, slugHash, type Span } from "./text";
import type { EntityMention, Extraction, Figure, Milestone } from "./types";

export { regionById, allRegions, type Region } from "./regions";
export { planAliasesFor, normalizeTitle, planType, planPeriod } from "./plans";
export { milestoneKey } from "./milestones";
export type * from "./types";

export interface ExtractInput {
  title: string;
  paragraphs: string[];
  published: string | null;
  publishedPrecision: DatePrecision | null;
}

/** Paragraph index used for mentions found in the title. */
export const TITLE_PARAGRAPH = -1;

/** Organizations named by their place: a government body, a party or people's congress body, a commission or bureau. */
const GOVERNMENT_BODY = /(?:人民政府|政府|办公厅|办公室|人大常委会|人大|政协|党委|县委|市委|省委|区委|委员会|管委会|执委会|发改委|经信委|[局厅委办])$/;

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

const SCHEDULED = /起|将|拟|计划|预计|有望|即将|开始/;

/** True when a date is later than the publication, compared at the coarser of the two precisions. */
export function afterPublication(date: string, published: string, precision: DatePrecision | null): boolean {
  const len = Math.min(date.length, precision === "day" ? 10 : precision === "month" ? 7 : 4);
  return date.slice(0, len) > published.slice(0, len);
}

/**
 * Everything the knowledge base keeps about one article: entity mentions (plans, organizations, projects,
 * regions, dates), figures, milestones and topics. Mentions in the title have paragraph -1.
 * Region names inside a plan title or an organization name (《长三角…规划》, 浙江大学) are not region
 * mentions; inside a project name they are (华为青浦研发中心 → 青浦) and also give the project its region.
 */
export function extract(input: ExtractInput): Extraction {
  const pub = { published: input.published, precision: input.publishedPrecision };
  const texts: ParagraphText[] = [{ index: TITLE_PARAGRAPH, text: input.title }, ...input.paragraphs.map((text, index) => ({ index, text }))];
  const plans = findPlans(texts);
  const entities: EntityMention[] = [...plans.mentions];
  const figures: Figure[] = [];
  const milestones: Milestone[] = [];
  const contextual: EntityMention[] = [];
  const seenMilestones = new Set<string>();
  const regionMatches = findRegionsInArticle(texts);

  for (const { index, text } of texts) {
    const planSpans = plans.spans.get(index) ?? [];
    const dates = findDates(text, pub).filter((d) => !insideAny(d, planSpans));
    const dateSpans: Span[] = dates;
    entities.push(...dates.map((d) => dateMention(d, index)));
    const orgsProjects = findOrgsProjects(text, index, [...planSpans, ...dateSpans]);
    entities.push(...orgsProjects);
    // A place inside an organization's name (浙江大学) is not a mention of the place; a government body is its place (嘉善县人民政府).
    const orgSpans = orgsProjects.filter((e) => e.kind === "organization" && !GOVERNMENT_BODY.test(e.name));
    for (const r of regionMatches) {
      if (r.paragraph !== index || insideAny(r, planSpans) || insideAny(r, orgSpans)) continue;
      const region = regionById(r.id);
      if (!region) continue;
      const m: EntityMention = { kind: "region", text: r.text, name: region.name, id: `region:${region.id}`, paragraph: index, start: r.start, end: r.end, path: region.path, reason: r.reason };
      (r.contextual ? contextual : entities).push(m);
    }
    figures.push(...findFigures(text, index, [...dateSpans, ...planSpans, ...orgsProjects]));
    const paragraphEntities = entities.filter((e) => e.paragraph === index);
    for (const m of findMilestones(text, index, dates, paragraphEntities)) {
      // An event dated after the publication and told as a schedule (自10月1日起施行 in an article of 30 September)
      // has not happened yet. (Without a schedule word the publication date itself may be wrong: keep it.)
      if (input.published && afterPublication(m.date, input.published, input.publishedPrecision) && SCHEDULED.test(m.event)) continue;
      const key = milestoneKey(m);
      if (seenMilestones.has(key)) continue;
      seenMilestones.add(key);
      // The same event told twice (title and body) with more or fewer names is one milestone: keep the richer.
      const twin = milestones.findIndex((o) => o.date === m.date && o.action === m.action && (o.entityIds.every((id) => m.entityIds.includes(id)) || m.entityIds.every((id) => o.entityIds.includes(id))));
      const other = milestones[twin];
      if (other) {
        if (m.entityIds.length > other.entityIds.length) milestones[twin] = m;
        continue;
      }
      milestones.push(m);
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
  return { entities, figures, milestones, topics: classifyTopics(input.title, input.paragraphs), aliases: findAliasStatements(texts, entities) };
}

