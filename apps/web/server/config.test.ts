import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import("./config.ts");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const noSecrets = {
  SESSION_SECRET: undefined,
  TOKEN_ENCRYPTION_KEY: undefined,
  GOOGLE_CLIENT_ID: undefined,
  GOOGLE_CLIENT_SECRET: undefined,
};

describe("configuration", () => {
  it("refuses to start in production without an encryption key, a session secret or Google credentials", async () => {
    const config = await loadConfig({ ...noSecrets, NODE_ENV: "production" });
    expect(() => config.tokenEncryptionKey()).toThrow(
      "TOKEN_ENCRYPTION_KEY must be set in production.",
    );
    expect(() => config.sessionSecret()).toThrow("SESSION_SECRET must be set in production.");
    expect(() => config.googleSettings()).toThrow(/GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET/);
  });

  it("in development generates a 32-byte key once, private to the user, and reuses it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "timetap-config-"));
    const config = await loadConfig({
      ...noSecrets,
      NODE_ENV: "development",
      TIMETAP_DATA_DIR: dataDir,
    });
    const key = config.tokenEncryptionKey();
    expect(Buffer.from(key, "base64")).toHaveLength(32);
    const file = path.join(dataDir, "token_encryption_key");
    expect(readFileSync(file, "utf8")).toBe(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await loadConfig({ TIMETAP_DATA_DIR: dataDir })).tokenEncryptionKey()).toBe(key);
  });

  it("uses the Google emulator locally and real Google (or GOOGLE_BASE_URL) once credentials are set", async () => {
    expect((await loadConfig({ ...noSecrets, NODE_ENV: "development" })).googleSettings()).toEqual({
      mode: "local-emulator",
    });
    const configured = await loadConfig({
      NODE_ENV: "production",
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

  it("pins the clock only to a valid instant given in TIMETAP_CLOCK_START", async () => {
    expect((await loadConfig({ TIMETAP_CLOCK_START: undefined })).clockStart()).toBeUndefined();
    const pinned = await loadConfig({ TIMETAP_CLOCK_START: "2027-02-01T07:00:00Z" });
    expect(pinned.clockStart()?.toISOString()).toBe("2027-02-01T07:00:00.000Z");
    const bad = await loadConfig({ TIMETAP_CLOCK_START: "next monday" });
    expect(() => bad.clockStart()).toThrow(
      'TIMETAP_CLOCK_START must be an ISO 8601 instant (got "next monday").',
    );
  });
});
