import type { IncomingHttpHeaders } from "node:http";
import compression from "compression";
import express, { type RequestHandler } from "express";
import { requireSameOrigin } from "./same-origin.ts";
import { securityHeaders } from "./security-headers.ts";

/** No page or procedure takes more; a larger body is a mistake or an attack. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Why a request body over MAX_BODY_BYTES is refused before anything reads it: 413, or 411 for a
 * body without a Content-Length. Remix reads bodies itself, as a stream, so the size is judged
 * from Content-Length; a body without one (chunked) cannot be judged up front, and no browser
 * form or fetch sends one.
 */
export function bodyRefusal(
  headers: IncomingHttpHeaders,
): { status: 411 | 413; text: string } | undefined {
  const length = headers["content-length"];
  if (length === undefined && headers["transfer-encoding"]) {
    return { status: 411, text: "Send the body with a Content-Length." };
  }
  if (Number(length ?? 0) > MAX_BODY_BYTES) {
    return { status: 413, text: "The request body is too large." };
  }
  return undefined;
}

const limitBodies: RequestHandler = (request, response, next) => {
  const refusal = bodyRefusal(request.headers);
  if (refusal) response.status(refusal.status).type("text/plain").send(refusal.text);
  else next();
};

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
  app.use(compression());
  return app;
}
