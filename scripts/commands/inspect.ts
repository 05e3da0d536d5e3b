import type { Command } from "commander";
import { analyzeFile } from "@/lib/ingest/pipeline";
import { scoreRelevance } from "@/lib/extract/relevance";

export function registerInspect(program: Command) {
  program
    .command("inspect")
    .description("print, as JSON, what the pipeline makes of one page (the database is not touched)")
    .argument("<file>", "an .html, .htm or .txt page")
    .action((file: string) => {
      const { cleaned, extraction } = analyzeFile(file);
      // Everything the cleaner made (title, dates with precision, site, source, author, url, paragraphs,
      // the original text) and everything extracted from it; per-paragraph originals are for the store only.
      const { originalParagraphs: _perParagraph, ...article } = cleaned;
      // The relevance score with its signals and the word-spun check (what ingest stores as relevance / low_quality).
      const relevance = scoreRelevance({ title: cleaned.title, paragraphs: cleaned.paragraphs, entities: extraction.entities });
      const out = { ...article, ...extraction, relevance };
      console.log(JSON.stringify(out, null, 2));
    });
}
