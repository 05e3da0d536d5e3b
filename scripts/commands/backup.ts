import type { Command } from "commander";
import { backupDatabase } from "@/db/backup";
import { openDb } from "@/db/client";

export function registerBackup(program: Command) {
  program
    .command("backup")
    .description("copy the database to PATH, consistently, while the app or an ingest keeps running")
    .argument("<path>", "where to write the copy (a single SQLite file)")
    .option("--force", "replace PATH if it exists")
    .option("--json", "print the result as JSON")
    .action(async (dest: string, opts: { force?: boolean; json?: boolean }) => {
      const db = openDb();
      try {
        const r = await backupDatabase({ db, dest, overwrite: !!opts.force });
        if (opts.json) console.log(JSON.stringify(r));
        else console.log(`backup: ${r.path} (${(r.bytes / 1024 / 1024).toFixed(1)} MB, ${r.articles} articles, integrity ok) in ${r.ms} ms`);
      } finally {
        db.$client.close();
      }
    });
}
