/**
 * The one command a newcomer runs: migrate, ingest the demo corpus into an empty database,
 * start (or reuse) the local search engine and index, build if the sources changed, and serve.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { countArticles } from "@/db/queries/ingest";
import { config } from "@/lib/config";
import { ingestPaths } from "@/lib/ingest/pipeline";
import { syncIndex } from "@/lib/search";
import { getEngine } from "@/lib/search/engine";
import { appUrl, nextBin, nextStartCommand, spawnTree, superviseTree } from "./serve-app";

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
  // The engine the sync used: stopped on the way out when this process started it.
  const engine = await getEngine().catch(() => null);

  if (buildIsStale()) {
    log("building the web app (next build) …");
    const build = spawnSync(process.execPath, [nextBin(), "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const { command, args } = nextStartCommand(config);
  const app = spawnTree(command, args, { env: process.env });
  log(`\nDelta Atlas is starting on ${config.HOST} port ${config.PORT}: open ${appUrl(config)}  (Ctrl-C to stop)\n`);
  const code = await superviseTree(app, {
    log,
    onStopped: async () => {
      if (!engine?.local?.startedHere) return;
      log("stopping the search engine …");
      await engine.local.stop();
    },
  });
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
