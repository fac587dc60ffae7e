import type { PrismaClient } from "@timetap/db";
import type { RequestAuth } from "../context.ts";
import { hashApiKey } from "./api-key.ts";

/** The host behind a request: the session's host, or the owner of a `Bearer` API key. */
export async function authenticateHost(db: PrismaClient, auth: RequestAuth) {
  if (auth.sessionHostId) {
    return db.host.findUnique({ where: { id: auth.sessionHostId } });
  }
  const bearer = auth.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!bearer) return null;
  const key = await db.apiKey.findUnique({
    where: { hashedKey: hashApiKey(bearer) },
    include: { host: true },
  });
  if (!key) return null;
  await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  return key.host;
}
