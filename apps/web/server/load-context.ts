import { createCookieSessionStorage } from "@remix-run/node";
import { createJsonLogger, systemClock, type ApiDeps } from "@timetap/api";
import { createDb, seedDemo } from "@timetap/db";
import { appUrl, databaseUrl, embeddedDatabaseDir, isProduction, sessionSecret } from "./config.ts";

export interface SessionData {
  hostId: string;
}
export interface SessionFlash {
  oauthState: string;
}

/** Everything built once per process and handed to every loader and action. */
export async function createAppLoadContext() {
  const db = await createDb(databaseUrl ? { databaseUrl } : { embedded: embeddedDatabaseDir });
  // The local run shows a bookable host at /demo without any setup step.
  if (!isProduction) await seedDemo(db.prisma);
  const api: ApiDeps = { db: db.prisma, clock: systemClock, logger: createJsonLogger() };
  const sessions = createCookieSessionStorage<SessionData, SessionFlash>({
    cookie: {
      name: "__timetap_session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: isProduction && appUrl.startsWith("https://"),
      secrets: [sessionSecret()],
      maxAge: 60 * 60 * 24 * 30,
    },
  });
  return { api, sessions, appUrl, database: db };
}

export type TimeTapLoadContext = Awaited<ReturnType<typeof createAppLoadContext>>;

declare module "@remix-run/node" {
  // Remix's extension point for the load context type.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends TimeTapLoadContext {}
}
