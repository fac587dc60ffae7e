import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config.ts";

const noSecrets = {
  SESSION_SECRET: undefined,
  TOKEN_ENCRYPTION_KEY: undefined,
  TOKEN_ENCRYPTION_KEYS: undefined,
  GOOGLE_CLIENT_ID: undefined,
  GOOGLE_CLIENT_SECRET: undefined,
};

const production = { NODE_ENV: "production", APP_URL: "https://timetap.example" };

describe("configuration", () => {
  it("in production refuses a plain-http APP_URL (loopback aside) and a session secret under 32 bytes", () => {
    expect(() => readConfig({ NODE_ENV: "production" })).toThrow(
      "APP_URL must be set to an https:// address in production.",
    );
    expect(() => readConfig({ NODE_ENV: "production", APP_URL: "http://timetap.example" })).toThrow(
      "APP_URL must be set to an https:// address in production.",
    );
    expect(() =>
      readConfig({ NODE_ENV: "production", APP_URL: "http://127.0.0.1:3210" }),
    ).not.toThrow();
    const short = readConfig({ ...production, SESSION_SECRET: "too-short-secret" });
    expect(() => short.sessionSecret()).toThrow(
      "SESSION_SECRET must be at least 32 bytes in production.",
    );
    const long = "x".repeat(32);
    expect(readConfig({ ...production, SESSION_SECRET: long }).sessionSecret()).toBe(long);
  });

  it("refuses to start in production without an encryption key, a session secret or Google credentials", () => {
    const config = readConfig({ ...noSecrets, ...production });
    expect(() => config.tokenEncryptionKeys()).toThrow(
      "TOKEN_ENCRYPTION_KEY must be set in production.",
    );
    expect(() => config.sessionSecret()).toThrow("SESSION_SECRET must be set in production.");
    expect(() => config.googleSettings()).toThrow(/GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET/);
  });

  it("in development generates a 32-byte key once, private to the user, and reuses it", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "timetap-config-"));
    const config = readConfig({ ...noSecrets, NODE_ENV: "development", TIMETAP_DATA_DIR: dataDir });
    const [key = "", ...more] = config.tokenEncryptionKeys();
    expect(more).toEqual([]);
    expect(Buffer.from(key, "base64")).toHaveLength(32);
    const file = path.join(dataDir, "token_encryption_key");
    expect(readFileSync(file, "utf8")).toBe(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readConfig({ TIMETAP_DATA_DIR: dataDir }).tokenEncryptionKeys()).toEqual([key]);
  });

  it("uses the Google emulator locally and real Google (or GOOGLE_BASE_URL) once credentials are set", () => {
    expect(readConfig({ ...noSecrets, NODE_ENV: "development" }).googleSettings()).toEqual({
      mode: "local-emulator",
    });
    const configured = readConfig({
      NODE_ENV: "production",
      APP_URL: "https://timetap.example",
      GOOGLE_CLIENT_ID: "id",
      GOOGLE_CLIENT_SECRET: "secret",
      GOOGLE_BASE_URL: "",
    });
    expect(configured.googleSettings()).toEqual({
      mode: "configured",
      clientId: "id",
      clientSecret: "secret",
      baseUrl: undefined,
    });
  });

  it("sends mail to the local catcher in development, and needs SMTP_URL in production", () => {
    expect(readConfig({ NODE_ENV: "development", PORT: "3000" }).mailSettings()).toEqual({
      mode: "local-catcher",
      from: "TimeTap <bookings@localhost>",
      smtpPort: 1025,
      inboxPort: 1080,
    });
    expect(() => readConfig(production).mailSettings()).toThrow(
      "SMTP_URL must be set in production.",
    );
    const configured = readConfig({
      ...production,
      SMTP_URL: "smtp://user:pass@mail.example:587",
      EMAIL_FROM: "Bookings <bookings@timetap.example>",
    });
    expect(configured.mailSettings()).toEqual({
      mode: "configured",
      smtpUrl: "smtp://user:pass@mail.example:587",
      from: "Bookings <bookings@timetap.example>",
    });
    expect(() => readConfig({ SMTP_URL: "mail.example" })).toThrow(
      "SMTP_URL must be an smtp:// or smtps:// URL.",
    );
    expect(() => readConfig({ EMAIL_FROM: "TimeTap" })).toThrow(
      "EMAIL_FROM must be an address, or Name <address>.",
    );
  });

  it("pins the clock only to a valid instant given in TIMETAP_CLOCK_START", () => {
    expect(readConfig({ TIMETAP_CLOCK_START: undefined }).clockStart).toBeUndefined();
    const pinned = readConfig({ TIMETAP_CLOCK_START: "2027-02-01T07:00:00Z" });
    expect(pinned.clockStart?.toISOString()).toBe("2027-02-01T07:00:00.000Z");
    expect(() => readConfig({ TIMETAP_CLOCK_START: "next monday" })).toThrow(
      'TIMETAP_CLOCK_START must be an ISO 8601 instant (got "next monday").',
    );
  });

  it("defaults the port, the public URL and the embedded database, treating empty values as unset", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "timetap-config-"));
    const config = readConfig({
      PORT: "",
      APP_URL: "",
      DATABASE_URL: "",
      TIMETAP_DATA_DIR: dataDir,
    });
    expect(config.port).toBe(3000);
    expect(config.appUrl).toBe("http://localhost:3000");
    expect(config.databaseOptions).toEqual({ embedded: path.join(dataDir, "pglite") });
    expect(config.localEmulatorPort).toBe(4010);
    expect(config.inProcessWorker).toBe(true);
    expect(readConfig({ TIMETAP_INPROCESS_WORKER: "false" }).inProcessWorker).toBe(false);
    expect(config.syncConcurrency).toBe(32);
    expect(readConfig({ SYNC_WORKER_CONCURRENCY: "4" }).syncConcurrency).toBe(4);
    expect(config.reconcileIntervalMs).toBe(300_000);
    expect(readConfig({ CALENDAR_RECONCILE_INTERVAL_SECONDS: "60" }).reconcileIntervalMs).toBe(
      60_000,
    );
    expect(config.workerMetricsPort).toBeUndefined();
    expect(readConfig({ WORKER_METRICS_PORT: "9464" }).workerMetricsPort).toBe(9464);
  });

  it("reads a server database, a public URL without its trailing slash and a 32-byte key", () => {
    const config = readConfig({
      PORT: "8080",
      APP_URL: "https://book.example.com/",
      DATABASE_URL: "postgresql://timetap:pw@db:5432/timetap",
      TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
    });
    expect(config.port).toBe(8080);
    expect(config.appUrl).toBe("https://book.example.com");
    expect(config.databaseOptions).toEqual({
      databaseUrl: "postgresql://timetap:pw@db:5432/timetap",
    });
    expect(config.tokenEncryptionKeys()).toEqual(["ab".repeat(32)]);
  });

  it("reads rotated keys newest first, keeping TOKEN_ENCRYPTION_KEY readable as the oldest", () => {
    const [newest, older] = ["cd".repeat(32), Buffer.alloc(32, 7).toString("base64")];
    const both = {
      TOKEN_ENCRYPTION_KEYS: ` ${newest}, ${older} `,
      TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
    };
    expect(readConfig(both).tokenEncryptionKeys()).toEqual([newest, older, "ab".repeat(32)]);
    expect(readConfig({ ...both, TOKEN_ENCRYPTION_KEY: older }).tokenEncryptionKeys()).toEqual([
      newest,
      older,
    ]);
    expect(() =>
      readConfig({ ...production, TOKEN_ENCRYPTION_KEYS: newest }).tokenEncryptionKeys(),
    ).not.toThrow();
  });

  it.each([
    ["PORT", "http", "PORT must be a whole number from 1 to 65535."],
    ["PORT", "70000", "PORT must be a whole number from 1 to 65535."],
    ["GOOGLE_EMULATOR_PORT", "0", "GOOGLE_EMULATOR_PORT must be a whole number from 1 to 65535."],
    [
      "SYNC_WORKER_CONCURRENCY",
      "0",
      "SYNC_WORKER_CONCURRENCY must be a whole number from 1 to 100.",
    ],
    [
      "CALENDAR_RECONCILE_INTERVAL_SECONDS",
      "5",
      "CALENDAR_RECONCILE_INTERVAL_SECONDS must be a whole number of seconds from 30 to 86400.",
    ],
    ["APP_URL", "localhost:3000", "APP_URL must be an http:// or https:// URL."],
    ["GOOGLE_BASE_URL", "emulator", "GOOGLE_BASE_URL must be an http:// or https:// URL."],
    [
      "DATABASE_URL",
      "mysql://root:hunter2@db/timetap",
      "DATABASE_URL must be a postgres:// or postgresql:// URL.",
    ],
    [
      "TOKEN_ENCRYPTION_KEY",
      Buffer.alloc(16).toString("base64"),
      "TOKEN_ENCRYPTION_KEY must be 32 bytes, given as base64 or 64 hex digits.",
    ],
    [
      "TOKEN_ENCRYPTION_KEYS",
      `${"ab".repeat(32)},short`,
      "TOKEN_ENCRYPTION_KEYS must list 32-byte keys, newest first, separated by commas; each given as base64 or 64 hex digits.",
    ],
  ])("refuses an invalid %s in one line naming it", (name, value, message) => {
    expect(() => readConfig({ [name]: value })).toThrow(
      expect.objectContaining({ name: "ConfigError", message }),
    );
  });

  it("names every invalid variable in the one line, never echoing a database password", () => {
    expect(() =>
      readConfig({ PORT: "x", DATABASE_URL: "mysql://root:hunter2@db/timetap" }),
    ).toThrow(
      new ConfigError(
        "PORT must be a whole number from 1 to 65535. DATABASE_URL must be a postgres:// or postgresql:// URL.",
      ),
    );
  });
});
