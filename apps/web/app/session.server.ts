import { redirect, type AppLoadContext } from "@remix-run/node";
import { endSession, startSession } from "@timetap/api";

/**
 * The signed-in host's browser session: the cookie holds a random id, the server holds the rest
 * (`hosts/host-sessions.service.ts`), so signing out ends every copy of the cookie.
 */
export function currentSession(context: AppLoadContext, request: Request) {
  return context.sessionOf(request.headers.get("Cookie"));
}

/** Starts a session for `hostId`; the answer is the Set-Cookie header to send. */
export async function signIn(context: AppLoadContext, request: Request, hostId: string) {
  const id = await startSession(context.api, hostId, request.headers.get("User-Agent"));
  return context.sessionCookie.serialize(id);
}

/** Ends this browser's session; the answer is the Set-Cookie header that clears the cookie. */
export async function signOut(context: AppLoadContext, request: Request) {
  const session = await currentSession(context, request);
  if (session) await endSession(context.api, session.id);
  return clearSessionCookie(context);
}

export const clearSessionCookie = (context: AppLoadContext) =>
  context.sessionCookie.serialize("", { maxAge: 0 });

/** The signed-in host's id, or a redirect to /login for pages only hosts may see. */
export async function requireHostId(context: AppLoadContext, request: Request): Promise<string> {
  const session = await currentSession(context, request);
  if (!session) throw redirect("/login");
  return session.hostId;
}
