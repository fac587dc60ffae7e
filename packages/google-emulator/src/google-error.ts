import type { Reply } from "./http.ts";

const statusNames: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ALREADY_EXISTS",
  410: "FAILED_PRECONDITION",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

/** An error answered in the body shape of Google's JSON APIs. */
export class GoogleError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** An error answered in the OAuth 2 shape used by the token, revoke and userinfo endpoints. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export function googleErrorReply(status: number, reason: string, message: string): Reply {
  return {
    status,
    json: {
      error: {
        code: status,
        message,
        errors: [{ domain: "global", reason, message }],
        status: statusNames[status] ?? (status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION"),
      },
    },
  };
}

export function oauthErrorReply(status: number, error: string, description: string): Reply {
  return { status, json: { error, error_description: description } };
}

export function errorReply(error: unknown): Reply {
  if (error instanceof GoogleError)
    return googleErrorReply(error.status, error.reason, error.message);
  if (error instanceof OAuthError)
    return oauthErrorReply(error.status, error.error, error.description);
  const message = error instanceof Error ? error.message : String(error);
  return googleErrorReply(500, "backendError", message);
}
