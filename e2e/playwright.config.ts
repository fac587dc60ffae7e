import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
// Overridable so that several checkouts can run their e2e suites side by side.
const appPort = Number(process.env.E2E_APP_PORT ?? 3210);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4210);
export const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2510);
const inboxPort = Number(process.env.E2E_INBOX_PORT ?? 2511);
/** The mail catcher's inbox and control API (`/__control/messages`). */
export const inboxUrl = `http://127.0.0.1:${inboxPort}`;
// A data directory of its own, so e2e runs never touch (or depend on) a developer's `.data/`.
// One per app port, so two runs side by side never share (or delete) each other's database.
const dataDir = path.join(here, ".cache", `data-${appPort}`);
const appEnv = {
  NODE_ENV: "production",
  PORT: String(appPort),
  APP_URL: `http://127.0.0.1:${appPort}`,
  TIMETAP_DATA_DIR: dataDir,
  SESSION_SECRET: "e2e-session-secret-at-least-32-bytes-long",
  TOKEN_ENCRYPTION_KEY: "ZTJlLXRva2VuLWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=",
  GOOGLE_CLIENT_ID: "timetap-e2e",
  GOOGLE_CLIENT_SECRET: "timetap-e2e-secret",
  GOOGLE_BASE_URL: emulatorUrl,
  // Production needs a mail server: the catcher, reached over real SMTP.
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  EMAIL_FROM: "TimeTap <bookings@timetap.e2e>",
  METRICS_TOKEN: "e2e-metrics-token-0123456789",
  // Every run sees the same week: Monday 08:00 in the demo host's Berlin, whatever day it runs on
  // (set E2E_CLOCK_START to try another instant).
  TIMETAP_CLOCK_START: process.env.E2E_CLOCK_START ?? "2027-02-01T07:00:00Z",
  // Every spec books and browses from 127.0.0.1; the abuse limits are proven by the API's tests.
  RATE_LIMIT_BOOKING_CHANGES_PER_IP: "1000/1h",
  RATE_LIMIT_SLOTS_PER_IP: "10000/1m",
  // The specs sign hosts in well over 20 times within 15 minutes, all from 127.0.0.1.
  RATE_LIMIT_SIGN_IN_PER_IP: "1000/15m",
};

export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: this machine cannot download Playwright's browsers.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: `pnpm --filter @timetap/google-emulator start --port ${emulatorPort}`,
      cwd: repoRoot,
      url: `${emulatorUrl}/__control/requests`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: `pnpm --filter @timetap/email catcher --smtp-port ${smtpPort} --inbox-port ${inboxPort}`,
      cwd: repoRoot,
      url: `${inboxUrl}/__control/messages`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: `rm -rf "${dataDir}" && pnpm --filter @timetap/web build && pnpm --filter @timetap/db seed && pnpm --filter @timetap/web exec tsx scripts/connect-demo-calendar.ts && pnpm --filter @timetap/web start`,
      cwd: repoRoot,
      url: `http://127.0.0.1:${appPort}/api/trpc/health.check`,
      env: appEnv,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});
