import { createHash } from "node:crypto";
import { randomToken } from "../lib/random-token.ts";
import { sameSecret } from "../lib/same-secret.ts";

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A channel's secret: Google echoes it with every notification (X-Goog-Channel-Token), which is
 * how a notification proves it comes from our channel. Random per channel; only its hash is kept.
 */
export function newChannelToken() {
  const token = randomToken(32);
  return { token, hash: hashOf(token) };
}

/** Whether `given` is the token whose hash was kept, compared in constant time. */
export function channelTokenMatches(hash: string, given: string): boolean {
  return sameSecret(hash, hashOf(given));
}
