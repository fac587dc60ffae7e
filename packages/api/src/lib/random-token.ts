import { randomBytes } from "node:crypto";

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let taken = 0;

/**
 * `bytes` random bytes from the system's CSPRNG as base64url: a booking's access token, a host's
 * session id, a page's CSP nonce. Drawn from a pool filled 4 KiB at a time, as Node's randomUUID
 * does, because each randomBytes call is a call into OpenSSL's generator: 2 % of a booking's CPU
 * in `pnpm bench`.
 * Bytes handed out are zeroed in the pool, so it never holds a token already in use.
 */
export function randomToken(bytes: number): string {
  if (taken + bytes > pool.length) {
    pool = randomBytes(Math.max(POOL_BYTES, bytes));
    taken = 0;
  }
  const token = pool.subarray(taken, taken + bytes).toString("base64url");
  pool.fill(0, taken, taken + bytes);
  taken += bytes;
  return token;
}
