import type { Command } from "commander";
import { analyzeFile } from "@/lib/ingest/pipeline";

export function registerInspect(program: Command) {
  program
    .command("inspect")
    .description("print, as JSON, what the pipeline makes of one page (the database is not touched)")
    .argument("<file>", "an .html, .htm or .txt page")
    .action((file: string) => {
      const { cleaned, extraction } = analyzeFile(file);
      const out = {
        title: cleaned.title,
        published: cleaned.published,
        publishedPrecision: cleaned.publishedPrecision,
        publishedText: cleaned.publishedText,
        site: cleaned.site,
        source: cleaned.source,
        author: cleaned.author,
        editor: cleaned.editor,
        url: cleaned.url,
        encoding: cleaned.encoding,
        paragraphs: cleaned.paragraphs,
        original: cleaned.original,
        ...extraction,
      };
      console.log(JSON.stringify(out, null, 2));
    });
}
