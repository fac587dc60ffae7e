import { describe, expect, it } from "vitest";
import { randomToken } from "./random-token.ts";

describe("randomToken", () => {
  it("gives tokens of the asked length that never repeat, across refills of its pool", () => {
    const tokens = Array.from({ length: 1_000 }, () => randomToken(32));
    expect(new Set(tokens).size).toBe(1_000);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // 32 random bytes: not the zeroes left behind in the pool.
      expect(Buffer.from(token, "base64url")).not.toEqual(Buffer.alloc(32));
    }
    expect(randomToken(24)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(randomToken(5_000)).toHaveLength(Math.ceil((5_000 * 4) / 3));
  });
});
