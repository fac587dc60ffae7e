import type { ApiDeps, RequestAuth } from "../context.ts";
import { serveApi } from "./serve-api.ts";

const ENDPOINT = "/api/trpc";

/**
 * Sends `request` (to any host, under /api/trpc) through the API's Node handler on a loopback
 * server, the caller being `auth`, and answers with the whole response.
 */
export async function apiOverHttp(
  request: Request,
  deps: ApiDeps,
  auth: RequestAuth,
): Promise<Response> {
  const server = await serveApi(deps, async () => auth);
  try {
    const url = new URL(request.url);
    const response = await fetch(
      `${server.url}${url.pathname.slice(ENDPOINT.length)}${url.search}`,
      {
        method: request.method,
        headers: request.headers,
        body: request.body ? await request.arrayBuffer() : undefined,
      },
    );
    const body = await response.arrayBuffer();
    return new Response(body, { status: response.status, headers: response.headers });
  } finally {
    await server.close();
  }
}
