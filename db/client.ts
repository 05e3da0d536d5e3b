import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { config } from "../lib/config";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// Resolved from the project root: Next.js bundles this module, so import.meta.url would not point here.
const migrationsFolder = path.resolve(process.cwd(), "db/migrations");

/** Open (and migrate) a database file. Tests pass their own path; the app uses `getDb()`. */
export function openDb(file: string = config.databasePath): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: process.env.ATLAS_MIGRATIONS_DIR ?? migrationsFolder });
  return db;
}

const cache = globalThis as unknown as { __atlasDb?: Db };

/** The process-wide database (cached on globalThis so Next.js dev reloads reuse it). */
export function getDb(): Db {
  cache.__atlasDb ??= openDb();
  return cache.__atlasDb;
}
