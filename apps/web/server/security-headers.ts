import type { IncomingMessage, ServerResponse } from "node:http";
import { randomToken } from "@timetap/api";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";

/** The nonce this response's own scripts carry; Remix reads it from the load context. */
export const cspNonce = (response: Response): string => response.locals["cspNonce"] as string;

/**
 * 128 bits, never used before, from randomToken's pool: a draw of its own per response was a
 * measurable share of a warm slots view.
 */
const NONCE_BYTES = 16;

/**
 * Headers on every response. The Content-Security-Policy lets scripts run only from this origin or
 * carrying this response's nonce, so injected markup cannot run code. It is sent by the production
 * server only: the Vite dev server injects inline scripts and a websocket of its own, and the
 * production build is what faces the internet (and what the e2e suite checks). Forms may post
 * here and be redirected to Google's consent page (`googleAuthorizationOrigin`), which Chromium
 * checks against form-action too. No referrer: booking links carry their token in the URL.
 */
export function securityHeaders(options: SecurityOptions): RequestHandler[] {
  const { isProduction, appUrl, googleAuthorizationOrigin } = options;
  const nonce: RequestHandler = (_request, response, next) => {
    response.locals["cspNonce"] = randomToken(NONCE_BYTES);
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: isProduction && {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [
          "'self'",
          (_request, response) => `'nonce-${cspNonce(response as ServerResponse as Response)}'`,
        ],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'", googleAuthorizationOrigin],
        frameAncestors: ["'none'"],
        // A loopback APP_URL (a production build run locally) is plain HTTP.
        upgradeInsecureRequests: new URL(appUrl).protocol === "https:" ? [] : null,
      },
    },
    ...otherHeaders(options),
  });
  return [nonce, headers];
}

interface SecurityOptions {
  isProduction: boolean;
  appUrl: string;
  googleAuthorizationOrigin: string;
}

/** What pages and API answers share: everything but the Content-Security-Policy. */
const otherHeaders = ({ isProduction }: Pick<SecurityOptions, "isProduction">) =>
  ({
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
    // Browsers only heed it over HTTPS; outside production the app runs on plain localhost.
    strictTransportSecurity: isProduction,
  }) as const;

/**
 * The headers of an answer to an API call (api-front.ts), the same for every call, so worked out
 * once by helmet itself rather than by its dozen middlewares per request (about a tenth of the
 * web server's CPU per booking, `pnpm bench`). An API answer is JSON that no browser renders: its
 * policy allows nothing at all, and it needs no nonce. Sent in development too, as nothing of
 * Vite's runs in an API answer.
 */
export function apiSecurityHeaders(options: Pick<SecurityOptions, "isProduction">) {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string) => void headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
  };
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    ...otherHeaders(options),
  })({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return [...headers];
}
