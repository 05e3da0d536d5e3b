import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readArticle } from "@/lib/eval/hygiene";
import { extract, type Milestone } from "@/lib/extract";

/** A composed page (one line a line) through the real cleaner (header and credit lines become metadata), then extraction. */
export function composedPageMilestones(lines: string[]): Milestone[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mspage-"));
  const file = path.join(dir, "page.txt");
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  try {
    return extract(readArticle(file)).milestones;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
