import type { Command } from "commander";
import { analyzeFile } from "@/lib/ingest/pipeline";

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
      const out = { ...article, ...extraction };
      console.log(JSON.stringify(out, null, 2));
    });
}
