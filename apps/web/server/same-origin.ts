import type { RequestHandler } from "express";

/** Requests that cannot change anything, so a cross-site one does no harm. */
const SAFE_METHODS = new Set(["GET", "HEAD"]);

/**
 * Refuses a request that could change something (a Remix action, a tRPC mutation) when a browser
 * sent it from another site: the Origin header must be APP_URL's origin or, from a browser that
 * sends no Origin, Sec-Fetch-Site must say same-origin. The session cookie's SameSite=Lax already
 * keeps it off cross-site POSTs; this also covers browsers or subdomains where it would not.
 */
export function requireSameOrigin(appUrl: string): RequestHandler {
  const appOrigin = new URL(appUrl).origin;
  return (request, response, next) => {
    if (SAFE_METHODS.has(request.method) || isSameOrigin(request.headers, appOrigin)) {
      next();
      return;
    }
    response
      .status(403)
      .type("text/plain")
      .send("This request came from another site, so it was refused.");
  };
}

function isSameOrigin(headers: Record<string, string | string[] | undefined>, appOrigin: string) {
  // An API key is sent on purpose by its holder; nothing attaches it to a request on its own, and a
  // page on another site cannot add the header without a CORS preflight, which this refuses.
  if (/^Bearer /i.test(String(headers["authorization"] ?? ""))) return true;
  const origin = headers["origin"];
  if (origin !== undefined) return origin === appOrigin;
  const site = headers["sec-fetch-site"];
  if (site !== undefined) return site === "same-origin";
  // Neither header: not a browser (every current browser sends Origin on a POST), so there is no
  // ambient cookie a victim's browser attached on its own; a script's request, like the booking
  // API called with fetch from Node, is judged by the API's own rules and the abuse limits.
  return true;
}
