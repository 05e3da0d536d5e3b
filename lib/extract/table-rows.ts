/**
 * A row of a progress table flattened to text (沪苏湖铁路上海段 | 松江南站站房主体结构封顶 | 2024年5月): the sentence it
 * stands for, the time cell first (2024年5月,沪苏湖铁路上海段松江南站站房主体结构封顶。), so that milestone extraction reads
 * it as it reads prose. A schedule cell keeps its word (计划2024年12月 → a target). Rows without exactly one time cell (the
 * header, a row of figures) are no sentence.
 */
import { findDates, type PublishedDate } from "./dates";

/** A cell that is only a time: a date, optionally after a schedule word (计划, 预计, 力争, 目标). */
const SCHEDULE_WORD = /^(?:计划|预计|力争|争取|目标|拟)?(?:于|在)?/;

export function tableRowSentence(text: string, pub: PublishedDate): string | null {
  const cells = text.split(/\s*[|｜]\s*/).map((c) => c.trim());
  if (cells.length < 3 || cells.length > 6 || cells.some((c) => c === "" || /[。；;!?！？]/.test(c))) return null;
  const timeCells = cells.filter((c) => {
    const bare = c.replace(SCHEDULE_WORD, "").replace(/(?:前|底前|以前|左右|前后)$/, "").replace(/(?<=年)(?:上半年|下半年|第?[一二三四]季度)$/, "");
    const dates = findDates(bare, pub);
    return dates.length === 1 && dates[0]!.start === 0 && dates[0]!.end === bare.length && !!dates[0]!.value;
  });
  if (timeCells.length !== 1) return null;
  const time = timeCells[0]!;
  return `${time},${cells.filter((c) => c !== time).join("")}。`;
}
