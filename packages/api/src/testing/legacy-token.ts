import { createCipheriv, randomBytes } from "node:crypto";

/** A token as TimeTap stored it before key rotation: `v1:iv:tag:ciphertext`, not host-bound. */
export function legacyEncrypt(plain: string, encodedKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(encodedKey, "base64"), iv);
  cipher.setAAD(Buffer.from("timetap:google-refresh-token"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(":");
}
