import type { Command } from "commander";

export function registerInspect(program: Command) {
  program
    .command("inspect")
    .description("print, as JSON, what the pipeline makes of one page (the database is not touched)")
    .argument("<file>", "an .html, .htm or .txt page")
    .option("--explain", "also list every line the cleaner dropped, with the id of the rule that dropped it (dropped, droppedByRule)")
    .action(async (file: string, opts: { explain?: boolean }) => {
      // Loaded here, not with the CLI: `kb ingest` runs in the same process and never needs the cleaner in its main thread.
      const { analyzeFile } = await import("@/lib/ingest/analyze");
      const { scoreRelevance } = await import("@/lib/extract/relevance");
      const { cleaned, extraction } = analyzeFile(file, { explain: opts.explain });
      // Everything the cleaner made (title, dates with precision, site, source, author, url, paragraphs,
      // the original text) and everything extracted from it; per-paragraph originals are for the store only.
      const { originalParagraphs: _perParagraph, dropped, ...article } = cleaned;
      // The relevance score with its signals and the word-spun check (what ingest stores as relevance / low_quality).
      const relevance = scoreRelevance({ title: cleaned.title, paragraphs: cleaned.paragraphs, entities: extraction.entities });
      const out = { ...article, ...extraction, relevance, ...(dropped ? { dropped, droppedByRule: countByRule(dropped) } : {}) };
      console.log(JSON.stringify(out, null, 2));
    });
}

/** How many lines each rule dropped, most first. */
function countByRule(dropped: { rule: string }[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const d of dropped) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}
