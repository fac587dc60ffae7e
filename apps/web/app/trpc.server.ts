import type { AppLoadContext } from "@remix-run/node";
import { createCaller, createContext, type RequestAuth } from "@timetap/api";
import { currentSession } from "~/session.server";

/** Who is calling (the signed-in host from the session cookie, or an API key header), and from where. */
async function requestAuth(context: AppLoadContext, request: Request): Promise<RequestAuth> {
  const session = await currentSession(context, request);
  return {
    sessionHostId: session?.hostId ?? null,
    sessionId: session?.id ?? null,
    authorization: request.headers.get("Authorization"),
    clientIp: context.clientIp,
  };
}

/**
 * The typed API for loaders and actions: the same procedures HTTP clients call, with the same
 * validation, invoked in-process.
 */
export async function apiFor(context: AppLoadContext, request: Request) {
  return createCaller(createContext(context.api, await requestAuth(context, request)));
}
