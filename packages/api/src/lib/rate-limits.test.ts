import { describe, expect, it } from "vitest";
import { createRateLimits, defaultRateLimits } from "./rate-limits.ts";

describe("rate limits in memory", () => {
  const limits = createRateLimits(
    { kind: "memory" },
    { ...defaultRateLimits, signInPerIp: { points: 2, durationSeconds: 600 } },
  );

  it("lets `points` attempts through per key, then says when to come back", async () => {
    await limits.consume("signInPerIp", "203.0.113.1");
    await limits.consume("signInPerIp", "203.0.113.1");
    const refused = await limits.consume("signInPerIp", "203.0.113.1").catch((e: unknown) => e);
    expect(refused).toMatchObject({
      name: "RateLimitedError",
      message: "Too many attempts. Please try again in 10 minutes.",
    });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(590);
    await expect(limits.consume("signInPerIp", "203.0.113.2")).resolves.toBeUndefined();
  });

  it("checks without counting", async () => {
    for (let i = 0; i < 5; i++) await limits.check("signInPerIp", "203.0.113.3");
    await limits.consume("signInPerIp", "203.0.113.3");
    await limits.consume("signInPerIp", "203.0.113.3");
    await expect(limits.check("signInPerIp", "203.0.113.3")).rejects.toMatchObject({
      name: "RateLimitedError",
    });
  });
});
