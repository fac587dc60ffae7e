import type { PrismaClient } from "@timetap/db";
import type { Context, RequestAuth } from "../context.ts";
import { ApiKeyExpiredError } from "../lib/service-errors.ts";
import { hashApiKey } from "./api-key.ts";

/**
 * The host behind a request, and how it proved who it is: the session's host (signed in through
 * Google), or the owner of a `Bearer` API key, with what the key may do. Every way in goes
 * through here, so an address that keeps presenting wrong API keys is stopped before it can guess
 * further, whichever procedure it tries them on. An expired key is refused with its own sentence.
 */
export async function authenticateHost({
  db,
  auth,
  clock,
  limits,
}: Pick<Context, "db" | "auth" | "clock" | "limits">) {
  const keyPresenter = auth.authorization ? auth.clientIp : null;
  if (keyPresenter) await limits.check("apiKeyFailuresPerIp", keyPresenter);
  const caller = await identify(db, auth, clock.now());
  if (!caller && keyPresenter) await limits.consume("apiKeyFailuresPerIp", keyPresenter);
  return caller;
}

async function identify(db: PrismaClient, auth: RequestAuth, now: Date) {
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
  if (key.expiresAt && key.expiresAt <= now) throw new ApiKeyExpiredError(key.expiresAt);
  await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  return { host: key.host, via: "apiKey" as const, scopes: key.scopes };
}
