import path from "node:path";
import Database from "better-sqlite3";

/**
 * Runs after the webServer is up (Playwright starts it first): checks that the fixture database the
 * server was started on really holds the demo corpus, so a broken pipeline fails loudly here.
 */
export default function globalSetup() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the e2e tests through playwright.config.ts");
  const db = new Database(path.join(dataDir, "atlas.db"), { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const articles = count("select count(*) as n from articles");
    const entities = count("select count(*) as n from entities");
    if (articles === 0) throw new Error(`fixture database in ${dataDir} has no articles: did \`kb ingest content\` fail?`);
    if (count("select count(*) as n from articles where duplicate_of is not null") === 0) {
      throw new Error(`fixture database in ${dataDir} has no near-duplicate: the reprint in e2e/fixtures/ was not linked to its twin`);
    }
    console.log(`[e2e] fixture: ${articles} articles, ${entities} entities, ${count("select count(*) as n from milestones")} milestones`);
  } finally {
    db.close();
  }
}
