import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/session.server";

export async function action({ context, request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await signOut(context, request) } });
}

export const loader = () => redirect("/");
