import type { Command } from "commander";

export function registerIndex(program: Command) {
  program
    .command("index")
    .description("sync SQLite → the search index (only changed and deleted articles) and the SQLite fallback")
    .option("--rebuild", "build a fresh index under a temporary name and swap it in")
    .option("--json", "print a machine-readable summary on stdout")
    .action(async (opts: { rebuild?: boolean; json?: boolean }) => {
      const log = opts.json ? () => {} : (m: string) => console.error(m);
      const { syncIndex } = await import("@/lib/search"); // not loaded by the other commands
      const result = await syncIndex({ rebuild: opts.rebuild, log });
      if (opts.json) {
        console.log(JSON.stringify(result, null, 2));
      } else {
        const where = result.engine ? `Meilisearch index ${result.indexName}` : "SQLite fallback only (Meilisearch unavailable)";
        console.log(
          `${where}: ${result.articles} articles; sent ${result.sent}, deleted ${result.deleted}, unchanged ${result.unchanged}` +
            `${result.settingsUpdated ? ", settings updated" : ""}; fallback sent ${result.fallback.sent}, deleted ${result.fallback.deleted}; ${(result.ms / 1000).toFixed(1)} s`,
        );
        if (result.engineError) console.error(`Meilisearch: ${result.engineError}`);
      }
      if (!result.engine) process.exitCode = 2;
    });
}
