export interface GoogleEndpoints {
  authUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  userinfoUrl: string;
  /** googleapis' rootUrl: the Calendar API lives at `${calendarRootUrl}calendar/v3/...`. */
  calendarRootUrl: string;
}

const googleHosts: GoogleEndpoints = {
  authUrl: "https://accounts.google.com/o/oauth2/v2/auth",
  tokenUrl: "https://oauth2.googleapis.com/token",
  revokeUrl: "https://oauth2.googleapis.com/revoke",
  userinfoUrl: "https://www.googleapis.com/oauth2/v3/userinfo",
  calendarRootUrl: "https://www.googleapis.com/",
};

/**
 * Every endpoint under one origin with Google's own paths. Only an origin works: googleapis
 * resolves API paths absolutely against its rootUrl, which would drop any base path.
 */
export function googleEndpoints(baseUrl?: string): GoogleEndpoints {
  if (!baseUrl) return googleHosts;
  const url = new URL(baseUrl);
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    throw new Error(`Google base URL must be an origin without a path: ${baseUrl}`);
  }
  const origin = url.origin;
  return {
    authUrl: `${origin}/o/oauth2/v2/auth`,
    tokenUrl: `${origin}/token`,
    revokeUrl: `${origin}/revoke`,
    userinfoUrl: `${origin}/oauth2/v3/userinfo`,
    calendarRootUrl: `${origin}/`,
  };
}
