import type { NextConfig } from "next";
// Importing the config validates the environment at build time: a bad env fails the build.
import "./lib/config";

const nextConfig: NextConfig = {
  // meilisearch too: bundled into several chunks, its error classes differed per chunk, so a timeout in one was not
  // recognized (instanceof) by the code of another and answered 500 instead of falling back to SQLite.
  serverExternalPackages: ["better-sqlite3", "@node-rs/jieba", "opencc-js", "meilisearch"],
  poweredByHeader: false,
};

export default nextConfig;
