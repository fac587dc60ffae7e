import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiDeps, RequestAuth } from "../context.ts";
import { createApiHttpHandler } from "../http-handler.ts";

const ENDPOINT = "/api/trpc";

/**
 * Sends `request` (to any host, under /api/trpc) through the API's Node handler on a loopback
 * server mounted as the web server mounts it, and answers with the whole response.
 */
export async function apiOverHttp(
  request: Request,
  deps: ApiDeps,
  auth: RequestAuth,
): Promise<Response> {
  const handle = createApiHttpHandler(deps, async () => auth);
  const server = createServer((req, res) => {
    req.url = req.url?.slice(ENDPOINT.length);
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const url = new URL(request.url);
    const response = await fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      body: request.body ? await request.arrayBuffer() : undefined,
    });
    const body = await response.arrayBuffer();
    return new Response(body, { status: response.status, headers: response.headers });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
