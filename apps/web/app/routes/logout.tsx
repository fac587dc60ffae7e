import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSession } from "~/session.server";

export async function action({ context, request }: ActionFunctionArgs) {
  const session = await getSession(context, request);
  return redirect("/", {
    headers: { "Set-Cookie": await context.sessions.destroySession(session) },
  });
}

export const loader = () => redirect("/");
