import { describe, expect, it } from "vitest";
import { classifyGoogleError, GoogleApiError } from "./errors.ts";

function httpError(status: number, data: unknown) {
  return Object.assign(new Error(`Request failed with status code ${status}`), {
    config: { headers: { authorization: "Bearer ya29.secret-access" } },
    response: { status, data },
  });
}

const apiError = (status: number, reason: string) =>
  httpError(status, {
    error: {
      code: status,
      message: reason,
      errors: [{ domain: "global", reason, message: reason }],
    },
  });

describe("classifyGoogleError", () => {
  it.each([
    [apiError(503, "backendError"), "events.insert", "retryable", "backendError"],
    [apiError(500, "internalError"), "events.get", "retryable", "internalError"],
    [apiError(429, "rateLimitExceeded"), "freebusy", "retryable", "rateLimitExceeded"],
    [apiError(403, "rateLimitExceeded"), "freebusy", "retryable", "rateLimitExceeded"],
    [apiError(403, "userRateLimitExceeded"), "freebusy", "retryable", "userRateLimitExceeded"],
    [apiError(403, "forbidden"), "events.insert", "permanent", "forbidden"],
    [apiError(401, "authError"), "events.insert", "revoked", "authError"],
    [apiError(400, "invalid"), "events.insert", "permanent", "invalid"],
    [apiError(404, "notFound"), "events.patch", "permanent", "notFound"],
    [apiError(409, "duplicate"), "events.insert", "permanent", "duplicate"],
    [
      httpError(400, {
        error: "invalid_grant",
        error_description: "Token has been expired or revoked.",
      }),
      "token",
      "revoked",
      "invalid_grant",
    ],
    [
      httpError(400, { error: "invalid_grant", error_description: "Malformed auth code." }),
      "code",
      "permanent",
      "invalid_grant",
    ],
    [
      httpError(401, {
        error: "invalid_client",
        error_description: "The OAuth client was not found.",
      }),
      "token",
      "permanent",
      "invalid_client",
    ],
    [httpError(502, "<html>Bad Gateway</html>"), "freebusy", "retryable", undefined],
  ] as const)("classifies %#: %s as %s", (error, operation, kind, reason) => {
    const classified = classifyGoogleError(error, operation);
    expect(classified).toBeInstanceOf(GoogleApiError);
    expect(classified).toMatchObject({ kind, reason, operation, status: error.response.status });
  });

  it("classifies network errors and timeouts as retryable", () => {
    const refused = Object.assign(
      new Error("request to http://x/token failed, reason: connect ECONNREFUSED"),
      {
        config: {},
        code: "ECONNREFUSED",
      },
    );
    expect(classifyGoogleError(refused, "token")).toMatchObject({
      kind: "retryable",
      reason: "ECONNREFUSED",
    });
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    expect(classifyGoogleError(timeout, "events.get")).toMatchObject({
      kind: "retryable",
      reason: "timeout",
    });
  });

  it("treats errors that did not come from a Google call as permanent", () => {
    expect(classifyGoogleError(new TypeError("x is undefined"), "events.insert")).toMatchObject({
      kind: "permanent",
      reason: undefined,
    });
  });

  it("returns GoogleApiErrors unchanged", () => {
    const error = new GoogleApiError({ kind: "retryable", operation: "token", message: "m" });
    expect(classifyGoogleError(error, "events.get")).toBe(error);
  });

  it("keeps tokens and the request config out of the message and serialization", () => {
    const leaky = Object.assign(
      new Error("request to https://oauth2.googleapis.com/revoke?token=1//0gSECRET failed"),
      {
        config: {
          headers: { authorization: "Bearer ya29.secret-access" },
          data: "refresh_token=1//0gSECRET",
        },
      },
    );
    const classified = classifyGoogleError(leaky, "revoke", ["1//0gSECRET"]);
    const serialized = JSON.stringify(classified) + classified.message + String(classified.stack);
    expect(serialized).not.toContain("SECRET");
    expect(serialized).not.toContain("ya29");
    expect(JSON.parse(JSON.stringify(classified))).toEqual({
      name: "GoogleApiError",
      message: expect.stringContaining("token=[redacted]"),
      kind: "retryable",
      reason: "network",
      operation: "revoke",
    });
  });

  it("redacts token-shaped strings it was not told about", () => {
    const echoed = apiError(400, "invalid");
    echoed.response.data = {
      error: { message: "bad token ya29.abc.def and 1//0gxyz", errors: [{ reason: "invalid" }] },
    };
    const { message } = classifyGoogleError(echoed, "events.insert");
    expect(message).not.toMatch(/ya29\.abc|1\/\/0gxyz/);
  });
});
