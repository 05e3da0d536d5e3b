import type { DateMatch } from "./dates";
import type { EntityMention, Milestone } from "./types";
import { sentences } from "./text";
import { isNamedKind } from "../domain/kinds";

const ACTIONS = [
  "建成投用", "建成通车", "结构封顶", "开工建设", "正式签约", "揭牌成立", "批复", "印发", "发布", "召开", "启动", "开工", "封顶", "结顶",
  "竣工", "建成", "投用", "通车", "揭牌", "签约", "签署", "签订", "举行", "举办", "成立", "开通", "开行", "通过", "出台", "获批",
  "批准", "施行", "公布", "设立", "贯通", "开业", "投产", "落成", "宣布", "挂牌",
].sort((a, b) => b.length - a.length);
/** Spellings of the same action, so that two reports of one event share a key. */
const CANONICAL_ACTION: Record<string, string> = {
  获批: "批复", 批准: "批复", 正式签约: "签约", 签署: "签约", 签订: "签约", 揭牌成立: "揭牌", 开工建设: "开工", 结顶: "封顶", 举办: "举行",
};
const FUTURE = /(将|拟|计划|有望|预计|即将|力争|争取|准备)[^，,。；]{0,3}$/;

function findActions(text: string, from: number, to: number): { action: string; start: number; length: number }[] {
  const out: { action: string; start: number; length: number }[] = [];
  for (let i = from; i < to; ) {
    const a = ACTIONS.find((x) => text.startsWith(x, i) && i + x.length <= to);
    // 发布会, 启动仪式 are nouns.
    const noun = a !== undefined && /^(会|仪式|大会)/.test(text.slice(i + a.length));
    if (a && !noun && !FUTURE.test(text.slice(Math.max(from, i - 4), i))) {
      out.push({ action: CANONICAL_ACTION[a] ?? a, start: i, length: a.length });
      i += a.length;
    } else i++;
  }
  return out;
}

function clauseAround(text: string, pos: number, from: number, to: number): { start: number; end: number } {
  let s = pos;
  while (s > from && !"，,；;：:…".includes(text[s - 1] as string)) s--;
  let e = pos;
  while (e < to && !"，,；;。…".includes(text[e] as string)) e++;
  return { start: s, end: e };
}

// What may follow a year that dates the sentence (2019年以来, 2024年底, 2020年,合肥…, 2019年是…).
const AFTER_SENTENCE_YEAR = /^(?:[^\p{Script=Han}A-Za-z]|以来|起|开始|底|初|末|前|后|内|中|期间|全年|上半年|下半年|至|到|是|的|将|已|在|又|共|就|也|还|由|被|即|再|正式|首次)/u;

/**
 * "5月23日,2024年长三角…年会在…举行": a bare year glued to the name after it (2024年长三角…年会) is part of
 * the name when the sentence has a date of its own, resolved or not; it never dates the event.
 */
function yearInName(text: string, d: DateMatch, all: readonly DateMatch[]): boolean {
  if (d.precision !== "year" || d.endValue !== undefined) return false;
  if (AFTER_SENTENCE_YEAR.test(text.slice(d.end))) return false;
  return all.some((o) => o !== d && (o.value === null || o.precision === "month" || o.precision === "day"));
}

/**
 * Dated events of one paragraph: a resolved date, an action verb after it in the same sentence
 * (批复, 印发, 召开, 开工 …; future tense 将/有望 is skipped) and the plans, projects and organizations
 * of that stretch of the sentence. One milestone per date, plus one per later action whose own clause
 * names an entity (今年6月，…召开…大会，出台了《…》 → 召开 and 出台).
 */
export function findMilestones(text: string, paragraph: number, dates: DateMatch[], entities: EntityMention[]): Milestone[] {
  const out: Milestone[] = [];
  const usable = dates.filter((d) => d.value && d.precision && !text.startsWith("度", d.end));
  // Action words inside names (先行启动区, 发布会) are not actions.
  const names = entities.filter((e) => e.kind !== "date");
  for (const sent of sentences(text)) {
    const all = dates.filter((d) => d.start >= sent.start && d.end <= sent.end);
    const inSent = usable.filter((d) => d.start >= sent.start && d.end <= sent.end && !yearInName(text, d, all));
    inSent.forEach((d, k) => {
      const segStart = k === 0 ? sent.start : (inSent[k - 1] as DateMatch).end;
      const segEnd = k + 1 < inSent.length ? (inSent[k + 1] as DateMatch).start : sent.end;
      // "12月9日，示范区…签约" sets the time of the following clauses; a date inside a clause only of that clause.
      const clauseStart = clauseAround(text, d.start, segStart, segEnd).start;
      const leading =
        /^(以来|起|至今|底|初|中旬|上旬|下旬|前后|期间|上午|下午|晚间)?[,，]/.test(text.slice(d.end)) &&
        text.slice(clauseStart, d.start).replace(/[“”\s]/g, "").length <= 3;
      const own = clauseAround(text, d.start, segStart, segEnd);
      const scope = leading ? { start: clauseStart, end: segEnd } : own;
      const actions = findActions(text, d.end, scope.end).filter((a) => !names.some((e) => e.start <= a.start && e.end > a.start));
      const seen = new Set<string>();
      actions.forEach((a, j) => {
        if (seen.has(a.action)) return;
        const clause = clauseAround(text, a.start, scope.start, scope.end);
        const from = j === 0 ? scope.start : clause.start;
        const to = clause.end;
        const ents = entities.filter((e) => isNamedKind(e.kind) && e.start >= from && e.end <= to).sort((x, y) => x.start - y.start);
        if (j > 0 && (ents.length === 0 || seen.size === 0)) return;
        seen.add(a.action);
        const byId = new Map(ents.map((e) => [e.id, e.name]));
        out.push({
          date: d.value as string,
          precision: d.precision as Milestone["precision"],
          action: a.action,
          event: text.slice(from, Math.max(to, a.start + a.length)).replace(/^[，,。；\s]+|[，,。；\s]+$/g, "").slice(0, 120),
          entities: [...byId.values()],
          entityIds: [...byId.keys()],
          paragraph,
        });
      });
    });
  }
  return out;
}

/**
 * Identity of an event across articles: date + action + the plans/projects it concerns (organizations
 * only when no plan or project is named, since reports differ in which actors they mention).
 */
export function milestoneKey(m: Pick<Milestone, "date" | "action" | "entityIds">): string {
  const objects = m.entityIds.filter((id) => id.startsWith("plan:") || id.startsWith("project:"));
  const ids = (objects.length > 0 ? objects : m.entityIds).slice().sort();
  return `${m.date}|${m.action}|${ids.join(",")}`;
}
