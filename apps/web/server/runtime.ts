import {
  clockStartingAt,
  createApiDeps,
  createJsonLogger,
  createMetrics,
  createRateLimits,
  createTokenCipher,
  systemClock,
} from "@timetap/api";
import { createDb, DEMO_HOST, seedDemo } from "@timetap/db";
import { ConfigError, type Config } from "./config.ts";
import { connectEmulatorCalendar } from "./emulator-grants.ts";
import { createGoogleForApp } from "./google.ts";
import { createMailerForApp } from "./mail.ts";

/** The API's dependencies for one process: the web server, or a standalone outbox worker. */
export async function createRuntime(role: "web" | "worker", config: Config) {
  const { clockStart, databaseUrl, databaseOptions, isProduction, tokenEncryptionKeys } = config;
  if (role === "worker" && !databaseUrl) {
    // PGlite belongs to one process; with it, the web server runs the sync worker itself.
    throw new ConfigError(
      "pnpm worker needs DATABASE_URL: the embedded database is single-process.",
    );
  }
  const logger = createJsonLogger();
  const clock = clockStart ? clockStartingAt(clockStart) : systemClock;
  const tokens = createTokenCipher(tokenEncryptionKeys());
  const database = await createDb(databaseOptions);
  // Built before the Google client, which reports each call to it.
  const metrics = createMetrics({ db: database.prisma, clock });
  const { google, emulator, where } = await createGoogleForApp(
    role,
    config,
    metrics.observeGoogleCall,
  );
  const mail = await createMailerForApp(role, config);
  // The embedded database serves one process, whose memory can hold the counts; web processes
  // sharing a server database share them through it.
  const limits = createRateLimits(
    database.kind === "server"
      ? { kind: "database", prisma: database.prisma, rawSql: database.rawSql }
      : { kind: "memory" },
    config.rateLimits,
  );
  const api = createApiDeps({
    db: database.prisma,
    rawSql: database.rawSql,
    hostChanges: database.hostChanges,
    google,
    mailer: mail.mailer,
    appUrl: config.appUrl,
    tokens,
    clock,
    logger,
    limits,
    metrics,
    settings: {
      syncConcurrency: config.syncConcurrency,
      reconcileIntervalMs: config.reconcileIntervalMs,
      ...(database.kind === "embedded" && { bookingStatementsInFlight: 1 }),
    },
  });
  if (role === "web" && !isProduction) {
    // The local run shows a bookable host at /demo, its calendar on the local Google emulator.
    await seedDemo(database.prisma);
    if (emulator) {
      // The emulator starts empty each run: every account and grant it gave is gone. Hosts come
      // back as accounts with their Google `sub` (hosts are known by it), and those connected
      // before the restart (and the demo host) get a fresh grant, as if they had consented again.
      const hosts = await database.prisma.host.findMany({
        where: { OR: [{ email: DEMO_HOST.email }, { googleSub: { not: null } }] },
      });
      for (const host of hosts) {
        emulator.createUser(host.email, host.name, { sub: host.googleSub ?? undefined });
        if (host.email === DEMO_HOST.email || host.calendarStatus === "connected")
          await connectEmulatorCalendar(api, host.email, emulator.issueRefreshToken(host.email));
      }
    }
  }
  return {
    api,
    /** The development mail catcher's inbox, when this process started one. */
    devInboxUrl: mail.inboxUrl,
    describe: {
      database: database.kind,
      google: where,
      mail: mail.where,
      ...(clockStart ? { clockPinnedTo: clockStart.toISOString() } : {}),
    },
    close: async () => {
      mail.mailer.close();
      await database.close();
      await emulator?.close();
      await mail.catcher?.close();
    },
  };
}
