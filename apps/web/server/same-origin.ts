import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";

/** Requests that cannot change anything, so a cross-site one does no harm. */
const SAFE_METHODS = new Set(["GET", "HEAD"]);

/**
 * Refuses a request that could change something (a Remix action, a tRPC mutation) when a browser
 * sent it from another site: Sec-Fetch-Site must say same-origin or, from a browser that sends
 * no Sec-Fetch-Site, the Origin header must be APP_URL's origin. The session cookie's SameSite=Lax already
 * keeps it off cross-site POSTs; this also covers browsers or subdomains where it would not.
 */
export function requireSameOrigin(appUrl: string): RequestHandler {
  const appOrigin = new URL(appUrl).origin;
  return (request, response, next) => {
    if (changeAllowed(request, appOrigin)) {
      // A same-origin form post without JavaScript carries `Origin: null` under our referrer
      // policy; Remix's own check would take that for another site and abort the action.
      if (request.headers.origin === "null") delete request.headers.origin;
      next();
      return;
    }
    response.status(403).type("text/plain").send(CROSS_SITE_REFUSAL);
  };
}

export const CROSS_SITE_REFUSAL = "This request came from another site, so it was refused.";

/** Whether the request may go on: it changes nothing, or it did not come from another site. */
export function changeAllowed(
  request: Pick<IncomingMessage, "method" | "headers">,
  appOrigin: string,
) {
  return SAFE_METHODS.has(request.method ?? "") || isSameOrigin(request.headers, appOrigin);
}

function isSameOrigin(headers: Record<string, string | string[] | undefined>, appOrigin: string) {
  // An API key is sent on purpose by its holder; nothing attaches it to a request on its own, and a
  // page on another site cannot add the header without a CORS preflight, which this refuses.
  if (/^Bearer /i.test(String(headers["authorization"] ?? ""))) return true;
  // The browser's own word first: with our `Referrer-Policy: no-referrer`, a same-origin form
  // post (no JavaScript) carries `Origin: null`, but Sec-Fetch-Site still says same-origin.
  const site = headers["sec-fetch-site"];
  if (site !== undefined) return site === "same-origin";
  const origin = headers["origin"];
  if (origin !== undefined) return origin === appOrigin;
  // Neither header: not a browser (every current browser sends Origin on a POST), so there is no
  // ambient cookie a victim's browser attached on its own; a script's request, like the booking
  // API called with fetch from Node, is judged by the API's own rules and the abuse limits.
  return true;
}
