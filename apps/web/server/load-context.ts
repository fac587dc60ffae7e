import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import {
  createApiDeps,
  createJsonLogger,
  createTokenCipher,
  startSyncWorker,
  systemClock,
} from "@timetap/api";
import { createDb, DEMO_HOST, seedDemo } from "@timetap/db";
import {
  appUrl,
  databaseUrl,
  embeddedDatabaseDir,
  isProduction,
  sessionSecret,
  tokenEncryptionKey,
} from "./config.ts";
import { connectDemoCalendar } from "./demo-calendar.ts";
import { createGoogleForApp } from "./google.ts";

export interface SessionData {
  hostId: string;
}

/** Everything built once per process and handed to every loader and action. */
export async function createAppLoadContext() {
  const logger = createJsonLogger();
  const tokens = createTokenCipher(tokenEncryptionKey());
  const { google, emulator } = await createGoogleForApp();
  const database = await createDb(
    databaseUrl ? { databaseUrl } : { embedded: embeddedDatabaseDir },
  );
  if (!isProduction) {
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
  const api = createApiDeps({ db: database.prisma, google, tokens, clock: systemClock, logger });
  const worker = startSyncWorker(api);
  const secure = isProduction && appUrl.startsWith("https://");
  const secrets = [sessionSecret()];
  const sessions = createCookieSessionStorage<SessionData>({
    cookie: {
      name: "__timetap_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure,
      secrets,
      maxAge: 60 * 60 * 24 * 30,
    },
  });
  // Signed, short-lived, and only sent back to the callback: the OAuth `state` we expect.
  const oauthStateCookie = createCookie("__timetap_oauth_state", {
    httpOnly: true,
    sameSite: "lax",
    path: "/auth/google",
    secure,
    secrets,
    maxAge: 10 * 60,
  });
  return {
    api,
    sessions,
    oauthStateCookie,
    appUrl,
    close: async () => {
      await worker.stop();
      await database.close();
      await emulator?.close();
    },
    describe: {
      database: database.kind,
      google: emulator ? `emulator at ${emulator.url}` : "google",
    },
  };
}

export type TimeTapLoadContext = Awaited<ReturnType<typeof createAppLoadContext>>;

declare module "@remix-run/node" {
  // Remix's extension point for the load context type.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends TimeTapLoadContext {}
}
