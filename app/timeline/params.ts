import { z } from "zod";
import type { TimelineFilter } from "@/db/queries/timeline";

const dateBound = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "日期格式应为 YYYY、YYYY-MM 或 YYYY-MM-DD");
const blankToUndefined = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The timeline's URL state: `?region=&topic=&plan=&from=&to=` (shared by the page and /api/timeline). */
export const timelineParamsSchema = z.object({
  region: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  topic: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  plan: z.preprocess(blankToUndefined, z.string().max(400).optional()),
  from: z.preprocess(blankToUndefined, dateBound.optional()),
  to: z.preprocess(blankToUndefined, dateBound.optional()),
  format: z.preprocess(blankToUndefined, z.enum(["json", "csv"]).optional()),
});

export type TimelineParams = z.infer<typeof timelineParamsSchema>;

export function toFilter(p: TimelineParams): TimelineFilter {
  return { region: p.region, topic: p.topic, plan: p.plan, from: p.from, to: p.to };
}

/** A timeline URL from the current params with some changed (undefined/"" removes a param). */
export function timelineHref(current: TimelineParams, patch: Partial<Record<keyof TimelineFilter, string | undefined>>): string {
  const next = { ...toFilter(current), ...patch };
  const qs = new URLSearchParams();
  for (const key of ["region", "topic", "plan", "from", "to"] as const) {
    const v = next[key];
    if (v) qs.set(key, v);
  }
  const s = qs.toString();
  return s ? `/timeline?${s}` : "/timeline";
}
