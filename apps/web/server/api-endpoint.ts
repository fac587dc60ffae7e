import { createApiHttpHandler } from "@timetap/api";
import type { Request, RequestHandler } from "express";
import type { createAppLoadContext } from "./load-context.ts";

/**
 * /api/trpc, served by tRPC's Node adapter straight from Express, ahead of Remix (a procedure
 * call needs no page rendering): behind the same front (security headers, same-origin check,
 * body limit), and the caller known the same way as in loaders and actions: the session cookie,
 * or an API key in Authorization, from the address Express trusts.
 */
export function apiEndpoint(
  context: Pick<Awaited<ReturnType<typeof createAppLoadContext>>, "api" | "sessionOf">,
): RequestHandler {
  const handle = createApiHttpHandler(
    context.api,
    async (incoming) => {
      const request = incoming as Request;
      const session = await context.sessionOf(request.headers.cookie ?? null);
      return {
        sessionHostId: session?.hostId ?? null,
        sessionId: session?.id ?? null,
        authorization: request.headers.authorization ?? null,
        clientIp: request.ip ?? null,
      };
    },
    async (incoming) => (incoming as Request).ip ?? null,
  );
  return (request, response) => void handle(request, response);
}
