import compression from "compression";
import express, { type RequestHandler } from "express";
import { requireSameOrigin } from "./same-origin.ts";
import { securityHeaders } from "./security-headers.ts";

/** No page or procedure takes more; a larger body is a mistake or an attack. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Refuses a request body over MAX_BODY_BYTES before anything reads it (413). Remix reads bodies
 * itself, as a stream, so the size is judged from Content-Length; a body without one (chunked)
 * cannot be judged up front and is refused with 411, which no browser form or fetch meets.
 */
const limitBodies: RequestHandler = (request, response, next) => {
  const length = request.headers["content-length"];
  if (length === undefined && request.headers["transfer-encoding"]) {
    response.status(411).type("text/plain").send("Send the body with a Content-Length.");
    return;
  }
  if (Number(length ?? 0) > MAX_BODY_BYTES) {
    response.status(413).type("text/plain").send("The request body is too large.");
    return;
  }
  next();
};

/**
 * Compresses answers, but those to tRPC calls by POST: a mutation answers a small JSON object
 * (a booking's confirmation, under compression's own 1 KB threshold), and the middleware's hold
 * on every response it might compress still cost a sixth of the web server's CPU per booking
 * (`pnpm bench`, same run: 1.3 against 1.6 ms). Pages, Remix actions and API reads (a month of
 * slots) are compressed as before.
 */
function compressedButTrpcPosts(): RequestHandler {
  const compress = compression();
  return (request, response, next) =>
    request.method === "POST" && request.path.startsWith("/api/trpc/")
      ? next()
      : compress(request, response, next);
}

/**
 * The Express app in front of Remix. With `trustProxy` hops, the client's address (`req.ip`, which
 * the abuse limits count) comes from X-Forwarded-For as set by those proxies; with 0 it is the
 * socket's, and X-Forwarded-For is ignored. Every response gets the security headers (and
 * `res.locals.cspNonce`); a change sent by a browser on another site than `appUrl` is refused.
 */
export function createHttpApp(options: {
  trustProxy: number;
  appUrl: string;
  isProduction: boolean;
  googleAuthorizationOrigin: string;
}) {
  const app = express();
  app.disable("x-powered-by");
  // Nothing reads `req.query` (Remix and tRPC read the URL itself); parsing every query string
  // with qs (a slots view's input is JSON) was a measurable share of a warm slots view.
  app.set("query parser", false);
  app.set("trust proxy", options.trustProxy > 0 ? options.trustProxy : false);
  app.use(securityHeaders(options));
  app.use(requireSameOrigin(options.appUrl));
  app.use(limitBodies);
  app.use(compressedButTrpcPosts());
  return app;
}
