import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v2";
// v1 tokens (before key rotation) were bound to their purpose only; they still decrypt, and
// `pnpm --filter @timetap/web rotate-tokens` rewrites them as v2.
const LEGACY_VERSION = "v1";
const PURPOSE = "timetap:google-refresh-token";
const TAG_BYTES = 16;

export class TokenKeyError extends Error {
  override name = "TokenKeyError";
}

export type TokenCipher = ReturnType<typeof createTokenCipher>;

interface TokenKey {
  id: string;
  key: Buffer;
}

/**
 * AES-256-GCM for Google refresh tokens at rest. Each key is 32 bytes given as base64 (or 64 hex
 * digits), newest first: tokens are encrypted with the newest, and decrypt with whichever key
 * made them, so keys can rotate. The stored form is `v2:keyId:iv:tag:ciphertext`; the associated
 * data binds it to its host, so a token copied onto another host's row does not decrypt.
 */
export function createTokenCipher(encodedKeys: readonly string[]) {
  const keys = encodedKeys.map(decodeKey);
  const newest = keys[0];
  if (!newest) throw new TokenKeyError("At least one token encryption key is needed.");
  return {
    encrypt(plain: string, hostId: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", newest.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(hostBound(hostId));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, newest.id, iv, cipher.getAuthTag(), body].map(encodePart).join(":");
    },
    decrypt(stored: string, hostId: string): string {
      const parts = stored.split(":");
      if (parts[0] === VERSION && parts.length === 5) {
        const [, keyId, iv, tag, body] = parts as [string, string, string, string, string];
        const match = keys.find((candidate) => candidate.id === keyId);
        if (!match)
          throw new TokenKeyError(
            "Stored token was encrypted with a key that is no longer in TOKEN_ENCRYPTION_KEYS.",
          );
        return open(match.key, hostBound(hostId), iv, tag, body);
      }
      if (parts[0] === LEGACY_VERSION && parts.length === 4) {
        const [, iv, tag, body] = parts as [string, string, string, string];
        for (const { key } of keys) {
          try {
            return open(key, Buffer.from(PURPOSE), iv, tag, body);
          } catch {
            // Not this key; an older one in the list may have made it.
          }
        }
        throw new TokenKeyError("Stored token cannot be decrypted with any configured key.");
      }
      throw new TokenKeyError("Stored token is not in a known format.");
    },
    /** Whether a stored token is already in the current format under the newest key. */
    isCurrent(stored: string): boolean {
      return stored.startsWith(`${VERSION}:${newest.id}:`);
    },
  };
}

function hostBound(hostId: string): Buffer {
  return Buffer.from(`${PURPOSE}:${hostId}`);
}

function open(key: Buffer, associated: Buffer, iv: string, tag: string, body: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(associated);
  try {
    // A shortened tag would weaken the check; setAuthTag alone accepts one.
    const authTag = Buffer.from(tag, "base64url");
    if (authTag.length !== TAG_BYTES) throw new Error("short tag");
    decipher.setAuthTag(authTag);
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new TokenKeyError("Stored token cannot be decrypted with TOKEN_ENCRYPTION_KEYS.");
  }
}

function encodePart(part: string | Buffer): string {
  return typeof part === "string" ? part : part.toString("base64url");
}

function decodeKey(encoded: string): TokenKey {
  const trimmed = encoded.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64");
  if (key.length !== 32) {
    throw new TokenKeyError(
      "TOKEN_ENCRYPTION_KEY must be 32 bytes, given as base64 or 64 hex digits.",
    );
  }
  // A fingerprint, not the key: enough to pick the right key, useless for decrypting.
  const id = createHash("sha256").update("timetap-token-key-id:").update(key).digest("hex");
  return { id: id.slice(0, 12), key };
}
