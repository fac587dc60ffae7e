import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
// Binds ciphertexts to their purpose: a token encrypted for another use cannot be swapped in.
const ASSOCIATED_DATA = Buffer.from("timetap:google-refresh-token");

export class TokenKeyError extends Error {
  override name = "TokenKeyError";
}

export type TokenCipher = ReturnType<typeof createTokenCipher>;

/**
 * AES-256-GCM for Google refresh tokens at rest. The key is 32 bytes given as base64 (or 64 hex
 * digits); the stored form is `v1:iv:tag:ciphertext` so the scheme can change without guessing.
 */
export function createTokenCipher(encodedKey: string) {
  const key = decodeKey(encodedKey);
  return {
    encrypt(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(ASSOCIATED_DATA);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body].map(encodePart).join(":");
    },
    decrypt(stored: string): string {
      const [version, iv, tag, body] = stored.split(":");
      if (version !== VERSION || !iv || !tag || body === undefined) {
        throw new TokenKeyError("Stored token is not in a known format.");
      }
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(ASSOCIATED_DATA);
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      try {
        return Buffer.concat([
          decipher.update(Buffer.from(body, "base64url")),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        throw new TokenKeyError("Stored token cannot be decrypted with TOKEN_ENCRYPTION_KEY.");
      }
    },
  };
}

function encodePart(part: string | Buffer): string {
  return typeof part === "string" ? part : part.toString("base64url");
}

function decodeKey(encoded: string): Buffer {
  const trimmed = encoded.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64");
  if (key.length !== 32) {
    throw new TokenKeyError(
      "TOKEN_ENCRYPTION_KEY must be 32 bytes, given as base64 or 64 hex digits.",
    );
  }
  return key;
}
