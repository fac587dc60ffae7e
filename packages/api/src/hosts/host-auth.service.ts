import type { PrismaClient } from "@timetap/db";
import type { RequestAuth } from "../context.ts";
import { hashApiKey } from "./api-key.ts";

/**
 * The host behind a request, and how it proved who it is: the session's host (signed in through
 * Google), or the owner of a `Bearer` API key.
 */
export async function authenticateHost(db: PrismaClient, auth: RequestAuth, now: Date) {
  if (auth.sessionHostId) {
    const host = await db.host.findUnique({ where: { id: auth.sessionHostId } });
    return host && { host, via: "session" as const };
  }
  const bearer = auth.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!bearer) return null;
  const key = await db.apiKey.findUnique({
    where: { hashedKey: hashApiKey(bearer) },
    include: { host: true },
  });
  if (!key) return null;
  await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  return { host: key.host, via: "apiKey" as const };
}
