import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext, type ApiDeps, type RequestAuth } from "./context.ts";
import { RateLimitedError } from "./lib/service-errors.ts";
import { appRouter } from "./root.ts";

/** A batch is one request doing many calls; past this, it is a way around the abuse limits. */
export const MAX_BATCH_SIZE = 10;

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
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createContext(deps, auth),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        deps.logger.error("api_internal_error", { path, message: error.message });
      }
    },
    responseMeta: ({ errors }) => {
      // A limited client learns when to come back (RFC 9110 Retry-After, in seconds).
      const limited = errors.map((error) => error.cause).find((c) => c instanceof RateLimitedError);
      return limited ? { headers: { "retry-after": String(limited.retryAfterSeconds) } } : {};
    },
  });
}
