import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { defaultRateLimits, rateLimitKinds, type RateLimitSettings } from "@timetap/api";
import { envSchema, rateLimitVariable } from "./env-schema.ts";
import { localSecret } from "./local-secret.ts";

export class ConfigError extends Error {
  override name = "ConfigError";
}

export type Config = ReturnType<typeof readConfig>;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The process's configuration, from the environment (the only place the web app reads it). A
 * missing or invalid variable is a ConfigError whose one line names it. Secrets and Google
 * settings are functions: each process asks only for what it uses, and production refuses to go
 * on without them only then.
 */
export function readConfig(environment: Record<string, string | undefined> = process.env) {
  const env = parseEnv(environment);
  const isProduction = env.NODE_ENV === "production";
  if (isProduction) requireSecureAppUrl(env.APP_URL);
  const dataDir = path.resolve(env.TIMETAP_DATA_DIR ?? path.join(repoRoot, ".data"));

  /** A secret from the environment; in development, one generated under the data dir. */
  function secret(name: "SESSION_SECRET" | "TOKEN_ENCRYPTION_KEY", generate: () => string) {
    const value = env[name];
    if (value) {
      if (isProduction && name === "SESSION_SECRET" && Buffer.byteLength(value) < 32)
        throw new ConfigError("SESSION_SECRET must be at least 32 bytes in production.");
      return value;
    }
    if (isProduction) throw new ConfigError(`${name} must be set in production.`);
    return localSecret(dataDir, name, generate);
  }

  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  return {
    isProduction,
    port: env.PORT,
    appUrl,
    databaseUrl: env.DATABASE_URL,
    /** What createDb opens: the server in DATABASE_URL, else the embedded database. */
    databaseOptions: env.DATABASE_URL
      ? { databaseUrl: env.DATABASE_URL }
      : { embedded: path.join(dataDir, "pglite") },
    localEmulatorPort: env.GOOGLE_EMULATOR_PORT,
    inProcessWorker: env.TIMETAP_INPROCESS_WORKER,
    syncConcurrency: env.SYNC_WORKER_CONCURRENCY,
    reconcileIntervalMs: env.CALENDAR_RECONCILE_INTERVAL_SECONDS * 1000,
    clockStart: env.TIMETAP_CLOCK_START,
    trustProxy: env.TRUST_PROXY,
    metricsToken: env.METRICS_TOKEN,
    workerMetricsPort: env.WORKER_METRICS_PORT,
    rateLimits: Object.fromEntries(
      rateLimitKinds.map((kind) => [
        kind,
        // The schema spreads these variables in by name, which TypeScript cannot follow.
        (env as Record<string, unknown>)[rateLimitVariable(kind)] ?? defaultRateLimits[kind],
      ]),
    ) as RateLimitSettings,
    sessionSecret: () => secret("SESSION_SECRET", () => randomBytes(32).toString("base64url")),
    /**
     * Newest first: TOKEN_ENCRYPTION_KEYS, then TOKEN_ENCRYPTION_KEY (a one-key setup, or the key
     * being rotated away from) unless already listed.
     */
    tokenEncryptionKeys: (): string[] => {
      const listed = env.TOKEN_ENCRYPTION_KEYS ?? [];
      if (listed.length === 0)
        return [secret("TOKEN_ENCRYPTION_KEY", () => randomBytes(32).toString("base64"))];
      const single = env.TOKEN_ENCRYPTION_KEY;
      return single && !listed.includes(single) ? [...listed, single] : listed;
    },
    /**
     * Without client credentials (and outside production) TimeTap runs its own Google emulator,
     * so the default local run needs no Google account.
     */
    googleSettings: () => {
      const { GOOGLE_CLIENT_ID: clientId, GOOGLE_CLIENT_SECRET: clientSecret } = env;
      if (clientId && clientSecret) {
        return {
          mode: "configured" as const,
          clientId,
          clientSecret,
          baseUrl: env.GOOGLE_BASE_URL,
        };
      }
      if (isProduction) {
        throw new ConfigError(
          "GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set in production.",
        );
      }
      return { mode: "local-emulator" as const };
    },
    /**
     * Where TimeTap's emails go: the SMTP server in SMTP_URL, or (outside production, where it is
     * required) the mail catcher the web server starts on loopback.
     */
    mailSettings: () => {
      const from = env.EMAIL_FROM ?? `TimeTap <bookings@${new URL(appUrl).hostname}>`;
      if (env.SMTP_URL) return { mode: "configured" as const, smtpUrl: env.SMTP_URL, from };
      if (isProduction) throw new ConfigError("SMTP_URL must be set in production.");
      return {
        mode: "local-catcher" as const,
        from,
        smtpPort: env.MAIL_CATCHER_SMTP_PORT,
        inboxPort: env.MAIL_CATCHER_INBOX_PORT,
      };
    },
    /** GOOGLE_BASE_URL when it points at an emulator (setup scripts only; never Google itself). */
    googleBaseUrlForEmulator: (): string => {
      if (!env.GOOGLE_BASE_URL) {
        throw new ConfigError("GOOGLE_BASE_URL must point at the Google emulator.");
      }
      return env.GOOGLE_BASE_URL;
    },
  };
}

/**
 * Production cookies are Secure and `__Host-` prefixed, which browsers accept only from a secure
 * origin: HTTPS, or loopback (itself a secure context, for a production build run locally).
 */
function requireSecureAppUrl(appUrl: string | undefined) {
  const url = appUrl ? new URL(appUrl) : undefined;
  const loopback = url && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url?.protocol !== "https:" && !loopback)
    throw new ConfigError("APP_URL must be set to an https:// address in production.");
}

function parseEnv(environment: Record<string, string | undefined>): z.output<typeof envSchema> {
  // An empty variable counts as unset, as `NAME= pnpm dev` means it to.
  const set = Object.entries(environment).filter(([, value]) => value !== "");
  const parsed = envSchema.safeParse(Object.fromEntries(set));
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join(" "),
  );
}
