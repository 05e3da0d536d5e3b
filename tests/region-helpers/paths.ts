// Shared by the region class tests: the region paths a text yields, and one test per composed sentence.
import { expect, it } from "vitest";
import { findRegions, regionById } from "@/lib/extract/regions";

/** The distinct region paths of a text's mentions (contextual ones left out), e.g. ["浙江>嘉兴>嘉善"]. */
export const paths = (text: string) => [...new Set(findRegions(text).filter((m) => !m.contextual).map((m) => regionById(m.id)?.path.join(">")))];

/** One test per composed sentence: its region paths. */
export const cases = (rows: [string, string[]][]) =>
  it.each(rows)("%s → %j", (text, expected) => {
    expect(paths(text)).toEqual(expected);
  });
