import { createHash, randomBytes } from "node:crypto";

const PREFIX = "tt_";

/** A new key in the form the host copies once; only its hash is stored. */
export function generateApiKey(): string {
  return PREFIX + randomBytes(24).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
