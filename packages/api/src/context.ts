import type { ApiDeps } from "./deps.ts";

export type { ApiDeps } from "./deps.ts";

/**
 * Who is calling: a signed-in host's id from the session cookie, or an `Authorization` header;
 * and from where, for the abuse limits (the socket's address, or the one trusted proxies report).
 */
export interface RequestAuth {
  sessionHostId?: string | null;
  /** The session that vouched for `sessionHostId`, so a host can tell their own among the list. */
  sessionId?: string | null;
  authorization?: string | null;
  clientIp?: string | null;
}

export type Context = ApiDeps & {
  auth: RequestAuth;
  /**
   * Set by the HTTP handler, which answers a repeat slots view from the answers kept: only its
   * answers are worth keeping (an in-process caller, like the booking page, asks from "now").
   */
  overHttp?: boolean;
};

export function createContext(deps: ApiDeps, auth: RequestAuth = {}): Context {
  return { ...deps, auth };
}
