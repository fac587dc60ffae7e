import { createHash } from "node:crypto";
import {
  AuthorizationRequestError,
  parseAuthorizationRequest,
  type AuthorizationRequest,
  type CodeChallengeMethod,
} from "./authorization-request.ts";
import { authorizationErrorPage, consentPage } from "./consent-page.ts";
import { OAuthError } from "./google-error.ts";
import { asRecord, bearerToken, type ParsedRequest, type Reply } from "./http.ts";
import { accessTokenLifetimeSeconds, type IssuedTokens, type OAuthStore } from "./oauth-store.ts";
import { isCalendarScope } from "./scopes.ts";

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const subPattern = /^[\w-]{1,255}$/;

function stringParams(
  source: Record<string, unknown> | undefined,
): Record<string, string | undefined> {
  const params: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(source ?? {})) {
    if (typeof value === "string") params[key] = value;
  }
  return params;
}

function withAuthorizationRequest(
  params: Record<string, string | undefined>,
  handle: (request: AuthorizationRequest) => Reply,
): Reply {
  try {
    return handle(parseAuthorizationRequest(params));
  } catch (error) {
    if (!(error instanceof AuthorizationRequestError)) throw error;
    return { status: 400, html: authorizationErrorPage(error.error, error.message) };
  }
}

function redirectTo(redirectUri: string, params: Record<string, string | undefined>): Reply {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return { status: 302, location: url.toString() };
}

export function authorize(oauth: OAuthStore, req: ParsedRequest): Reply {
  const params = Object.fromEntries(req.url.searchParams);
  return withAuthorizationRequest(params, (request) => ({
    status: 200,
    html: consentPage(request, oauth.knownUsers()),
  }));
}

export function decide(oauth: OAuthStore, req: ParsedRequest): Reply {
  const form = stringParams(asRecord(req.body));
  return withAuthorizationRequest(form, (request) => {
    if (form["decision"] !== "allow") {
      return redirectTo(request.redirectUri, { error: "access_denied", state: request.state });
    }
    const email = form["email"]?.trim() ?? "";
    if (!emailPattern.test(email)) {
      return {
        status: 400,
        html: consentPage(request, oauth.knownUsers(), "Enter a valid email address."),
      };
    }
    const sub = form["sub"]?.trim() || undefined;
    if (sub !== undefined && !subPattern.test(sub)) {
      return {
        status: 400,
        html: consentPage(
          request,
          oauth.knownUsers(),
          "Enter an account id of letters, digits and hyphens.",
        ),
      };
    }
    const user = oauth.upsertUser(email, form["name"], { sub });
    // The page's checkbox comes after a hidden "withheld" of the same name, so the last value is
    // the user's choice; a client posting without the field grants everything, as before.
    const scopes =
      form["calendar"] === "withheld"
        ? request.scopes.filter((scope) => !isCalendarScope(scope))
        : request.scopes;
    const code = oauth.createCode({
      sub: user.sub,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      scopes,
      offline: request.offline,
      codeChallenge: request.codeChallenge,
    });
    return redirectTo(request.redirectUri, {
      code,
      state: request.state,
      scope: scopes.join(" "),
      authuser: "0",
      prompt: "consent",
    });
  });
}

function clientCredentials(req: ParsedRequest, form: Record<string, string | undefined>) {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, "base64").toString("utf8").split(":");
    return { clientId: id ? decodeURIComponent(id) : undefined, clientSecret: secret };
  }
  return { clientId: form["client_id"], clientSecret: form["client_secret"] };
}

/** A fake, unsigned ID token: enough for clients that decode it, useless to anyone verifying it. */
function idToken(tokens: IssuedTokens, clientId: string, now: number): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const seconds = Math.floor(now / 1000);
  const claims = {
    iss: "https://accounts.google.com",
    aud: clientId,
    sub: tokens.user.sub,
    email: tokens.user.email,
    email_verified: tokens.user.emailVerified,
    name: tokens.user.name,
    iat: seconds,
    exp: seconds + accessTokenLifetimeSeconds,
  };
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
}

function tokenResponse(tokens: IssuedTokens, clientId: string, now: number): Reply {
  const body: Record<string, unknown> = {
    access_token: tokens.accessToken,
    expires_in: accessTokenLifetimeSeconds,
    scope: tokens.scopes.join(" "),
    token_type: "Bearer",
  };
  if (tokens.refreshToken !== null) body["refresh_token"] = tokens.refreshToken;
  if (tokens.scopes.includes("openid")) body["id_token"] = idToken(tokens, clientId, now);
  return {
    status: 200,
    json: body,
    headers: { "cache-control": "no-cache, no-store, max-age=0, must-revalidate" },
  };
}

/** PKCE (RFC 7636): the verifier, hashed with S256 or as is for `plain`, must be the challenge. */
function verifies(
  challenge: { value: string; method: CodeChallengeMethod },
  verifier: string | undefined,
): boolean {
  if (!verifier) return false;
  const expected =
    challenge.method === "S256"
      ? createHash("sha256").update(verifier).digest("base64url")
      : verifier;
  return expected === challenge.value;
}

export function token(oauth: OAuthStore, req: ParsedRequest, now: number): Reply {
  const form = stringParams(asRecord(req.body));
  const { clientId, clientSecret } = clientCredentials(req, form);
  if (!clientId || !clientSecret)
    throw new OAuthError(401, "invalid_client", "The OAuth client was not found.");
  const grantType = form["grant_type"];
  if (grantType === "authorization_code") {
    const code = oauth.takeCode(form["code"] ?? "");
    if (!code) throw new OAuthError(400, "invalid_grant", "Malformed auth code.");
    if (code.clientId !== clientId)
      throw new OAuthError(401, "unauthorized_client", "Unauthorized");
    if (code.redirectUri !== form["redirect_uri"])
      throw new OAuthError(400, "redirect_uri_mismatch", "Bad Request");
    if (code.codeChallenge && !verifies(code.codeChallenge, form["code_verifier"]))
      throw new OAuthError(400, "invalid_grant", "Invalid code verifier.");
    const user = oauth.account(code.sub);
    const tokens = oauth.createGrant(user, code.clientId, code.scopes, code.offline);
    return tokenResponse(tokens, clientId, now);
  }
  if (grantType === "refresh_token") {
    const grant = oauth.refreshGrant(form["refresh_token"] ?? "");
    if (!grant) throw new OAuthError(400, "invalid_grant", "Bad Request");
    if (grant.revoked)
      throw new OAuthError(400, "invalid_grant", "Token has been expired or revoked.");
    if (grant.clientId !== null && grant.clientId !== clientId) {
      throw new OAuthError(401, "unauthorized_client", "Unauthorized");
    }
    return tokenResponse(oauth.refresh(grant), clientId, now);
  }
  if (!grantType)
    throw new OAuthError(400, "invalid_request", "Missing required parameter: grant_type");
  throw new OAuthError(400, "unsupported_grant_type", `Invalid grant_type: ${grantType}`);
}

export function revoke(oauth: OAuthStore, req: ParsedRequest): Reply {
  const value = req.url.searchParams.get("token") ?? stringParams(asRecord(req.body))["token"];
  if (!value || !oauth.revokeToken(value)) {
    throw new OAuthError(400, "invalid_token", "Token expired or revoked");
  }
  return { status: 200, json: {} };
}

/** Like Google's v3 endpoint, failures use the OAuth error shape rather than the JSON API one. */
export function userinfo(oauth: OAuthStore, req: ParsedRequest): Reply {
  const session = oauth.authenticate(bearerToken(req.headers) ?? "");
  if (!session) throw new OAuthError(401, "invalid_request", "Invalid Credentials");
  const { user } = session;
  return {
    status: 200,
    json: {
      sub: user.sub,
      name: user.name,
      given_name: user.name.split(" ")[0],
      email: user.email,
      email_verified: user.emailVerified,
    },
  };
}
