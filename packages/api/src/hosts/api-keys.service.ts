import type { z } from "zod";
import type { ApiDeps } from "../deps.ts";
import { generateApiKey, hashApiKey } from "./api-key.ts";
import { allApiKeyScopes } from "./api-key-scopes.ts";
import type { apiKeyInput } from "./host.inputs.ts";
import { NotFoundError } from "../lib/service-errors.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

const listed = {
  id: true,
  name: true,
  createdAt: true,
  lastUsedAt: true,
  scopes: true,
  expiresAt: true,
} as const;

/**
 * The host's API keys, newest first: names, what each may do, and dates; a key itself is never
 * shown again.
 */
export async function listApiKeys({ db }: Pick<ApiDeps, "db">, hostId: string) {
  return db.apiKey.findMany({ where: { hostId }, orderBy: { createdAt: "desc" }, select: listed });
}

/**
 * A new key for another app, with the scopes its host ticked (every scope when none were given)
 * and an optional expiry. The key is returned this once; only its SHA-256 is stored.
 */
export async function createApiKey(
  { db, clock, logger }: Pick<ApiDeps, "db" | "clock" | "logger">,
  hostId: string,
  { name, scopes = allApiKeyScopes, expiresInDays }: z.output<typeof apiKeyInput>,
) {
  const key = generateApiKey();
  const now = clock.now();
  const created = await db.apiKey.create({
    data: {
      hostId,
      name,
      hashedKey: hashApiKey(key),
      createdAt: now,
      scopes,
      expiresAt: expiresInDays ? new Date(now.getTime() + expiresInDays * DAY_MS) : null,
    },
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
