import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GoogleApiError } from "./errors.ts";
import { createGoogle } from "./google.ts";
import {
  clientSettings,
  consentTo,
  googleFor,
  hostEmail,
  startTestEmulator,
} from "./testing/index.ts";

const emulator = await startTestEmulator();
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe("authorizationUrl", () => {
  it("asks for offline calendar access with forced consent and the state", () => {
    const url = new URL(googleFor(emulator).authorizationUrl("state-xyz"));
    expect(`${url.origin}${url.pathname}`).toBe(`${emulator.url}/o/oauth2/v2/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: clientSettings.clientId,
      redirect_uri: clientSettings.redirectUri,
      response_type: "code",
      scope:
        "openid email profile https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.freebusy https://www.googleapis.com/auth/calendar.calendarlist.readonly",
      access_type: "offline",
      prompt: "consent",
      include_granted_scopes: "true",
      state: "state-xyz",
    });
  });

  it("carries a PKCE challenge with the S256 method when given one", () => {
    const challenge = "c".repeat(43);
    const url = new URL(googleFor(emulator).authorizationUrl("state-xyz", challenge));
    expect(url.searchParams.get("code_challenge")).toBe(challenge);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
  });

  it("uses Google's hosts without a base URL", () => {
    const url = new URL(createGoogle(clientSettings).authorizationUrl("s"));
    expect(`${url.origin}${url.pathname}`).toBe("https://accounts.google.com/o/oauth2/v2/auth");
  });

  it("is accepted by the consent page", async () => {
    const res = await fetch(googleFor(emulator).authorizationUrl("s"));
    expect(res.status).toBe(200);
  });
});

describe("exchangeCode", () => {
  it("returns the tokens and the user from userinfo", async () => {
    const google = googleFor(emulator);
    const redirect = await consentTo(google.authorizationUrl("st-1"), hostEmail, "Host Person");
    expect(redirect.searchParams.get("state")).toBe("st-1");
    const account = await google.exchangeCode(redirect.searchParams.get("code") ?? "");
    expect(account).toEqual({
      refreshToken: expect.stringMatching(/^1\/\//),
      accessToken: expect.stringMatching(/^ya29\./),
      email: hostEmail,
      emailVerified: true,
      name: "Host Person",
      sub: expect.stringMatching(/^\d+$/),
      calendarGranted: true,
    });
    const token = emulator.requests().find((r) => r.operation === "token");
    expect(token?.body).toMatchObject({
      grant_type: "authorization_code",
      redirect_uri: clientSettings.redirectUri,
    });
  });

  it("sends the PKCE verifier; Google refuses the code with another one", async () => {
    const google = googleFor(emulator);
    const verifier = "v".repeat(43);
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const codeFor = async () =>
      (
        await consentTo(google.authorizationUrl("s", challenge), hostEmail, "Host")
      ).searchParams.get("code") ?? "";
    const error = await google.exchangeCode(await codeFor(), "w".repeat(43)).catch((e) => e);
    expect(error).toMatchObject({ kind: "permanent", reason: "invalid_grant", operation: "code" });
    expect(String(error) + JSON.stringify(error)).not.toContain("w".repeat(43));
    await expect(google.exchangeCode(await codeFor(), verifier)).resolves.toMatchObject({
      email: hostEmail,
    });
  });

  it("reports an unverified email and a grant without the calendar scopes", async () => {
    const google = googleFor(emulator);
    emulator.createUser(hostEmail, "Host", { sub: "42", emailVerified: false });
    const redirect = await consentTo(google.authorizationUrl("s"), hostEmail, "Host", {
      sub: "42",
      calendar: "withheld",
    });
    await expect(
      google.exchangeCode(redirect.searchParams.get("code") ?? ""),
    ).resolves.toMatchObject({ sub: "42", emailVerified: false, calendarGranted: false });
  });

  it("fails permanently for a used code, without leaking it", async () => {
    const google = googleFor(emulator);
    const code =
      (await consentTo(google.authorizationUrl("s"), hostEmail, "Host")).searchParams.get("code") ??
      "";
    await google.exchangeCode(code);
    const error = await google.exchangeCode(code).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error).toMatchObject({
      kind: "permanent",
      status: 400,
      reason: "invalid_grant",
      operation: "code",
    });
    expect(JSON.stringify(error) + String(error)).not.toContain(code);
  });

  it("reports a userinfo failure", async () => {
    const google = googleFor(emulator);
    const code =
      (await consentTo(google.authorizationUrl("s"), hostEmail, "Host")).searchParams.get("code") ??
      "";
    emulator.failNext("userinfo", { status: 503, reason: "backendError" });
    await expect(google.exchangeCode(code)).rejects.toMatchObject({
      kind: "retryable",
      operation: "userinfo",
    });
  });
});

describe("revokeToken", () => {
  it("revokes the grant and is idempotent", async () => {
    const google = googleFor(emulator);
    const refreshToken = emulator.issueRefreshToken(hostEmail);
    await google.revokeToken(refreshToken);
    expect(emulator.requests().at(-1)).toMatchObject({
      operation: "revoke",
      query: { token: refreshToken },
    });
    await expect(
      google.getCalendarBusyTimes(refreshToken, new Date(), new Date(Date.now() + 1000)),
    ).rejects.toMatchObject({
      kind: "revoked",
      reason: "invalid_grant",
    });
    await expect(google.revokeToken(refreshToken)).resolves.toBeUndefined();
  });

  it("fails as retryable when Google is unavailable, without the token in the error", async () => {
    const refreshToken = emulator.issueRefreshToken(hostEmail);
    emulator.failNext("revoke", { status: 503, reason: "backendError" });
    const error = await googleFor(emulator)
      .revokeToken(refreshToken)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "retryable", status: 503, operation: "revoke" });
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain(
      refreshToken,
    );
  });
});
