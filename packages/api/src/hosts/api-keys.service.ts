import type { ApiDeps } from "../deps.ts";
import { generateApiKey, hashApiKey } from "./api-key.ts";
import { NotFoundError } from "../lib/service-errors.ts";

const listed = { id: true, name: true, createdAt: true, lastUsedAt: true } as const;

/** The host's API keys, newest first: names and dates only; a key itself is never shown again. */
export async function listApiKeys({ db }: Pick<ApiDeps, "db">, hostId: string) {
  return db.apiKey.findMany({ where: { hostId }, orderBy: { createdAt: "desc" }, select: listed });
}

/** A new key for another app. The key is returned this once; only its SHA-256 is stored. */
export async function createApiKey(
  { db, clock, logger }: Pick<ApiDeps, "db" | "clock" | "logger">,
  hostId: string,
  name: string,
) {
  const key = generateApiKey();
  const created = await db.apiKey.create({
    data: { hostId, name, hashedKey: hashApiKey(key), createdAt: clock.now() },
    select: listed,
  });
  logger.info("api_key_created", { hostId, apiKeyId: created.id });
  return { ...created, key };
}

/** Revoking takes effect on the key's next request. */
export async function revokeApiKey(
  { db, logger }: Pick<ApiDeps, "db" | "logger">,
  hostId: string,
  id: string,
) {
  const { count } = await db.apiKey.deleteMany({ where: { id, hostId } });
  if (count === 0) throw new NotFoundError("API key not found.");
  logger.info("api_key_revoked", { hostId, apiKeyId: id });
}
