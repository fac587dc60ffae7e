import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";

/** The nonce this response's own scripts carry; Remix reads it from the load context. */
export const cspNonce = (response: Response): string => response.locals["cspNonce"] as string;

const NONCE_BYTES = 16;

/**
 * 128-bit nonces, each from random bytes never used before, drawn 4 KiB at a time: one draw per
 * 256 responses rather than one each (a draw per response was a measurable share of a warm
 * slots view).
 */
function nonces(poolBytes = 4096) {
  let pool = Buffer.alloc(0);
  let used = 0;
  return () => {
    if (used + NONCE_BYTES > pool.length) {
      pool = randomBytes(poolBytes);
      used = 0;
    }
    return pool.toString("base64", used, (used += NONCE_BYTES));
  };
}

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
  const nextNonce = nonces();
  const nonce: RequestHandler = (_request, response, next) => {
    response.locals["cspNonce"] = nextNonce();
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
