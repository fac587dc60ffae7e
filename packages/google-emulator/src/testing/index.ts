import type { Emulator } from "../types.ts";

export const client = { id: "test-client.apps.googleusercontent.com", secret: "test-secret" };
export const redirectUri = "http://app.test/auth/google/callback";
export const allScopes =
  "openid email profile https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.freebusy";

export function authParams(
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const params: Record<string, string | undefined> = {
    client_id: client.id,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: allScopes,
    access_type: "offline",
    state: "state-123",
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

export function form(values: Record<string, string>): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(values).toString(),
    redirect: "manual",
  };
}

/** Drives the consent form the way a browser would and returns the redirect target. */
export async function consent(
  emulator: Emulator,
  fields: Record<string, string> = {},
  overrides: Record<string, string | undefined> = {},
): Promise<URL> {
  const res = await fetch(
    `${emulator.url}/o/oauth2/v2/auth/decision`,
    form({
      ...authParams(overrides),
      email: "host@example.com",
      name: "Host Person",
      decision: "allow",
      ...fields,
    }),
  );
  if (res.status !== 302) throw new Error(`consent answered ${res.status}`);
  return new URL(res.headers.get("location") ?? "");
}

export async function postToken(
  emulator: Emulator,
  values: Record<string, string>,
): Promise<Response> {
  return fetch(
    `${emulator.url}/token`,
    form({ client_id: client.id, client_secret: client.secret, ...values }),
  );
}

export async function accessTokenFor(emulator: Emulator, email: string): Promise<string> {
  const refreshToken = emulator.issueRefreshToken(email);
  const res = await postToken(emulator, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
  });
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

export function bearer(
  token: string,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
): RequestInit {
  return {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}
