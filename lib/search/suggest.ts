import { entityHref, kindLabel } from "../domain/kinds";
import { regionLevelLabel, regionOf } from "../domain/regions";
import type { QueryContext } from "./query";
import { normalizeForSearch } from "./segment";

/** One suggestion under the search box: an entity, with the name or alias the text matched. */
export interface Suggestion {
  id: string;
  kind: string;
  /** 规划文件, 项目, 机构, or a place's level (区, 县, 镇 …). */
  kindLabel: string;
  name: string;
  /** The alias the text matched, when it is not the name. */
  matched: string | null;
  href: string | null;
}

export const SUGGEST_LIMIT = 8;
/** Longer text is not a name being typed. */
export const SUGGEST_MAX_CHARS = 40;

/**
 * Entities whose name or alias starts with the text (then contain it), shortest first: 嘉 → 嘉善, 嘉兴, 嘉善祥符荡创新中心.
 * One suggestion per entity, under the form that matched best.
 */
export function suggestEntities(text: string, ctx: Pick<QueryContext, "forms" | "graph">, limit = SUGGEST_LIMIT): Suggestion[] {
  const q = normalizeForSearch(text.slice(0, SUGGEST_MAX_CHARS));
  if (!q) return [];
  const scored: { id: string; form: string; score: number }[] = [];
  for (const [form, ids] of ctx.forms) {
    const at = form.indexOf(q);
    if (at < 0) continue;
    const score = (form === q ? 0 : at === 0 ? 1 : 2) * 1000 + form.length;
    for (const id of ids) scored.push({ id, form, score });
  }
  scored.sort((a, b) => a.score - b.score || a.form.localeCompare(b.form, "zh-CN") || a.id.localeCompare(b.id));
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const s of scored) {
    if (seen.has(s.id)) continue;
    const node = ctx.graph.byId.get(s.id);
    if (!node) continue;
    seen.add(s.id);
    const slug = node.id.slice(node.id.indexOf(":") + 1);
    const level = node.kind === "region" ? regionOf(node.id)?.kind : undefined;
    out.push({
      id: node.id,
      kind: node.kind,
      kindLabel: level ? regionLevelLabel(level) : kindLabel(node.kind),
      name: node.name,
      matched: normalizeForSearch(node.name) === s.form ? null : s.form,
      href: entityHref({ kind: node.kind, slug }),
    });
    if (out.length >= limit) break;
  }
  return out;
}
