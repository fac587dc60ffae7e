import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { legacyEncrypt } from "../testing/legacy-token.ts";
import { createTokenCipher, TokenKeyError } from "./token-crypto.ts";

const key = randomBytes(32).toString("base64");
const newerKey = randomBytes(32).toString("hex");
const refreshToken = "1//0gRefreshTokenFromGoogle-abc_DEF";
const hostId = "0b6f2f9e-2a57-4f0c-9d1e-6f1d2a3b4c5d";

describe("token cipher", () => {
  it("round-trips a refresh token without storing it in clear", () => {
    const cipher = createTokenCipher([key]);
    const stored = cipher.encrypt(refreshToken, hostId);
    expect(stored).not.toContain(refreshToken);
    expect(stored.startsWith("v2:")).toBe(true);
    expect(cipher.decrypt(stored, hostId)).toBe(refreshToken);
  });

  it("never produces the same ciphertext twice (fresh IV)", () => {
    const cipher = createTokenCipher([key]);
    expect(cipher.encrypt(refreshToken, hostId)).not.toBe(cipher.encrypt(refreshToken, hostId));
  });

  it("refuses a token copied onto another host's row", () => {
    const cipher = createTokenCipher([key]);
    const stored = cipher.encrypt(refreshToken, hostId);
    expect(() => cipher.decrypt(stored, "another-host")).toThrow(TokenKeyError);
  });

  it("refuses a tampered ciphertext, a shortened tag, or another key", () => {
    const cipher = createTokenCipher([key]);
    const stored = cipher.encrypt(refreshToken, hostId);
    const parts = stored.split(":");
    const body = Buffer.from(parts[4] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 4), body.toString("base64url")].join(":");
    expect(() => cipher.decrypt(tampered, hostId)).toThrow(TokenKeyError);
    const tag = Buffer.from(parts[3] ?? "", "base64url")
      .subarray(0, 4)
      .toString("base64url");
    const shortTag = [...parts.slice(0, 3), tag, parts[4]].join(":");
    expect(() => cipher.decrypt(shortTag, hostId)).toThrow(TokenKeyError);
    expect(() => createTokenCipher([newerKey]).decrypt(stored, hostId)).toThrow(
      /no longer in TOKEN_ENCRYPTION_KEYS/,
    );
  });

  it("encrypts with the newest key and still decrypts with the older ones listed", () => {
    const old = createTokenCipher([key]).encrypt(refreshToken, hostId);
    const rotated = createTokenCipher([newerKey, key]);
    expect(rotated.decrypt(old, hostId)).toBe(refreshToken);
    expect(rotated.isCurrent(old)).toBe(false);
    const fresh = rotated.encrypt(refreshToken, hostId);
    expect(rotated.isCurrent(fresh)).toBe(true);
    expect(createTokenCipher([newerKey]).decrypt(fresh, hostId)).toBe(refreshToken);
  });

  it("still decrypts tokens stored in the format before rotation, with any listed key", () => {
    const legacy = legacyEncrypt(refreshToken, key);
    const cipher = createTokenCipher([newerKey, key]);
    expect(cipher.decrypt(legacy, hostId)).toBe(refreshToken);
    expect(cipher.isCurrent(legacy)).toBe(false);
    expect(() => createTokenCipher([newerKey]).decrypt(legacy, hostId)).toThrow(TokenKeyError);
  });

  it("rejects keys that are not 32 bytes, and an empty list", () => {
    expect(() => createTokenCipher(["too-short"])).toThrow(/32 bytes/);
    expect(() => createTokenCipher([])).toThrow(TokenKeyError);
  });
});
