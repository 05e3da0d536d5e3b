/** Entity kinds as readers call them. */
export const KIND_LABELS: Record<string, string> = {
  plan: "规划文件",
  project: "项目",
  organization: "机构",
  region: "地区",
  date: "日期",
  figure: "数据",
};

/** The page of an entity: `/entities/plan/<slug>`. Dates have no page. */
export function entityHref(e: { kind: string; slug: string }): string | null {
  if (e.kind === "date") return null;
  return `/entities/${e.kind}/${encodeURIComponent(e.slug)}`;
}

/** Region levels as readers call them (the gazetteer stores English level names). */
export const REGION_TYPE_LABELS: Record<string, string> = {
  province: "省级",
  city: "地级市",
  district: "市辖区",
  county: "县 / 县级市",
  town: "镇",
  zone: "功能区",
};
