import { createHTTPServer } from "@trpc/server/adapters/standalone";
import type { AddressInfo } from "node:net";
import { createContext, type ApiDeps } from "../context.ts";
import { appRouter } from "../root.ts";

/**
 * The API over real HTTP on a free loopback port, callers known by their `Authorization` header
 * as in production: what another app's client talks to. Returns its URL and how to stop it.
 */
export async function serveApi(deps: ApiDeps) {
  const server = createHTTPServer({
    router: appRouter,
    createContext: ({ req }) =>
      createContext(deps, { authorization: req.headers.authorization ?? null }),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
