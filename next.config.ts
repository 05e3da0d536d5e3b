import type { NextConfig } from "next";
// Importing the config validates the environment at build time: a bad env fails the build.
import "./lib/config";

const nextConfig: NextConfig = {
  serverExternalPackages: ["better-sqlite3", "@node-rs/jieba", "opencc-js"],
  poweredByHeader: false,
};

export default nextConfig;
