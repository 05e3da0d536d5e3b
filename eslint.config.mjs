import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "data/", "db/migrations/", "test-results/", "playwright-report/", "e2e/artifacts/", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["better-sqlite3", "drizzle-orm", "drizzle-orm/*"], message: "UI code calls db/queries, never SQLite directly." },
          { group: ["meilisearch"], message: "UI code calls lib/search, never Meilisearch directly." },
        ],
      }],
    },
  },
);
