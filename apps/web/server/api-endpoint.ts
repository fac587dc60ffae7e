import type { IncomingMessage, ServerResponse } from "node:http";
import { createApiHttpHandler } from "@timetap/api";
import type { createAppLoadContext } from "./load-context.ts";

/**
 * /api/trpc, served by tRPC's Node adapter straight from the HTTP server, ahead of Remix (a
 * procedure call needs no page rendering), with the caller known the same way as in loaders and
 * actions: the session cookie, or an API key in Authorization, from the address `clientIpOf`
 * trusts. `request.url` is the procedure and its input, as under Express's `app.use("/api/trpc")`.
 */
export function apiEndpoint(
  context: Pick<Awaited<ReturnType<typeof createAppLoadContext>>, "api" | "sessionOf">,
  clientIpOf: (request: IncomingMessage) => string | null,
): (request: IncomingMessage, response: ServerResponse) => void {
  const handle = createApiHttpHandler(
    context.api,
    async (request) => {
      const session = await context.sessionOf(request.headers.cookie ?? null);
      return {
        sessionHostId: session?.hostId ?? null,
        sessionId: session?.id ?? null,
        authorization: request.headers.authorization ?? null,
        clientIp: clientIpOf(request),
      };
    },
    async (request) => clientIpOf(request),
  );
  return (request, response) => void handle(request, response);
}
