import { randomBytes } from "node:crypto";
import { createTestDb } from "@timetap/db/testing";
import { createMailer } from "@timetap/email";
import { startCatcher } from "@timetap/email/catcher";
import { createGoogle, type GoogleSettings } from "@timetap/google";
import { startEmulator } from "@timetap/google-emulator";
import type { Clock } from "../lib/clock.ts";
import { createContext, type RequestAuth } from "../context.ts";
import { createApiDeps, type ApiSettings } from "../deps.ts";
import { createMemoryLogger } from "../lib/logger.ts";
import { createMetrics } from "../lib/metrics.ts";
import { createCaller } from "../root.ts";
import { createRateLimits, rateLimitKinds, type RateLimitSettings } from "../lib/rate-limits.ts";
import { createTokenCipher } from "../lib/token-crypto.ts";

const outOfReach = Object.fromEntries(
  rateLimitKinds.map((kind) => [kind, { points: 1_000_000, durationSeconds: 60 }]),
) as RateLimitSettings;

/**
 * The real parts for integration tests: a fresh database per test file, the Google emulator over
 * HTTP behind the real googleapis client, the mail catcher over real SMTP behind the real mailer,
 * an adjustable clock and a logger tests can read.
 */
export async function createApiHarness(
  options: {
    now?: Date;
    google?: Partial<Pick<GoogleSettings, "timeoutMs" | "conferenceWaitMs">>;
    settings?: Partial<ApiSettings>;
    /** Abuse limits to test; others are out of reach, so tests of other rules never meet them. */
    limits?: Partial<RateLimitSettings>;
    limitStore?: "memory" | "database";
    /** Where the app is reached: Google's push notifications go to a webhook under it. */
    appUrl?: string;
  } = {},
) {
  const [database, emulator, catcher] = await Promise.all([
    createTestDb(),
    startEmulator({ port: 0 }),
    startCatcher(),
  ]);
  const mailer = createMailer({
    smtpUrl: catcher.smtpUrl,
    from: "TimeTap <bookings@timetap.test>",
  });
  let now = options.now ?? new Date();
  const clock: Clock = { now: () => new Date(now) };
  const logger = createMemoryLogger();
  const metrics = createMetrics({ db: database.prisma, clock });
  const google = createGoogle({
    clientId: "timetap-test",
    clientSecret: "timetap-test-secret",
    redirectUri: "http://timetap.test/auth/google/callback",
    baseUrl: emulator.url,
    timeoutMs: 2_000,
    conferenceWaitMs: 1_000,
    onCall: metrics.observeGoogleCall,
    ...options.google,
  });
  const tokens = createTokenCipher([randomBytes(32).toString("base64")]);
  const limits = createRateLimits(
    options.limitStore === "database"
      ? { kind: "database", prisma: database.prisma, rawSql: database.rawSql }
      : { kind: "memory" },
    { ...outOfReach, ...options.limits },
  );
  const deps = createApiDeps({
    db: database.prisma,
    rawSql: database.rawSql,
    hostChanges: database.hostChanges,
    limits,
    google,
    mailer,
    appUrl: options.appUrl ?? "http://timetap.test",
    tokens,
    clock,
    logger,
    metrics,
    settings: options.settings,
  });
  return {
    deps,
    db: database.prisma,
    /** The database's URL on a PostgreSQL server (TEST_DATABASE_URL), for other processes. */
    databaseUrl: database.url,
    emulator,
    catcher,
    tokens,
    logger,
    setNow: (next: Date) => {
      now = next;
    },
    caller: (auth: RequestAuth = {}) => createCaller(createContext(deps, auth)),
    close: async () => {
      mailer.close();
      await catcher.close();
      await emulator.close();
      await database.close();
    },
  };
}
