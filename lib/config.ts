import path from "node:path";
import { z } from "zod";
import { AtlasError } from "./errors";

/** Treat `FOO=` the same as an unset FOO, like t3-env's emptyStringAsUndefined. */
const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

/** A duration in milliseconds, with a default and bounds. */
const ms = (dflt: number, min: number, max: number) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(min).max(max).default(dflt));

const schema = z.object({
  /** All local state: SQLite file, local Meilisearch data, key and pid files. */
  DATA_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default("./data")),
  /** SQLite file; defaults to DATA_DIR/atlas.db. */
  DATABASE_PATH: optional,
  /** External Meilisearch. When unset, a local engine is started under DATA_DIR. */
  MEILI_URL: optional.pipe(z.string().url().optional()),
  MEILI_MASTER_KEY: optional,
  /** A search-only key of the external engine for queries; unset: one is found or created with MEILI_MASTER_KEY. */
  MEILI_SEARCH_KEY: optional,
  /** Path to a meilisearch binary (preferred over PATH and the bundled npm repack). */
  MEILI_BIN: optional,
  /** Prefix for index names, so several datasets can share one external server. */
  MEILI_INDEX_PREFIX: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^[A-Za-z0-9_-]*$/).default("atlas")),
  /** Deadline of every query-path engine call (search, facet search, health checks), ms: past it SQLite answers. */
  MEILI_QUERY_TIMEOUT_MS: ms(1500, 50, 60_000),
  /** Deadline of each other engine request (settings, documents, tasks, keys), ms. */
  MEILI_REQUEST_TIMEOUT_MS: ms(30_000, 100, 600_000),
  /** How long to wait for an indexing task (settings update, document batch, swap) to finish, ms. */
  MEILI_TASK_TIMEOUT_MS: ms(300_000, 1000, 3_600_000),
  /** Search answers kept until the database changes (lib/search/cache.ts); 0 turns the cache off. */
  SEARCH_CACHE_SIZE: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(100_000).default(500)),
  PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(65535).default(3000)),
  /** Address the web app listens on: this machine only unless set (0.0.0.0 or :: for every interface). */
  HOST: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^[A-Za-z0-9.:-]+$/, "a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0").default("127.0.0.1")),
  /** Contact URL (or mailto:) the crawler names in its User-Agent (`kb fetch`, `kb watch`), so a site owner can reach us. */
  CRAWLER_CONTACT: optional.pipe(z.string().regex(/^(https?:\/\/|mailto:)\S+$/, "an http(s):// or mailto: URL").optional()),
  /** Requests to /api/* each client may make per API_RATE_WINDOW_S seconds before a 429 (0: no limit). */
  API_RATE_LIMIT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(1_000_000).default(1200)),
  API_RATE_WINDOW_S: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(86_400).default(60)),
  /** Chromium for Playwright; unset means Playwright's own browser unless /usr/bin/chromium exists. */
  CHROMIUM_PATH: optional,
});

export type Config = z.infer<typeof schema> & { dataDir: string; databasePath: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new AtlasError("config", `Invalid environment configuration (see .env.example):\n${issues}`);
  }
  const c = parsed.data;
  if (c.MEILI_URL && !c.MEILI_MASTER_KEY) {
    throw new AtlasError("config", "Invalid environment configuration: MEILI_URL is set but MEILI_MASTER_KEY is not (see .env.example)");
  }
  // Runtime state, not build input: the ignore comments keep Next.js from tracing the whole project.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ c.DATA_DIR);
  return { ...c, dataDir, databasePath: path.resolve(/*turbopackIgnore: true*/ c.DATABASE_PATH ?? path.join(dataDir, "atlas.db")) };
}

export const config: Config = loadConfig();
