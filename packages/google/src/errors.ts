export type GoogleErrorKind = "retryable" | "revoked" | "permanent";

/** The Google calls this package makes; `code` is the authorization-code exchange, `token` a refresh. */
export type GoogleOperation =
  | "code"
  | "token"
  | "userinfo"
  | "revoke"
  | "freebusy"
  | "events.insert"
  | "events.get"
  | "events.patch"
  | "events.delete"
  | "events.list"
  | "events.watch"
  | "channels.stop"
  | "calendarList.list";

/**
 * The only error this package throws. It deliberately keeps no reference to the underlying
 * HTTP error, whose request config carries the tokens.
 */
export class GoogleApiError extends Error {
  override readonly name = "GoogleApiError";
  readonly kind: GoogleErrorKind;
  readonly status: number | undefined;
  readonly reason: string | undefined;
  readonly operation: GoogleOperation;

  constructor(fields: {
    kind: GoogleErrorKind;
    operation: GoogleOperation;
    message: string;
    status?: number;
    reason?: string;
  }) {
    super(fields.message);
    this.kind = fields.kind;
    this.status = fields.status;
    this.reason = fields.reason;
    this.operation = fields.operation;
  }

  toJSON() {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      status: this.status,
      reason: this.reason,
      operation: this.operation,
    };
  }
}

const rateLimitReasons = new Set(["rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded"]);
const clientConfigReasons = new Set(["invalid_client", "unauthorized_client"]);

interface HttpFailure {
  status: number | undefined;
  reason: string | undefined;
  detail: string | undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function responseData(data: unknown): Record<string, unknown> | undefined {
  if (typeof data !== "string") return record(data);
  try {
    return record(JSON.parse(data));
  } catch {
    return undefined;
  }
}

/** Reads status, reason and message from a gaxios error or a fetch/abort error. */
function describe(error: unknown): HttpFailure {
  const err = record(error);
  const response = record(err?.["response"]);
  const status = typeof response?.["status"] === "number" ? response["status"] : undefined;
  if (status === undefined) {
    const name = text(err?.["name"]);
    const timedOut =
      name === "TimeoutError" ||
      name === "AbortError" ||
      /abort|timed? ?out/i.test(text(err?.["message"]) ?? "");
    return {
      status: undefined,
      reason: timedOut ? "timeout" : (text(err?.["code"]) ?? "network"),
      detail: text(err?.["message"]),
    };
  }
  const data = responseData(response?.["data"]);
  const oauthError = text(data?.["error"]);
  if (oauthError !== undefined) {
    return { status, reason: oauthError, detail: text(data?.["error_description"]) };
  }
  const apiError = record(data?.["error"]);
  const first = Array.isArray(apiError?.["errors"]) ? record(apiError["errors"][0]) : undefined;
  return {
    status,
    reason: text(first?.["reason"]) ?? text(apiError?.["status"]),
    detail: text(apiError?.["message"]) ?? text(err?.["message"]),
  };
}

function kindOf({ status, reason }: HttpFailure, operation: GoogleOperation): GoogleErrorKind {
  if (status === undefined) return "retryable";
  if (reason === "invalid_grant") return operation === "code" ? "permanent" : "revoked";
  if (status === 401)
    return reason !== undefined && clientConfigReasons.has(reason) ? "permanent" : "revoked";
  if (status === 408 || status === 429 || status >= 500) return "retryable";
  if (status === 403 && reason !== undefined && rateLimitReasons.has(reason)) return "retryable";
  return "permanent";
}

const tokenPatterns: [RegExp, string][] = [
  [/\b(token|code|access_token|refresh_token|client_secret)=[^&\s"']+/gi, "$1=[redacted]"],
  [/\bya29\.[\w.-]+/g, "[redacted]"],
  [/\b1\/\/[\w.-]+/g, "[redacted]"],
  [/\bBearer\s+[\w.~+/-]+=*/gi, "Bearer [redacted]"],
];

function redact(message: string, secrets: readonly string[]): string {
  let result = message;
  for (const secret of secrets) {
    if (secret !== "") result = result.split(secret).join("[redacted]");
  }
  for (const [pattern, replacement] of tokenPatterns) result = result.replace(pattern, replacement);
  return result;
}

/**
 * Turns anything a Google call threw into a GoogleApiError: `retryable` (network, timeout,
 * 408/429/5xx, 403 rate limits), `revoked` (invalid_grant on refresh, 401 after a refresh) or
 * `permanent`. `secrets` are scrubbed from the message, as are token-shaped strings.
 */
export function classifyGoogleError(
  error: unknown,
  operation: GoogleOperation,
  secrets: readonly string[] = [],
): GoogleApiError {
  if (error instanceof GoogleApiError) return error;
  const described = describe(error);
  // Gaxios errors (HTTP and network failures alike) carry the request config.
  const isGaxios = record(error)?.["config"] !== undefined;
  const fromGoogleCall =
    isGaxios || described.status !== undefined || described.reason === "timeout";
  // Anything else is a local bug, not a transport failure: retrying would not help.
  const failure = fromGoogleCall ? described : { ...described, reason: undefined };
  const kind = fromGoogleCall ? kindOf(failure, operation) : "permanent";
  const parts = [`Google ${operation} failed`];
  if (failure.status !== undefined) parts.push(`with ${failure.status}`);
  if (failure.reason !== undefined) parts.push(`(${failure.reason})`);
  const summary = parts.join(" ");
  return new GoogleApiError({
    kind,
    operation,
    status: failure.status,
    reason: failure.reason,
    message: redact(failure.detail ? `${summary}: ${failure.detail}` : summary, secrets),
  });
}
