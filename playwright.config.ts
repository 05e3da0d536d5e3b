import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * One fixture per run, shared by the main process and the workers through the environment
 * (workers inherit process.env, so they see the same DATA_DIR and port).
 */
if (!process.env.E2E_DATA_DIR) process.env.E2E_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "delta-atlas-e2e-"));
if (!process.env.E2E_PORT) {
  // A free port, found synchronously (the config must be synchronous).
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  process.env.E2E_PORT = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim();
}
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

const systemChromium = "/usr/bin/chromium";
const executablePath = process.env.CHROMIUM_PATH || (fs.existsSync(systemChromium) ? systemChromium : undefined);

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e/artifacts/test-results",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { outputFolder: "./e2e/artifacts/report", open: "never" }]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "zh-CN",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  /*
   * Playwright starts the webServer BEFORE globalSetup (runner: plugin setup tasks precede global
   * setups), so the server command builds the fixture itself: e2e/serve-fixture.ts ingests content/
   * into E2E_DATA_DIR with the real pipeline (which also indexes into a fresh local Meilisearch),
   * runs `next build` and then `next start` on 127.0.0.1:E2E_PORT (the default HOST) with that DATA_DIR.
   * globalSetup then checks the fixture is sound before any test runs.
   */
  webServer: {
    command: "npx tsx e2e/serve-fixture.ts",
    url: `${baseURL}/timeline`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    // HOST empty: the default listen address, whatever the developer's shell sets (e2e/serve.spec.ts checks it).
    env: { DATA_DIR: process.env.E2E_DATA_DIR, PORT: String(port), HOST: "", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
