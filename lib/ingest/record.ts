import type { ArticleRecord } from "@/db/queries/ingest";
import { reviewStatus } from "../extract/aliases";
import { regionContainers, regionEntityId, regionSlug } from "../domain/regions";
import { milestoneKey, regionById, type Region } from "../extract";
import type { EntityMention, Extraction } from "../extract/types";
import { scoreRelevance } from "../extract/relevance";
import { dedupSignature, sha256 } from "./dedup";
import type { CleanedArticle } from "./types";
import { addNote, MAX_FIGURES, MAX_MENTIONS } from "./caps";

import { articleIdFor } from "./article-id";

export { articleIdFor, resolveArticleId, type RowOwner } from "./article-id";

function slugOf(id: string): string {
  return id.slice(id.indexOf(":") + 1);
}

type EntityRow = ArticleRecord["entities"][number];

function regionRow(region: Region): EntityRow {
  return {
    id: `region:${region.id}`,
    kind: "region",
    slug: region.id,
    name: region.name,
    type: region.kind,
    period: null,
    parentId: region.parentId ? `region:${region.parentId}` : null,
    path: region.path,
    aliases: region.aliases,
    regionId: null,
  };
}

/**
 * A mentioned region with every region containing it (tree ancestors and zones), as entity rows: parent
 * chains, breadcrumbs and facet labels never stop at an unmentioned level, while the 45,000 places of the
 * gazetteer nobody wrote about stay out of the database.
 */
function regionRowsWithContainers(id: string): EntityRow[] {
  return regionContainers(id).flatMap((c) => {
    const r = regionById(regionSlug(c));
    return r ? [regionRow(r)] : [];
  });
}

function entityRowOf(m: EntityMention): EntityRow {
  const region = m.kind === "region" ? regionById(slugOf(m.id)) : undefined;
  if (region) return regionRow(region);
  return {
    id: m.id,
    kind: m.kind,
    slug: slugOf(m.id),
    name: m.name,
    type: m.type ?? null,
    period: m.period ?? null,
    parentId: null,
    path: m.path ?? null,
    aliases: m.aliases ?? [],
    regionId: m.region ? regionEntityId(m.region) : null,
    confidence: m.confidence ?? 1,
  };
}

type Located = { id: string; start: number };

/** The mention that starts last at or before `at` (all of them when `at` < 0); the first listed among equal starts. */
function lastBefore(sorted: Located[], at: number): string | null {
  if (sorted.length === 0) return null;
  let lo = 0;
  let hi = sorted.length - 1;
  if (at >= 0) {
    // Binary search for the last index whose start is <= at.
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return null;
    hi = found;
  }
  let k = hi;
  while (k > 0 && sorted[k - 1]!.start === sorted[hi]!.start) k--;
  return sorted[k]!.id;
}

/**
 * For each paragraph, its plan/project mentions and its region mentions sorted by start (stable), built once:
 * comparing every figure with every mention took 512 s on a 5 MB single-line page.
 */
function mentionIndex(mentions: readonly EntityMention[]) {
  const byParagraph = new Map<number, { named: Located[]; regions: Located[] }>();
  for (const m of mentions) {
    const group = m.kind === "plan" || m.kind === "project" ? "named" : m.kind === "region" ? "regions" : null;
    if (!group) continue;
    let entry = byParagraph.get(m.paragraph);
    if (!entry) byParagraph.set(m.paragraph, (entry = { named: [], regions: [] }));
    entry[group].push({ id: m.id, start: m.start });
  }
  for (const entry of byParagraph.values()) {
    entry.named.sort((a, b) => a.start - b.start);
    entry.regions.sort((a, b) => a.start - b.start);
  }
  return byParagraph;
}

/**
 * The entity a figure is about: the nearest plan or project mentioned before it in its paragraph,
 * else the nearest region there. Null when the paragraph names neither.
 */
function figureEntity(at: number, entry: { named: Located[]; regions: Located[] } | undefined): string | null {
  if (!entry) return null;
  return lastBefore(entry.named, at) ?? lastBefore(entry.regions, at);
}

/** Turn a cleaned page and its extraction into the rows the store writes (pure). */
export function buildRecord({
  cleaned,
  extraction,
  filePath,
  fetchedAt,
}: {
  cleaned: CleanedArticle;
  extraction: Extraction;
  filePath: string | null;
  fetchedAt: string | null;
}): ArticleRecord {
  const body = cleaned.paragraphs.join("\n\n");
  const contentHash = sha256(body);
  const id = articleIdFor(cleaned.url, contentHash);

  const notes = [...(cleaned.notes ?? [])];
  const allEntities = extraction.entities;
  const entities = allEntities.length > MAX_MENTIONS ? allEntities.slice(0, MAX_MENTIONS) : allEntities;
  if (entities !== allEntities) addNote(notes, `${allEntities.length.toLocaleString("en")} entity mentions: only the first ${MAX_MENTIONS.toLocaleString("en")} kept`);
  const allFigures = extraction.figures;
  const keptFigures = allFigures.length > MAX_FIGURES ? allFigures.slice(0, MAX_FIGURES) : allFigures;
  if (keptFigures !== allFigures) addNote(notes, `${allFigures.length.toLocaleString("en")} figures: only the first ${MAX_FIGURES.toLocaleString("en")} kept`);

  const entityRows = new Map<string, EntityRow>();
  for (const m of entities) {
    if (entityRows.has(m.id)) continue;
    if (m.kind === "region") for (const row of regionRowsWithContainers(m.id)) entityRows.set(row.id, row);
    entityRows.set(m.id, entityRowOf(m));
  }

  const mentions = entities
    .filter((m) => m.paragraph >= 0)
    .map((m) => ({ entityId: m.id, paragraph: m.paragraph, start: m.start, end: m.end, text: m.text, value: m.value ?? null, precision: m.precision ?? null }));

  const index = mentionIndex(entities);
  // Where each figure's text first occurs in its paragraph, looked up once per distinct text.
  const firstAt = new Map<string, number>();
  const figures = keptFigures.map((f) => {
    const key = `${f.paragraph}\u0000${f.text}`;
    let at = firstAt.get(key);
    if (at === undefined) firstAt.set(key, (at = (cleaned.paragraphs[f.paragraph] ?? "").indexOf(f.text)));
    return {
      paragraph: f.paragraph,
      text: f.text,
      value: f.value,
      unit: f.unit,
      subject: f.subject,
      before: f.before ?? null,
      after: f.after ?? null,
      bound: f.bound ?? null,
      entityId: figureEntity(at, index.get(f.paragraph)),
    };
  });

  const milestones = extraction.milestones.map((m) => {
    const subjectId = m.subjectId && entityRows.has(m.subjectId) ? m.subjectId : null;
    const key = milestoneKey({ ...m, subjectId });
    return {
      // An undated event is never merged with another article's: its id is this article's.
      id: sha256(m.date ? key : `${id}|${key}`).slice(0, 16),
      date: m.date,
      precision: m.precision,
      dateEnd: m.dateEnd,
      action: m.action,
      status: m.status,
      subject: m.subject,
      subjectId,
      event: m.event,
      sentence: m.sentence,
      paragraph: m.paragraph,
      entityIds: [...new Set(m.entityIds)].filter((e) => entityRows.has(e)),
    };
  });

  const topics = extraction.topics.map((t) => ({ topic: t.name, score: t.score }));
  const paragraphs = cleaned.paragraphs.map((text, i) => ({ text, original: cleaned.originalParagraphs[i] ?? text }));

  // Scored here, so a re-ingest after a scorer change gives a new recordHash and rewrites the row.
  const relevance = scoreRelevance({ title: cleaned.title, paragraphs: cleaned.paragraphs, entities: extraction.entities });
  const signature = dedupSignature(body);
  const article = {
    id,
    url: cleaned.url,
    contentHash,
    simhash: signature.simhash,
    title: cleaned.title,
    published: cleaned.published,
    publishedPrecision: cleaned.publishedPrecision,
    publishedText: cleaned.publishedText,
    site: cleaned.site,
    source: cleaned.source,
    author: cleaned.author,
    editor: cleaned.editor,
    encoding: cleaned.encoding,
    body,
    original: cleaned.original,
    filePath,
    fetchedAt,
    duplicateOf: null as string | null,
    relevance: relevance.score,
    lowQuality: relevance.lowQuality,
  };
  // Aliases the article states, with the reviewer's verdict (a changed verdict changes the record, so re-ingest applies it).
  const aliases = (extraction.aliases ?? [])
    .filter((a) => entityRows.has(a.entityId))
    .map((a) => ({ ...a, status: reviewStatus(a.entityId, a.alias) }));
  const recordHash = sha256(JSON.stringify({ article, paragraphs, entities: [...entityRows.values()], mentions, figures, milestones, topics, aliases }));
  return {
    article: { ...article, recordHash },
    paragraphs,
    entities: [...entityRows.values()],
    mentions,
    figures,
    milestones,
    topics,
    aliases,
    dedupKeys: signature.keys,
    ...(notes.length ? { notes } : {}),
  };
}
