import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./server.ts";
import {
  accessTokenFor,
  authParams,
  bearer,
  client,
  consent,
  postToken,
  redirectUri,
} from "./testing/index.ts";
import type { Emulator } from "./types.ts";

const emulator: Emulator = await startEmulator({ port: 0 });
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

async function exchange(code: string, values: Record<string, string> = {}) {
  const res = await postToken(emulator, {
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    ...values,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("authorization page", () => {
  it("renders a consent form with Email, Name, Allow and Deny", async () => {
    emulator.createUser("known@example.com", "Known User");
    const res = await fetch(
      `${emulator.url}/o/oauth2/v2/auth?${new URLSearchParams(authParams())}`,
    );
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(html).toContain('<label for="email">Email</label>');
    expect(html).toContain('<label for="name">Name</label>');
    expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
    expect(html).toContain('value="known@example.com"');
    expect(html).toContain('name="state" value="state-123"');
  });

  it.each([
    ["client_id", { client_id: undefined }, "invalid_client"],
    ["redirect_uri", { redirect_uri: undefined }, "invalid_request"],
    ["a relative redirect_uri", { redirect_uri: "/callback" }, "redirect_uri_mismatch"],
    ["response_type", { response_type: "token" }, "unsupported_response_type"],
    ["scope", { scope: undefined }, "invalid_request"],
    ["an unknown scope", { scope: "openid calendar" }, "invalid_scope"],
  ])("rejects a request with a bad %s", async (_name, overrides, error) => {
    const res = await fetch(
      `${emulator.url}/o/oauth2/v2/auth?${new URLSearchParams(authParams(overrides))}`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(error);
  });

  it("redirects with a code and the state on Allow", async () => {
    const location = await consent(emulator, {}, { state: "a b&c" });
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get("code")).toMatch(/^4\//);
    expect(location.searchParams.get("state")).toBe("a b&c");
  });

  it("redirects with access_denied and the state on Deny", async () => {
    const location = await consent(emulator, { decision: "deny" });
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("state-123");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("re-renders the form when Allow is pressed without a valid email", async () => {
    const res = await fetch(`${emulator.url}/o/oauth2/v2/auth/decision`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...authParams(), email: "nope", decision: "allow" }).toString(),
      redirect: "manual",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Enter a valid email address.");
  });
});

describe("token endpoint", () => {
  it("exchanges a code for tokens, with a refresh token for offline access", async () => {
    const code = (await consent(emulator)).searchParams.get("code") ?? "";
    const { status, body } = await exchange(code);
    expect(status).toBe(200);
    expect(body).toMatchObject({ expires_in: 3600, token_type: "Bearer" });
    expect(body["access_token"]).toMatch(/^ya29\./);
    expect(body["refresh_token"]).toMatch(/^1\/\//);
    expect(String(body["scope"]).split(" ")).toContain(
      "https://www.googleapis.com/auth/calendar.events",
    );
    const claims = JSON.parse(
      Buffer.from(String(body["id_token"]).split(".")[1] ?? "", "base64url").toString(),
    );
    expect(claims).toMatchObject({ email: "host@example.com", aud: client.id });
  });

  it("omits the refresh token for online access", async () => {
    const code =
      (await consent(emulator, {}, { access_type: undefined })).searchParams.get("code") ?? "";
    const { body } = await exchange(code);
    expect(body["access_token"]).toBeDefined();
    expect(body["refresh_token"]).toBeUndefined();
  });

  it("accepts a code only once", async () => {
    const code = (await consent(emulator)).searchParams.get("code") ?? "";
    expect((await exchange(code)).status).toBe(200);
    const second = await exchange(code);
    expect(second.status).toBe(400);
    expect(second.body["error"]).toBe("invalid_grant");
    expect(second.body["error_description"]).toEqual(expect.any(String));
  });

  it("rejects a code after ten minutes", async () => {
    const code = (await consent(emulator)).searchParams.get("code") ?? "";
    emulator.advanceTime(11 * 60 * 1000);
    expect((await exchange(code)).body["error"]).toBe("invalid_grant");
  });

  it("rejects a different redirect_uri and a missing client secret", async () => {
    const code = (await consent(emulator)).searchParams.get("code") ?? "";
    expect((await exchange(code, { redirect_uri: "http://other.test/cb" })).body["error"]).toBe(
      "redirect_uri_mismatch",
    );
    const noSecret = await exchange("x", { client_secret: "" });
    expect(noSecret).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("checks the PKCE verifier of a code issued with an S256 challenge", async () => {
    const verifier = "v".repeat(43);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const pkce = { code_challenge: challenge, code_challenge_method: "S256" };
    const codeFor = async () => (await consent(emulator, {}, pkce)).searchParams.get("code") ?? "";
    const missing = await exchange(await codeFor());
    expect(missing).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const wrong = await exchange(await codeFor(), { code_verifier: "w".repeat(43) });
    expect(wrong).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    const right = await exchange(await codeFor(), { code_verifier: verifier });
    expect(right.status).toBe(200);
  });

  it("refuses a malformed PKCE challenge or method on the consent page", async () => {
    for (const overrides of [
      { code_challenge: "short", code_challenge_method: "S256" },
      { code_challenge: "c".repeat(43), code_challenge_method: "S512" },
      { code_challenge_method: "S256" },
    ]) {
      const res = await fetch(
        `${emulator.url}/o/oauth2/v2/auth?${new URLSearchParams(authParams(overrides))}`,
      );
      expect(res.status).toBe(400);
    }
  });

  it("grants the calendar scopes only when the consent page's calendar box stays ticked", async () => {
    const page = await (
      await fetch(`${emulator.url}/o/oauth2/v2/auth?${new URLSearchParams(authParams())}`)
    ).text();
    expect(page).toMatch(/<input type="checkbox" name="calendar" value="granted" checked>/);
    const withheld = await consent(emulator, { calendar: "withheld" });
    expect(withheld.searchParams.get("scope")).toBe(
      "openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile",
    );
    const { body } = await exchange(withheld.searchParams.get("code") ?? "");
    expect(body["scope"]).toBe(withheld.searchParams.get("scope"));
    const token = String(body["access_token"]);
    const freebusy = await fetch(
      `${emulator.url}/calendar/v3/freeBusy`,
      bearer(token, { timeMin: "2030-01-01T00:00:00Z", timeMax: "2030-01-02T00:00:00Z" }),
    );
    expect(freebusy.status).toBe(403);
    const granted = await consent(emulator, { calendar: "granted" });
    expect(granted.searchParams.get("scope")).toContain("calendar.events");
  });

  it("refreshes access tokens and rejects unknown or revoked refresh tokens", async () => {
    const refreshToken = emulator.issueRefreshToken("host@example.com");
    const ok = await postToken(emulator, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body["access_token"]).toMatch(/^ya29\./);
    expect(body["refresh_token"]).toBeUndefined();

    const unknown = await postToken(emulator, {
      grant_type: "refresh_token",
      refresh_token: "1//nope",
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: "invalid_grant" });

    emulator.revokeUser("host@example.com");
    const revoked = await postToken(emulator, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });
    expect(revoked.status).toBe(400);
    expect(await revoked.json()).toEqual({
      error: "invalid_grant",
      error_description: "Token has been expired or revoked.",
    });
  });

  it("rejects an unsupported grant type", async () => {
    const res = await postToken(emulator, { grant_type: "password" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "unsupported_grant_type" });
  });
});

describe("revoke", () => {
  it("revokes the whole grant from its refresh token", async () => {
    const refreshToken = emulator.issueRefreshToken("host@example.com");
    const access = await postToken(emulator, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });
    const { access_token } = (await access.json()) as { access_token: string };

    const res = await fetch(`${emulator.url}/revoke?token=${encodeURIComponent(refreshToken)}`, {
      method: "POST",
    });
    expect(res.status).toBe(200);

    const userinfo = await fetch(`${emulator.url}/oauth2/v3/userinfo`, bearer(access_token));
    expect(userinfo.status).toBe(401);
    const refresh = await postToken(emulator, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });
    expect(await refresh.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("revokes from an access token given in the form body", async () => {
    const accessToken = await accessTokenFor(emulator, "host@example.com");
    const res = await fetch(`${emulator.url}/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: accessToken }).toString(),
    });
    expect(res.status).toBe(200);
    expect((await fetch(`${emulator.url}/oauth2/v3/userinfo`, bearer(accessToken))).status).toBe(
      401,
    );
  });

  it("answers invalid_token for unknown or already revoked tokens", async () => {
    const res = await fetch(`${emulator.url}/revoke?token=unknown`, { method: "POST" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "invalid_token",
      error_description: "Token expired or revoked",
    });
  });
});

describe("userinfo", () => {
  it("returns the consenting user", async () => {
    const code =
      (await consent(emulator, { email: "Ana@Example.com", name: "Ana Host" })).searchParams.get(
        "code",
      ) ?? "";
    const { body } = await exchange(code);
    const res = await fetch(
      `${emulator.url}/oauth2/v3/userinfo`,
      bearer(String(body["access_token"])),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      sub: expect.stringMatching(/^\d{21}$/),
      email: "ana@example.com",
      email_verified: true,
      name: "Ana Host",
    });
  });

  it("tells accounts apart by sub: a second account may share an email, an account may change it", async () => {
    const infoAfter = async (fields: Record<string, string>) => {
      const code = (await consent(emulator, fields)).searchParams.get("code") ?? "";
      const { body } = await exchange(code);
      const res = await fetch(
        `${emulator.url}/oauth2/v3/userinfo`,
        bearer(String(body["access_token"])),
      );
      return (await res.json()) as Record<string, unknown>;
    };
    const first = await infoAfter({ email: "shared@example.com" });
    const second = await infoAfter({ email: "shared@example.com", sub: "222" });
    expect(second).toMatchObject({ sub: "222", email: "shared@example.com" });
    expect(first["sub"]).not.toBe("222");
    expect(await infoAfter({ email: "shared@example.com" })).toMatchObject({ sub: first["sub"] });
    expect(await infoAfter({ email: "moved@example.com", sub: "222" })).toMatchObject({
      sub: "222",
      email: "moved@example.com",
    });
    emulator.createUser("unverified@example.com", "U", { sub: "333", emailVerified: false });
    expect(await infoAfter({ email: "unverified@example.com", sub: "333" })).toMatchObject({
      email_verified: false,
    });
  });

  it("answers 401 for missing, unknown and expired tokens", async () => {
    const accessToken = await accessTokenFor(emulator, "host@example.com");
    expect((await fetch(`${emulator.url}/oauth2/v3/userinfo`)).status).toBe(401);
    expect((await fetch(`${emulator.url}/oauth2/v3/userinfo`, bearer("ya29.nope"))).status).toBe(
      401,
    );
    emulator.advanceTime(3600 * 1000);
    const expired = await fetch(`${emulator.url}/oauth2/v3/userinfo`, bearer(accessToken));
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      error: "invalid_request",
      error_description: "Invalid Credentials",
    });
  });
});
