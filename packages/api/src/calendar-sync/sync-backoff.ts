/**
 * Attempts 1..11 wait 5 s, 10 s, 20 s ... 2560 s, then the 1-hour cap: between 1.2 and 2.4 hours
 * of retrying in all, long enough to ride out a Google outage yet short enough that a booking
 * whose invitation never went out is flagged as failed the same day.
 */
export const MAX_SYNC_ATTEMPTS = 12;

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * Exponential backoff with equal jitter: uniform in [ceiling/2, ceiling], so workers that failed
 * together spread out, yet a retry never fires immediately.
 *
 * @param attempt the number of the attempt that just failed, starting at 1
 */
export function nextRetryDelayMs(attempt: number, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  }
  const ceiling = Math.min(BASE_DELAY_MS * 2 ** (attempt - 1), MAX_DELAY_MS);
  const half = ceiling / 2;
  return Math.floor(half + random() * half);
}

/**
 * Google's answers that ask to slow down (403 `rateLimitExceeded`/`userRateLimitExceeded`, 429):
 * quotas are per user, so the host's other work waits too.
 */
export function isRateLimited(failure: {
  status?: number | undefined;
  reason?: string | undefined;
}) {
  return (
    failure.status === 429 ||
    (failure.status === 403 &&
      (failure.reason === "rateLimitExceeded" || failure.reason === "userRateLimitExceeded"))
  );
}

/** As classified by the Google error mapping: `revoked` is `invalid_grant`. */
export type SyncFailureKind = "retryable" | "revoked" | "permanent";

export type SyncDecision =
  | { state: "pending"; nextAttemptAt: Date }
  | { state: "failed" }
  /** Waits for the host to reconnect the calendar; resumed then, never dropped. */
  | { state: "parked" };

export interface SyncFailure {
  kind: SyncFailureKind;
  /** Attempts made so far, including the one that just failed. */
  attempts: number;
  now: Date;
  random?: () => number;
}

export function decideAfterFailure({ kind, attempts, now, random }: SyncFailure): SyncDecision {
  switch (kind) {
    case "revoked":
      // Retrying cannot help until the host grants access again, and counting these
      // attempts would fail a booking that is fine once they reconnect.
      return { state: "parked" };
    case "permanent":
      return { state: "failed" };
    case "retryable":
      if (attempts >= MAX_SYNC_ATTEMPTS) return { state: "failed" };
      return {
        state: "pending",
        nextAttemptAt: new Date(now.getTime() + nextRetryDelayMs(attempts, random)),
      };
  }
}
