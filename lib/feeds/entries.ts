import { actionLabel } from "@/lib/domain/milestones";
import type { FeedArticle } from "@/db/queries/feeds";
import type { MilestoneItem } from "@/db/queries/timeline";
import { formatDate } from "../format";
import { articleSummary, dateToRfc3339, timestampToRfc3339, type AtomEntry } from "./atom";

/** Entries shown per feed. */
export const FEED_SIZE = 50;

/** An article as an Atom entry: its page here, the original page as `via`, dated by publication, updated when its row changed. */
export function articleEntry(origin: string) {
  return (a: FeedArticle): AtomEntry => {
    const published = a.published ? dateToRfc3339(a.published, a.publishedPrecision) : null;
    const stored = timestampToRfc3339(a.updatedAt);
    return {
      key: `article:${a.id}`,
      title: a.title,
      href: `${origin}/articles/${encodeURIComponent(a.id)}`,
      via: a.url,
      published,
      // Never older than the publication date (an article stored before it was dated).
      updated: published && Date.parse(published) > Date.parse(stored) ? published : stored,
      author: a.source ?? a.site,
      summary: articleSummary(a),
    };
  };
}

/** A dated milestone as an Atom entry: its date, what happened, the articles that report it. */
export function milestoneEntry(origin: string) {
  return (m: MilestoneItem & { date: string }): AtomEntry => {
    const when = dateToRfc3339(m.date, m.precision);
    const first = m.sources[0];
    const reported = m.sources.map((s) => `${s.title}${s.site ? `（${s.site}）` : ""}`).join("；");
    return {
      key: `milestone:${m.id}`,
      title: m.event,
      href: first ? `${origin}/articles/${encodeURIComponent(first.articleId)}` : `${origin}/timeline`,
      published: when,
      updated: when,
      author: first?.site ?? null,
      summary: [`${formatDate(m.date, m.precision)}，${actionLabel(m.action)}${m.status === "planned" ? "（目标）" : ""}：${m.event}`, m.regions.length ? `地区：${m.regions.map((r) => r.name).join("、")}` : "", reported ? `报道：${reported}` : ""].filter(Boolean).join("\n"),
      categories: [actionLabel(m.action), ...m.entities.map((e) => e.name)],
    };
  };
}
