import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "compression";
import type { Request, Response } from "express";
import proxyAddr from "proxy-addr";
import { bodyRefusal } from "./http-app.ts";
import { changeAllowed, CROSS_SITE_REFUSAL } from "./same-origin.ts";
import { apiSecurityHeaders } from "./security-headers.ts";

const ENDPOINT = "/api/trpc";

/**
 * The caller's address as Express's `req.ip` gives it under `trust proxy` set to `trustProxy`
 * hops (createHttpApp): from X-Forwarded-For as those proxies set it, else the socket's.
 */
export function clientIpOf(trustProxy: number) {
  const trusted = (_address: string, hop: number) => hop < trustProxy;
  return (request: IncomingMessage): string | null => proxyAddr(request, trusted) || null;
}

/**
 * Calls of the API (/api/trpc/…), answered straight from node:http ahead of Express, with what
 * the Express front (createHttpApp) does for other requests: the security headers (fixed for an
 * API answer: apiSecurityHeaders), the same-origin check, the body limit, compression, the
 * caller's address from the proxies trusted, and the HTTP metrics. Why: Express's and helmet's
 * work per request was a fifth of the web server's CPU per booking (`pnpm bench`, same run: 1.09
 * against 0.85 ms). Answers to calls by POST are not compressed: a mutation answers a small JSON
 * object (a booking's confirmation, under compression's own 1 KB threshold), and the
 * middleware's hold on every response it might compress cost a sixth of the server's CPU per
 * booking (1.3 against 1.6 ms). Reads (a month of slots) are. Returns whether it took the
 * request; what it leaves goes to Express.
 */
export function apiFront(options: {
  appUrl: string;
  isProduction: boolean;
  observe: (request: IncomingMessage, response: ServerResponse, pathname: string) => void;
  serve: (request: IncomingMessage, response: ServerResponse) => void;
}) {
  const { observe, serve } = options;
  const headers = apiSecurityHeaders(options);
  const appOrigin = new URL(options.appUrl).origin;
  const compress = compression();
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const url = request.url ?? "";
    if (!url.startsWith(`${ENDPOINT}/`)) return false;
    observe(request, response, url.split("?", 1)[0]!);
    for (const [name, value] of headers) response.setHeader(name, value);
    const refusal = changeAllowed(request, appOrigin)
      ? bodyRefusal(request.headers)
      : { status: 403, text: CROSS_SITE_REFUSAL };
    if (refusal) {
      response.writeHead(refusal.status, { "content-type": "text/plain; charset=utf-8" });
      response.end(refusal.text);
      return true;
    }
    // As under Express's `app.use(ENDPOINT, …)`: the procedure and its input.
    request.url = url.slice(ENDPOINT.length);
    if (request.method === "POST") serve(request, response);
    // compression is connect middleware: it reads only Node's own request and response.
    else compress(request as Request, response as Response, () => serve(request, response));
    return true;
  };
}
