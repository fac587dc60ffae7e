import { createHash } from "node:crypto";
import { randomToken } from "../lib/random-token.ts";

const PREFIX = "tt_";

/** A new key in the form the host copies once; only its hash is stored. */
export function generateApiKey(): string {
  return PREFIX + randomToken(24);
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
