import { defineConfig } from "@playwright/test";

/**
 * The console's journeys in headless Chromium against a running suite (./run, or the e2e module's suite in
 * ./mvnw verify, through ConsoleJourneysE2eTest). Debian's Chromium, never a downloaded browser.
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "target/playwright/results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["junit", { outputFile: "target/playwright/junit.xml" }]],
  use: {
    baseURL: process.env.CONSOLE_BASE_URL ?? "http://localhost:8080/console/",
    locale: "en-GB",
    viewport: { width: 1280, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_BINARY ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
