/**
 * Milestone actions and statuses: the one taxonomy every layer uses (extraction, schema, timeline filter,
 * display, evaluation). Each action has a Chinese label and the verbs that spell it; a verb belongs to one
 * action only, so two reports of one event share the action whatever verb they use.
 */
export const MILESTONE_STATUSES = ["done", "planned"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = { done: "已发生", planned: "目标·计划" };

export interface ActionDef {
  id: string;
  /** Chinese label shown on the timeline. */
  label: string;
  /** Verbs (and fixed phrases) that mean this action, longest first when matched. */
  verbs: readonly string[];
  /**
   * How specific the action is: when one event is told with two verbs (开工仪式举行, 宣布…正式启动,
   * 揭牌…标志着…成立), the higher rank names it. Concrete outcomes 3, launches 2, 完成 1, announcements and
   * ceremonies held 0.
   */
  rank: number;
}

export const MILESTONE_ACTIONS: readonly ActionDef[] = [
  { id: "批复", label: "批复", verbs: ["批复", "获批", "批准", "获国务院批复"], rank: 3 },
  { id: "印发", label: "印发", verbs: ["印发", "出台", "颁布", "下发", "编印", "联合印发"], rank: 3 },
  { id: "发布", label: "发布", verbs: ["正式发布", "发布", "公布", "公示", "推出"], rank: 3 },
  { id: "通过", label: "审议通过", verbs: ["审议通过", "表决通过", "获得通过", "作出"], rank: 3 },
  { id: "签署", label: "签署", verbs: ["正式签约", "签署", "签订", "签约"], rank: 3 },
  { id: "开工", label: "开工", verbs: ["开工建设", "破土动工", "开工", "动工", "开建", "奠基"], rank: 3 },
  { id: "封顶", label: "封顶", verbs: ["结构封顶", "封顶", "结顶"], rank: 3 },
  { id: "贯通", label: "贯通", verbs: ["全线贯通", "贯通", "合龙"], rank: 3 },
  { id: "竣工", label: "竣工", verbs: ["竣工验收", "竣工", "完工"], rank: 3 },
  { id: "建成", label: "建成", verbs: ["建成投用", "建成启用", "建成投运", "建成通车", "建设成为", "建成", "落成"], rank: 3 },
  { id: "开通", label: "开通/通车", verbs: ["开通", "通车", "开行", "通航"], rank: 3 },
  { id: "投用", label: "投用", verbs: ["投入使用", "投入运营", "投用", "投运", "投产", "开业", "启用", "正式运营", "开园", "开馆", "对外开放"], rank: 3 },
  { id: "揭牌", label: "揭牌", verbs: ["揭牌成立", "挂牌成立", "揭牌", "挂牌", "授牌", "揭幕"], rank: 3 },
  { id: "成立", label: "成立", verbs: ["成立", "设立", "组建", "组成", "建立", "增设", "升格为"], rank: 3 },
  { id: "上线", label: "上线", verbs: ["上线"], rank: 3 },
  { id: "实施", label: "实施", verbs: ["施行", "实施", "生效"], rank: 3 },
  { id: "纳入", label: "纳入/划入", verbs: ["纳入", "划入", "列入", "加入", "扩容至", "扩展至", "写入", "吸纳"], rank: 3 },
  { id: "启动", label: "启动", verbs: ["启动", "发起", "起步"], rank: 2 },
  { id: "完成", label: "完成", verbs: ["完成"], rank: 1 },
  { id: "举行", label: "召开/举行", verbs: ["召开", "举行", "举办", "开幕"], rank: 0 },
  { id: "宣布", label: "宣布", verbs: ["宣布"], rank: 0 },
];

const BY_ID = new Map(MILESTONE_ACTIONS.map((a) => [a.id, a]));
const BY_VERB = new Map(MILESTONE_ACTIONS.flatMap((a) => a.verbs.map((v) => [v, a] as const)));
/** Every verb of the taxonomy, longest first (a longer phrase wins at the same position). */
export const ACTION_VERBS: readonly string[] = [...BY_VERB.keys()].sort((a, b) => b.length - a.length);

/** The action a verb (or an action id, or an old stored spelling like 召开, 签约, 公布) stands for; null if none. */
export function actionOf(verb: string): ActionDef | null {
  return BY_ID.get(verb) ?? BY_VERB.get(verb) ?? null;
}

/** Canonical action id of a verb or id; the input itself when the taxonomy does not know it. */
export function canonicalAction(verb: string): string {
  return actionOf(verb)?.id ?? verb;
}

/** Chinese label of an action id. */
export function actionLabel(id: string): string {
  return actionOf(id)?.label ?? id;
}

export function actionRank(id: string): number {
  return actionOf(id)?.rank ?? 0;
}

/** Planned milestones meet their target when a later-or-equal done event has the same action or a completing one. */
const COMPLETES: Record<string, readonly string[]> = {
  开工: ["开工"],
  建成: ["建成", "竣工", "开通", "投用"],
  竣工: ["竣工", "建成", "开通", "投用"],
  开通: ["开通", "投用"],
  投用: ["投用", "开通"],
  实施: ["实施"],
};

/** True when a done event of action `done` fulfils a target of action `planned`. */
export function fulfils(planned: string, done: string): boolean {
  return (COMPLETES[planned] ?? [planned]).includes(done);
}

/** The parts of a milestone a target check needs. */
export interface TargetLike {
  id: string;
  date: string | null;
  action: string;
  status: MilestoneStatus;
  subjectId: string | null;
}

export interface TargetOutcome<T extends TargetLike> {
  target: T;
  /** The earliest done event about the same subject that fulfils it, or null. */
  metBy: T | null;
  /** Met after its deadline (compared at the coarser precision). */
  late: boolean;
}

/**
 * An entity's targets and whether a done event met them: a planned milestone is met by a done one about
 * the same subject entity whose action fulfils it (建成 by 建成, 竣工, 开通 or 投用). Targets without a
 * subject entity cannot be checked and stay open.
 */
export function targetOutcomes<T extends TargetLike>(items: readonly T[]): TargetOutcome<T>[] {
  const done = items.filter((m) => m.status === "done" && m.date).sort((a, b) => (a.date as string).localeCompare(b.date as string));
  return items
    .filter((m) => m.status === "planned")
    .map((target) => {
      const metBy = target.subjectId ? (done.find((d) => d.subjectId === target.subjectId && fulfils(target.action, d.action)) ?? null) : null;
      const late = !!(metBy?.date && target.date) && (metBy.date as string).slice(0, Math.min(metBy.date!.length, target.date!.length)) > target.date!.slice(0, Math.min(metBy.date!.length, target.date!.length));
      return { target, metBy, late };
    });
}
