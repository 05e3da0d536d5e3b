/**
 * The one command a newcomer runs: migrate, ingest the demo corpus into an empty database,
 * start (or reuse) the local search engine and index, build if the sources changed, and serve.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { countArticles } from "@/db/queries/ingest";
import { config } from "@/lib/config";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { syncIndex } from "@/lib/search";

const log = (m: string) => console.error(m);
const SOURCES = ["app", "components", "lib", "db", "next.config.ts", "package.json", "tsconfig.json"];

function newestMtime(p: string): number {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

function buildIsStale(): boolean {
  const buildId = fs.statSync(".next/BUILD_ID", { throwIfNoEntry: false });
  return !buildId || Math.max(...SOURCES.map(newestMtime)) > buildId.mtimeMs;
}

// Nothing leaves this machine: Next.js telemetry stays off unless the user turned it on.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

async function main() {
  const db = getDb();
  log(`database: ${config.databasePath}`);
  if (countArticles({ db }) === 0) {
    log("database is empty: ingesting the demo corpus in content/ …");
    const summary = ingestPaths({ db, paths: ["content"], onProgress: (done, total) => done === total && log(`ingested ${total} files`) });
    log(`new ${summary.counts.new}, duplicate ${summary.counts.duplicate}, failed ${summary.counts.failed}`);
  }
  const sync = await syncIndex({ log });
  log(`search index: ${JSON.stringify(sync)}`);

  if (buildIsStale()) {
    log("building the web app (next build) …");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const port = String(config.PORT);
  const server = spawn("npx", ["next", "start", "-p", port], { stdio: ["ignore", "inherit", "inherit"], env: process.env });
  log(`\nDelta Atlas is starting: open http://localhost:${port}  (Ctrl-C to stop)\n`);
  const stop = () => server.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
