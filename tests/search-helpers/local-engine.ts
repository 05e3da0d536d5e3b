// A test file's own process-wide local Meilisearch: a temporary DATA_DIR (engine data and SQLite file), the search
// fixture ingested and indexed before the tests, the engine stopped and the folder removed after them.
// Call it at the top of the file, before importing anything that reads the configuration.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";

export async function useLocalEngineWithFixture(prefix: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  process.env.DATA_DIR = dir;
  process.env.DATABASE_PATH = "";
  process.env.MEILI_URL = "";
  process.env.MEILI_MASTER_KEY = "";
  const { getDb } = await import("@/db/client");
  const { getEngine } = await import("@/lib/search/engine");
  const { syncIndex } = await import("@/lib/search/index");
  const { loadFixture } = await import("./fixture");
  beforeAll(async () => {
    loadFixture(getDb());
    expect((await syncIndex()).engine).toBe("meilisearch");
  });
  afterAll(async () => {
    const engine = await getEngine().catch(() => null);
    await engine?.local?.stop();
    getDb().$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
