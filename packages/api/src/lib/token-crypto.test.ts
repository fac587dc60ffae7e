import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher, TokenKeyError } from "./token-crypto.ts";

const key = randomBytes(32).toString("base64");
const refreshToken = "1//0gRefreshTokenFromGoogle-abc_DEF";

describe("token cipher", () => {
  it("round-trips a refresh token without storing it in clear", () => {
    const cipher = createTokenCipher(key);
    const stored = cipher.encrypt(refreshToken);
    expect(stored).not.toContain(refreshToken);
    expect(stored.startsWith("v1:")).toBe(true);
    expect(cipher.decrypt(stored)).toBe(refreshToken);
  });

  it("never produces the same ciphertext twice (fresh IV)", () => {
    const cipher = createTokenCipher(key);
    expect(cipher.encrypt(refreshToken)).not.toBe(cipher.encrypt(refreshToken));
  });

  it("refuses a tampered ciphertext or another key", () => {
    const stored = createTokenCipher(key).encrypt(refreshToken);
    const parts = stored.split(":");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [parts[0], parts[1], parts[2], body.toString("base64url")].join(":");
    expect(() => createTokenCipher(key).decrypt(tampered)).toThrow(TokenKeyError);
    expect(() => createTokenCipher(randomBytes(32).toString("hex")).decrypt(stored)).toThrow(
      TokenKeyError,
    );
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => createTokenCipher("too-short")).toThrow(/32 bytes/);
  });
});
