/**
 * Why a message did not go out. `permanent` is the server's 5xx refusal (retrying sends the same
 * message to the same refusal); `temporary` is a 4xx answer or no answer at all (connection
 * refused, timeout), which a later attempt may get past.
 */
export class SmtpSendError extends Error {
  override name = "SmtpSendError";

  constructor(
    readonly kind: "temporary" | "permanent",
    /** The server's reply ("550 5.1.1 No such user"), or the connection error's message. */
    readonly reason: string,
    readonly responseCode?: number,
  ) {
    super(reason);
  }

  static from(error: unknown): SmtpSendError {
    const { responseCode, response, message } = (error ?? {}) as {
      responseCode?: unknown;
      response?: unknown;
      message?: unknown;
    };
    const reason = String(response ?? message ?? error);
    if (typeof responseCode !== "number") return new SmtpSendError("temporary", reason);
    return new SmtpSendError(responseCode >= 500 ? "permanent" : "temporary", reason, responseCode);
  }
}
