import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * Browser tests against the production server. The web server is `npm start`'s own script (set up the database,
 * build when needed, serve), so these tests also prove the quick start; CI starts it beforehand and it is reused.
 */
export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.e2e.ts",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: "./test-results",
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: chromiumLaunchOptions,
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `node scripts/start.mjs`,
    url: `http://127.0.0.1:${port}/api/documents`,
    reuseExistingServer: true,
    timeout: 300_000,
    env: { PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
  },
});
