import { describe, expect, it } from "vitest";
import { GoogleApiError } from "./errors.ts";
import { googleCall } from "./google-call.ts";
import type { GoogleCallOutcome } from "./settings.ts";

function observed() {
  const calls: GoogleCallOutcome[] = [];
  return { calls, context: { timeoutMs: 50, logger: undefined, onCall: calls.push.bind(calls) } };
}

describe("googleCall's report of each call", () => {
  it("reports a call that answered as ok, with its duration", async () => {
    const { calls, context } = observed();
    await googleCall(context, "freebusy", [], async () => "answer");
    expect(calls).toEqual([{ operation: "freebusy", outcome: "ok", seconds: expect.any(Number) }]);
  });

  it("reports a failure by its kind, and a call that hangs once, as retryable", async () => {
    const { calls, context } = observed();
    const revoked = new GoogleApiError({ kind: "revoked", operation: "token", message: "gone" });
    await expect(googleCall(context, "token", [], () => Promise.reject(revoked))).rejects.toBe(
      revoked,
    );
    await expect(
      googleCall(context, "events.insert", [], () => new Promise(() => undefined)),
    ).rejects.toThrow(/timed out/);
    expect(calls.map(({ operation, outcome }) => `${operation} ${outcome}`)).toEqual([
      "token revoked",
      "events.insert retryable",
    ]);
    expect(calls[1]?.seconds).toBeGreaterThanOrEqual(0.04);
  });
});
