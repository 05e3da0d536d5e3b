import type { ArticleRecord } from "@/db/queries/ingest";
import { regionContainers, regionEntityId, regionSlug } from "../domain/regions";
import { milestoneKey, regionById, type Region } from "../extract";
import type { EntityMention, Extraction } from "../extract/types";
import { sha256, simhash } from "./dedup";
import type { CleanedArticle } from "./types";

/** Stable article id: the same URL (or, without one, the same body) always gets the same id. */
export function articleIdFor(url: string | null, contentHash: string): string {
  return sha256(url ?? `content:${contentHash}`).slice(0, 12);
}

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
  };
}

/**
 * The entity a figure is about: the nearest plan or project mentioned before it in its paragraph,
 * else the nearest region there. Null when the paragraph names neither.
 */
function figureEntity(paragraphText: string, figureText: string, mentions: EntityMention[]): string | null {
  const at = paragraphText.indexOf(figureText);
  const before = (kinds: string[]) =>
    mentions
      .filter((m) => kinds.includes(m.kind) && (at < 0 || m.start <= at))
      .sort((a, b) => b.start - a.start)[0]?.id ?? null;
  return before(["plan", "project"]) ?? before(["region"]);
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

  const entityRows = new Map<string, EntityRow>();
  for (const m of extraction.entities) {
    if (entityRows.has(m.id)) continue;
    if (m.kind === "region") for (const row of regionRowsWithContainers(m.id)) entityRows.set(row.id, row);
    entityRows.set(m.id, entityRowOf(m));
  }

  const mentions = extraction.entities
    .filter((m) => m.paragraph >= 0)
    .map((m) => ({ entityId: m.id, paragraph: m.paragraph, start: m.start, end: m.end, text: m.text, value: m.value ?? null, precision: m.precision ?? null }));

  const figures = extraction.figures.map((f) => {
    const inParagraph = extraction.entities.filter((m) => m.paragraph === f.paragraph);
    return {
      paragraph: f.paragraph,
      text: f.text,
      value: f.value,
      unit: f.unit,
      subject: f.subject,
      before: f.before ?? null,
      after: f.after ?? null,
      bound: f.bound ?? null,
      entityId: figureEntity(cleaned.paragraphs[f.paragraph] ?? "", f.text, inParagraph),
    };
  });

  const milestones = extraction.milestones.map((m) => ({
    id: sha256(milestoneKey(m)).slice(0, 16),
    date: m.date,
    precision: m.precision,
    action: m.action,
    event: m.event,
    paragraph: m.paragraph,
    entityIds: [...new Set(m.entityIds)].filter((e) => entityRows.has(e)),
  }));

  const topics = extraction.topics.map((t) => ({ topic: t.name, score: t.score }));
  const paragraphs = cleaned.paragraphs.map((text, i) => ({ text, original: cleaned.originalParagraphs[i] ?? text }));

  const article = {
    id,
    url: cleaned.url,
    contentHash,
    simhash: simhash(body),
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
  };
  const recordHash = sha256(JSON.stringify({ article, paragraphs, entities: [...entityRows.values()], mentions, figures, milestones, topics }));
  return { article: { ...article, recordHash }, paragraphs, entities: [...entityRows.values()], mentions, figures, milestones, topics };
}
