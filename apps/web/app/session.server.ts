import { redirect, type AppLoadContext } from "@remix-run/node";

export async function getSession(context: AppLoadContext, request: Request) {
  return context.sessions.getSession(request.headers.get("Cookie"));
}

/** The signed-in host's id, or a redirect to /login for pages only hosts may see. */
export async function requireHostId(context: AppLoadContext, request: Request): Promise<string> {
  const hostId = (await getSession(context, request)).get("hostId");
  if (!hostId) throw redirect("/login");
  return hostId;
}
