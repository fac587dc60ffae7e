import { createCookie } from "@remix-run/node";
import { resumeSession, startChannelKeeper, startEmailWorker, startSyncWorker } from "@timetap/api";
import type { Config } from "./config.ts";
import { createRuntime } from "./runtime.ts";

/** Everything built once per process and handed to every loader and action. */
export async function createAppLoadContext(config: Config) {
  const { appUrl, inProcessWorker, isProduction, sessionSecret } = config;
  const runtime = await createRuntime("web", config);
  const { api } = runtime;
  const workers = inProcessWorker
    ? [startSyncWorker(api), startEmailWorker(api), startChannelKeeper(api)]
    : [];
  // In production cookies are Secure and `__Host-` prefixed: only this exact origin, over HTTPS
  // (or loopback), can set or read them.
  const prefix = isProduction ? "__Host-" : "";
  const secrets = [sessionSecret()];
  // Carries only the id of a `host_session` row; the server decides whether it still stands.
  const sessionCookie = createCookie(`${prefix}timetap_session`, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isProduction,
    secrets,
    // The browser may keep it long; the session's own 30-day sliding expiry is what counts.
    maxAge: 60 * 60 * 24 * 400,
  });
  // Signed, short-lived: the OAuth `state` (and later the PKCE verifier) the callback expects.
  const oauthStateCookie = createCookie(`${prefix}timetap_oauth_state`, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: isProduction,
    secrets,
    maxAge: 10 * 60,
  });
  /** The signed-in host's session a Cookie header carries, if it still stands. */
  async function sessionOf(cookieHeader: string | null) {
    const id: unknown = await sessionCookie.parse(cookieHeader);
    if (typeof id !== "string" || !id) return null;
    const session = await resumeSession(api, id);
    return session && { id, hostId: session.hostId };
  }
  return {
    api,
    sessionCookie,
    sessionOf,
    oauthStateCookie,
    appUrl,
    devInboxUrl: runtime.devInboxUrl,
    close: async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
      await runtime.close();
    },
    describe: { ...runtime.describe, worker: inProcessWorker ? "in-process" : "external" },
  };
}

/**
 * The process's context, and per request the client's address for the abuse limits and the nonce
 * the page's scripts carry (the Content-Security-Policy names it).
 */
export type TimeTapLoadContext = Awaited<ReturnType<typeof createAppLoadContext>> & {
  clientIp: string | null;
  cspNonce: string;
};

declare module "@remix-run/node" {
  // Remix's extension point for the load context type.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends TimeTapLoadContext {}
}
