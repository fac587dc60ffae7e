import { normalizeScopes } from "./scopes.ts";

/** The parameters of an OAuth authorization request, validated the way Google's consent screen does. */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  /** Kept verbatim so the consent form can send the request back unchanged. */
  scope: string;
  state: string | undefined;
  offline: boolean;
  loginHint: string | undefined;
  codeChallenge: { value: string; method: CodeChallengeMethod } | undefined;
}

/** Google accepts both PKCE methods; a challenge without a method is `plain` (RFC 7636). */
export type CodeChallengeMethod = "S256" | "plain";

export class AuthorizationRequestError extends Error {
  constructor(
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

export function parseAuthorizationRequest(
  params: Record<string, string | undefined>,
): AuthorizationRequest {
  const clientId = params["client_id"];
  if (!clientId)
    throw new AuthorizationRequestError("invalid_client", "Missing required parameter: client_id");
  const redirectUri = params["redirect_uri"];
  if (!redirectUri)
    throw new AuthorizationRequestError(
      "invalid_request",
      "Missing required parameter: redirect_uri",
    );
  if (!isHttpUrl(redirectUri)) {
    throw new AuthorizationRequestError(
      "redirect_uri_mismatch",
      `Invalid redirect_uri: ${redirectUri}`,
    );
  }
  const responseType = params["response_type"];
  if (!responseType)
    throw new AuthorizationRequestError(
      "invalid_request",
      "Missing required parameter: response_type",
    );
  if (responseType !== "code") {
    throw new AuthorizationRequestError(
      "unsupported_response_type",
      `Unsupported response_type: ${responseType}`,
    );
  }
  const scope = params["scope"];
  if (!scope)
    throw new AuthorizationRequestError("invalid_request", "Missing required parameter: scope");
  const scopes = normalizeScopes(scope);
  if (!scopes)
    throw new AuthorizationRequestError(
      "invalid_scope",
      `Some requested scopes were invalid: ${scope}`,
    );
  const accessType = params["access_type"] ?? "online";
  if (accessType !== "online" && accessType !== "offline") {
    throw new AuthorizationRequestError("invalid_request", `Invalid access_type: ${accessType}`);
  }
  return {
    clientId,
    redirectUri,
    scopes,
    scope,
    state: params["state"],
    offline: accessType === "offline",
    loginHint: params["login_hint"],
    codeChallenge: codeChallenge(params),
  };
}

function codeChallenge(params: Record<string, string | undefined>) {
  const value = params["code_challenge"];
  const method = params["code_challenge_method"] ?? "plain";
  if (value === undefined) {
    if (params["code_challenge_method"] === undefined) return undefined;
    throw new AuthorizationRequestError(
      "invalid_request",
      "Missing required parameter: code_challenge",
    );
  }
  if (method !== "S256" && method !== "plain")
    throw new AuthorizationRequestError(
      "invalid_request",
      `Invalid code_challenge_method: ${method}`,
    );
  if (!/^[\w.~-]{43,128}$/.test(value))
    throw new AuthorizationRequestError("invalid_request", "Invalid code_challenge.");
  return { value, method } satisfies AuthorizationRequest["codeChallenge"];
}

/** The hidden form fields that carry a request from the consent page to the decision endpoint. */
export function authorizationRequestFields(request: AuthorizationRequest): Record<string, string> {
  const fields: Record<string, string> = {
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    response_type: "code",
    scope: request.scope,
    access_type: request.offline ? "offline" : "online",
  };
  if (request.state !== undefined) fields["state"] = request.state;
  if (request.codeChallenge) {
    fields["code_challenge"] = request.codeChallenge.value;
    fields["code_challenge_method"] = request.codeChallenge.method;
  }
  return fields;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hash === "";
  } catch {
    return false;
  }
}
