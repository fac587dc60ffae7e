import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext, type ApiDeps, type RequestAuth } from "./context.ts";
import { appRouter } from "./root.ts";

/** Serves the tRPC API over HTTP (fetch Request in, Response out) under `endpoint`. */
export function handleApiRequest(
  request: Request,
  deps: ApiDeps,
  auth: RequestAuth,
  endpoint = "/api/trpc",
) {
  return fetchRequestHandler({
    endpoint,
    req: request,
    router: appRouter,
    createContext: () => createContext(deps, auth),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        deps.logger.error("api_internal_error", { path, message: error.message });
      }
    },
  });
}
