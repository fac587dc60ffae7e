import type { ServerResponse } from "node:http";
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
export function securityHeaders(options: {
  isProduction: boolean;
  appUrl: string;
  googleAuthorizationOrigin: string;
}): RequestHandler[] {
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
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
    // Browsers only heed it over HTTPS; outside production the app runs on plain localhost.
    strictTransportSecurity: isProduction,
  });
  return [nonce, headers];
}
