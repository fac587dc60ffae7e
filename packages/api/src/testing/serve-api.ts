import type { IncomingMessage } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiDeps, RequestAuth } from "../context.ts";
import { createApiHttpHandler } from "../http-handler.ts";

/** As in production: the caller known by their `Authorization` header, from their address. */
const authFromRequest = async (request: IncomingMessage): Promise<RequestAuth> => ({
  authorization: request.headers.authorization ?? null,
  clientIp: request.socket.remoteAddress ?? null,
});

/**
 * The API's own HTTP handler on a free loopback port, served at the root (the URL is the tRPC
 * endpoint): what another app's client talks to. `authOf` says who calls; by default, whoever
 * the request's headers and address say. Returns its URL and how to stop it.
 */
export async function serveApi(
  deps: ApiDeps,
  authOf: (request: IncomingMessage) => Promise<RequestAuth> = authFromRequest,
) {
  const handle = createApiHttpHandler(deps, authOf);
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
