import type { LearnedAlias } from "./aliases";
import type { DatePrecision } from "../domain/dates";
import type { MilestoneStatus } from "../domain/milestones";

import type { EntityKind } from "../domain/kinds";
import type { RegionReason } from "./regions";

export type { EntityKind };

/** One mention of an entity in an article paragraph (offsets are into the normalized paragraph). */
export interface EntityMention {
  kind: EntityKind;
  /** As written in the article. */
  text: string;
  /** Canonical name. */
  name: string;
  /** Stable id, `${kind}:${slug}` (regions use the gazetteer id as slug). */
  id: string;
  paragraph: number;
  start: number;
  end: number;
  /** region: parent chain of names, e.g. ["浙江", "嘉兴", "嘉善"]. */
  path?: string[];
  /** plan: document type (规划, 方案, 计划 …) and period (2021—2035年). */
  type?: string;
  period?: string | null;
  aliases?: string[];
  /** date: resolved ISO value and precision; null value when it cannot be resolved. */
  value?: string | null;
  precision?: DatePrecision | null;
  /** date ranges (12月8日至9日, 2021—2035年): resolved end of the range. */
  valueEnd?: string | null;
  /** region: why the mention was accepted (word boundary, level suffix, address chain, article context …). */
  reason?: RegionReason;
  /** project/organization: how sure the extraction is that this is a name (1: from the data files; lower: found by its suffix). */
  confidence?: number;
  /** project/organization: region id it belongs to, when the text says so. */
  region?: string | null;
}

export interface Figure {
  text: string;
  value: number;
  unit: string;
  subject: string | null;
  before?: number;
  after?: number;
  /** Bound for 超/逾/近/不足 etc.: ">=", ">", "<=", "<", "~". */
  bound?: ">=" | ">" | "<=" | "<" | "~";
  paragraph: number;
}

export interface Milestone {
  /** ISO date as precise as the page gives; null: an undated event (kept on the article, never on the timeline). */
  date: string | null;
  /** End of a date range (12月8日至9日), or null. */
  dateEnd: string | null;
  precision: DatePrecision | null;
  /** Action id of the taxonomy (lib/domain/milestones.ts). */
  action: string;
  /** done: it happened; planned: a target or schedule, `date` its deadline. */
  status: MilestoneStatus;
  /** What the event is about: a plan, project, organization, zone or meeting (canonical name or the page's words). */
  subject: string | null;
  /** Entity id of the subject when it is a known entity. */
  subjectId: string | null;
  /** Other named entities of the clause (actors, places named as entities). */
  objects: string[];
  /** The clause that tells the event. */
  event: string;
  /** The whole sentence. */
  sentence: string;
  /** Canonical names of the plans/projects/organizations it concerns (subject first when known). */
  entities: string[];
  /** Entity ids matching `entities`. */
  entityIds: string[];
  paragraph: number;
}

export interface Topic {
  name: string;
  score: number;
}

export interface Extraction {
  entities: EntityMention[];
  figures: Figure[];
  milestones: Milestone[];
  topics: Topic[];
  /** Aliases the article states for the entities it mentions (lib/extract/aliases.ts). */
  aliases: LearnedAlias[];
}
