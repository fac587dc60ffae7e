import type { IncomingMessage, ServerResponse } from "node:http";
import { text } from "node:stream/consumers";
import {
  internal_exceptionHandler,
  nodeHTTPRequestHandler,
  type NodeHTTPHandlerOptions,
} from "@trpc/server/adapters/node-http";
import { rememberedSlots } from "./cached-slots-http.ts";
import { createContext, type ApiDeps, type RequestAuth } from "./context.ts";
import { RateLimitedError } from "./lib/service-errors.ts";
import { appRouter, type AppRouter } from "./root.ts";
import { singleCallHandler, type CallHandling } from "./single-call-http.ts";

/** A batch is one request doing many calls; past this, it is a way around the abuse limits. */
export const MAX_BATCH_SIZE = 10;

/**
 * Serves the tRPC API with tRPC's Node adapter, straight from the HTTP server: mounted under its
 * endpoint, so `request.url` is the procedure and its input ("/booking.create",
 * "/availability.slots?input=…"), as Express's `app.use("/api/trpc", …)` passes it on. `authOf`
 * says who is calling (session cookie or API key) and from where; `clientIpOf`, when given, just
 * from where, for a slots view answered from the answers kept (cached-slots-http.ts).
 */
export function createApiHttpHandler(
  deps: ApiDeps,
  authOf: (request: IncomingMessage) => Promise<RequestAuth>,
  clientIpOf: (request: IncomingMessage) => Promise<string | null> = async (request) =>
    (await authOf(request)).clientIp ?? null,
) {
  const handling = callHandling(deps, authOf);
  const answerByAdapter = adapterHandler(handling);
  const answerSingleCall = singleCallHandler(handling);
  const serveRememberedSlots = rememberedSlots(deps, clientIpOf);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://api");
    const path = url.pathname.slice(1);
    if (path === "availability.slots" && (await serveRememberedSlots(req, res, url))) return;
    // A POST body read whole and handed to tRPC's adapter as `req.body` (a string it takes as is)
    // spares each call the web stream the adapter otherwise wraps the body in and reads back, a
    // few per cent of a booking's CPU. Bodies are small: the HTTP front refuses any over its limit.
    if (req.method === "POST") {
      const body = await text(req).catch(() => null);
      // The client went away while sending it: nobody is left to answer.
      if (body === null) return void res.destroy();
      Object.assign(req, { body });
    }
    if (await answerSingleCall(req, res, path, url)) return;
    return answerByAdapter(req, res, path);
  };
}

/** Who calls, what is logged and what an error adds, for both ways of answering a call. */
export function callHandling(
  deps: ApiDeps,
  authOf: (request: IncomingMessage) => Promise<RequestAuth>,
): CallHandling {
  return {
    createContext: async (req) => ({ ...createContext(deps, await authOf(req)), overHttp: true }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        deps.logger.error("api_internal_error", { path, message: error.message });
      }
    },
    errorHeaders: (errors): Record<string, string> => {
      // A limited client learns when to come back (RFC 9110 Retry-After, in seconds).
      const limited = errors.map((error) => error.cause).find((c) => c instanceof RateLimitedError);
      return limited ? { "retry-after": String(limited.retryAfterSeconds) } : {};
    },
  };
}

/** tRPC's own Node adapter: every call the plain path (single-call-http.ts) leaves to it. */
export function adapterHandler(handling: CallHandling) {
  const options: Omit<
    NodeHTTPHandlerOptions<AppRouter, IncomingMessage, ServerResponse>,
    "req" | "res"
  > = {
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: ({ req }) => handling.createContext(req),
    onError: handling.onError,
    responseMeta: ({ errors }) => ({ headers: handling.errorHeaders(errors) }),
  };
  return (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> =>
    nodeHTTPRequestHandler({ ...options, req, res, path }).catch(
      internal_exceptionHandler({ ...options, req, res, path }),
    );
}
