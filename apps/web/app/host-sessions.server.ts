import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

/** The host's signed-in browsers, this one marked. */
export async function loadHostSessions({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  const api = await apiFor(context, request);
  const [sessions, host] = await Promise.all([api.host.sessions(), api.host.me()]);
  return { sessions, timeZone: host.timeZone };
}

/** "Sign out everywhere": every session ends, this one too, so the host lands on /login. */
export async function signOutEverywhere({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  await (await apiFor(context, request)).host.signOutEverywhere();
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookie(context) } });
}
