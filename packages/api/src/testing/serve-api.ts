import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiDeps } from "../context.ts";
import { createApiHttpHandler } from "../http-handler.ts";

/**
 * The API's own HTTP handler on a free loopback port, served at the root (the URL is the tRPC
 * endpoint), callers known by their `Authorization` header and their address as in production:
 * what another app's client talks to. Returns its URL and how to stop it.
 */
export async function serveApi(deps: ApiDeps) {
  const handle = createApiHttpHandler(deps, async (request) => ({
    authorization: request.headers.authorization ?? null,
    clientIp: request.socket.remoteAddress ?? null,
  }));
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
