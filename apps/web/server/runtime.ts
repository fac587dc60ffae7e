import { createApiDeps, createJsonLogger, createTokenCipher, systemClock } from "@timetap/api";
import { createDb, DEMO_HOST, seedDemo } from "@timetap/db";
import {
  ConfigError,
  databaseUrl,
  embeddedDatabaseDir,
  isProduction,
  tokenEncryptionKey,
} from "./config.ts";
import { connectDemoCalendar } from "./demo-calendar.ts";
import { createGoogleForApp } from "./google.ts";

/** The API's dependencies for one process: the web server, or a standalone sync worker. */
export async function createRuntime(role: "web" | "worker") {
  if (role === "worker" && !databaseUrl) {
    // PGlite belongs to one process; with it, the web server runs the sync worker itself.
    throw new ConfigError(
      "pnpm worker needs DATABASE_URL: the embedded database is single-process.",
    );
  }
  const logger = createJsonLogger();
  const tokens = createTokenCipher(tokenEncryptionKey());
  const { google, emulator, where } = await createGoogleForApp(role);
  const database = await createDb(
    databaseUrl ? { databaseUrl } : { embedded: embeddedDatabaseDir },
  );
  if (role === "web" && !isProduction) {
    // The local run shows a bookable host at /demo, its calendar on the local Google emulator.
    await seedDemo(database.prisma);
    if (emulator) {
      // The emulator starts empty each run, so the demo host's earlier token is gone with it.
      emulator.createUser(DEMO_HOST.email, DEMO_HOST.name);
      await connectDemoCalendar(
        database.prisma,
        tokens,
        emulator.issueRefreshToken(DEMO_HOST.email),
      );
    }
  }
  return {
    api: createApiDeps({ db: database.prisma, google, tokens, clock: systemClock, logger }),
    describe: { database: database.kind, google: where },
    close: async () => {
      await database.close();
      await emulator?.close();
    },
  };
}
