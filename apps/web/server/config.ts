import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The only module of the web app that reads the environment. */
const env = process.env;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Local state: the embedded database and development secrets. `.data/` unless TIMETAP_DATA_DIR. */
export const localDataDir = path.resolve(env.TIMETAP_DATA_DIR ?? path.join(repoRoot, ".data"));
export const embeddedDatabaseDir = path.join(localDataDir, "pglite");

export const isProduction = env.NODE_ENV === "production";
export const port = Number(env.PORT ?? 3000);
export const appUrl = (env.APP_URL ?? `http://localhost:${port}`).replace(/\/$/, "");
export const databaseUrl = env.DATABASE_URL || undefined;
/** What createDb opens: the server in DATABASE_URL, else the embedded database. */
export const databaseOptions = databaseUrl ? { databaseUrl } : { embedded: embeddedDatabaseDir };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * A secret from the environment; in development, one generated once and kept under `.data/` so a
 * newcomer needs no setup. Production refuses to start without it.
 */
export function secret(
  name: "SESSION_SECRET" | "TOKEN_ENCRYPTION_KEY",
  generate: () => string,
): string {
  const value = env[name];
  if (value) return value;
  if (isProduction) throw new ConfigError(`${name} must be set in production.`);
  const file = path.join(localDataDir, name.toLowerCase());
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(localDataDir, { recursive: true });
  const generated = generate();
  writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}

export const sessionSecret = () =>
  secret("SESSION_SECRET", () => randomBytes(32).toString("base64url"));
export const tokenEncryptionKey = () =>
  secret("TOKEN_ENCRYPTION_KEY", () => randomBytes(32).toString("base64"));

/**
 * Google settings. Without client credentials (and outside production) TimeTap runs its own Google
 * emulator, so the default local run needs no Google account.
 */
export function googleSettings():
  | { mode: "configured"; clientId: string; clientSecret: string; baseUrl?: string }
  | { mode: "local-emulator" } {
  const clientId = env.GOOGLE_CLIENT_ID;
  const clientSecret = env.GOOGLE_CLIENT_SECRET;
  if (clientId && clientSecret) {
    return {
      mode: "configured",
      clientId,
      clientSecret,
      baseUrl: env.GOOGLE_BASE_URL || undefined,
    };
  }
  if (isProduction) {
    throw new ConfigError("GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set in production.");
  }
  return { mode: "local-emulator" };
}

export const localEmulatorPort = Number(env.GOOGLE_EMULATOR_PORT ?? 4010);

/** GOOGLE_BASE_URL when it points at an emulator (setup scripts only; never Google itself). */
export function googleBaseUrlForEmulator(): string {
  const baseUrl = env.GOOGLE_BASE_URL;
  if (!baseUrl) throw new ConfigError("GOOGLE_BASE_URL must point at the Google emulator.");
  return baseUrl;
}

/**
 * TIMETAP_CLOCK_START pins the app's clock to an instant at start (it then runs at real speed), so
 * end-to-end runs see the same weekday and hour whatever day they run. For tests only.
 */
export function clockStart(): Date | undefined {
  const value = env.TIMETAP_CLOCK_START;
  if (!value) return undefined;
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) {
    throw new ConfigError(`TIMETAP_CLOCK_START must be an ISO 8601 instant (got "${value}").`);
  }
  return start;
}

/** Set TIMETAP_INPROCESS_WORKER=false when `pnpm worker` processes do the calendar syncing. */
export const inProcessWorker = env.TIMETAP_INPROCESS_WORKER !== "false";
