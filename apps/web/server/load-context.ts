import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import { startSyncWorker } from "@timetap/api";
import type { Config } from "./config.ts";
import { createRuntime } from "./runtime.ts";

export interface SessionData {
  hostId: string;
}

/** Everything built once per process and handed to every loader and action. */
export async function createAppLoadContext(config: Config) {
  const { appUrl, inProcessWorker, isProduction, sessionSecret } = config;
  const runtime = await createRuntime("web", config);
  const { api } = runtime;
  const worker = inProcessWorker ? startSyncWorker(api) : undefined;
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
      await worker?.stop();
      await runtime.close();
    },
    describe: { ...runtime.describe, worker: inProcessWorker ? "in-process" : "external" },
  };
}

/** The process's context, and per request the client's address for the abuse limits. */
export type TimeTapLoadContext = Awaited<ReturnType<typeof createAppLoadContext>> & {
  clientIp: string | null;
};

declare module "@remix-run/node" {
  // Remix's extension point for the load context type.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends TimeTapLoadContext {}
}
