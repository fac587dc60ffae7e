import { describe, expect, it } from "vitest";
import { decideAfterFailure, MAX_SYNC_ATTEMPTS, nextRetryDelayMs } from "./sync-backoff.ts";

const SECOND = 1000;
const HOUR = 3600 * SECOND;
/** The largest value Math.random can return. */
const top = () => 1 - 2 ** -53;
const bottom = () => 0;

describe("nextRetryDelayMs", () => {
  it("doubles from 5 s on the first failure", () => {
    expect([1, 2, 3, 4, 5].map((attempt) => nextRetryDelayMs(attempt, top))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000,
    ]);
  });

  it("waits at least half the ceiling, never zero", () => {
    expect([1, 2, 3, 10].map((attempt) => nextRetryDelayMs(attempt, bottom))).toEqual([
      2_500, 5_000, 10_000, 1_280_000,
    ]);
  });

  it("caps the delay at one hour", () => {
    expect(nextRetryDelayMs(11, top)).toBe(HOUR);
    expect(nextRetryDelayMs(11, bottom)).toBe(HOUR / 2);
    expect(nextRetryDelayMs(MAX_SYNC_ATTEMPTS, top)).toBeLessThanOrEqual(HOUR);
    expect(nextRetryDelayMs(2000, top)).toBeLessThanOrEqual(HOUR);
    expect(nextRetryDelayMs(2000, bottom)).toBe(HOUR / 2);
  });

  it("stays within [ceiling/2, ceiling] with the real random source", () => {
    for (let i = 0; i < 200; i++) {
      const delay = nextRetryDelayMs(4);
      expect(delay).toBeGreaterThanOrEqual(20 * SECOND);
      expect(delay).toBeLessThanOrEqual(40 * SECOND);
    }
  });

  it("rejects attempt numbers below 1", () => {
    expect(() => nextRetryDelayMs(0)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1.5)).toThrow(RangeError);
  });
});

describe("decideAfterFailure", () => {
  const now = new Date("2026-05-04T12:00:00Z");

  it("reschedules a retryable failure after the backoff delay", () => {
    expect(decideAfterFailure({ kind: "retryable", attempts: 1, now, random: bottom })).toEqual({
      state: "pending",
      nextAttemptAt: new Date("2026-05-04T12:00:02.500Z"),
    });
    expect(decideAfterFailure({ kind: "retryable", attempts: 3, now, random: top })).toEqual({
      state: "pending",
      nextAttemptAt: new Date("2026-05-04T12:00:20.000Z"),
    });
  });

  it("still retries on the last attempt below the cap", () => {
    const decision = decideAfterFailure({
      kind: "retryable",
      attempts: MAX_SYNC_ATTEMPTS - 1,
      now,
      random: top,
    });
    expect(decision).toEqual({ state: "pending", nextAttemptAt: new Date(now.getTime() + HOUR) });
  });

  it("gives up once MAX_SYNC_ATTEMPTS attempts have failed", () => {
    expect(decideAfterFailure({ kind: "retryable", attempts: MAX_SYNC_ATTEMPTS, now })).toEqual({
      state: "failed",
    });
    expect(decideAfterFailure({ kind: "retryable", attempts: MAX_SYNC_ATTEMPTS + 3, now })).toEqual(
      {
        state: "failed",
      },
    );
  });

  it("fails a permanent error at once", () => {
    expect(decideAfterFailure({ kind: "permanent", attempts: 1, now })).toEqual({
      state: "failed",
    });
  });

  it("parks a revoked grant whatever the attempt count, so it resumes on reconnect", () => {
    expect(decideAfterFailure({ kind: "revoked", attempts: 1, now })).toEqual({ state: "parked" });
    expect(decideAfterFailure({ kind: "revoked", attempts: MAX_SYNC_ATTEMPTS, now })).toEqual({
      state: "parked",
    });
  });

  it("retries for roughly 1.2 to 2.4 hours in all before giving up", () => {
    const total = (random: () => number) =>
      Array.from({ length: MAX_SYNC_ATTEMPTS - 1 }, (_, i) =>
        nextRetryDelayMs(i + 1, random),
      ).reduce((a, b) => a + b);
    expect(total(bottom)).toBeGreaterThan(1.2 * HOUR);
    expect(total(top)).toBeLessThan(2.45 * HOUR);
  });
});
