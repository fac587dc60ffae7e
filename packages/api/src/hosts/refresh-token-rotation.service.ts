import type { ApiDeps } from "../deps.ts";

/**
 * Re-encrypts every host's stored Google refresh token with the newest key (and the current,
 * host-bound format), so an old key can then be dropped from TOKEN_ENCRYPTION_KEYS. A token that
 * no listed key opens is left as it is and counted: dropping a key too early must not lose it.
 */
export async function rotateRefreshTokens({
  db,
  tokens,
  logger,
}: Pick<ApiDeps, "db" | "tokens" | "logger">) {
  const hosts = await db.host.findMany({
    where: { googleRefreshToken: { not: null } },
    select: { id: true, googleRefreshToken: true },
  });
  const counts = { rotated: 0, alreadyCurrent: 0, unreadable: 0 };
  for (const { id, googleRefreshToken: stored } of hosts) {
    if (!stored || tokens.isCurrent(stored)) {
      counts.alreadyCurrent++;
      continue;
    }
    let plain: string;
    try {
      plain = tokens.decrypt(stored, id);
    } catch (error) {
      counts.unreadable++;
      logger.error("refresh_token_unreadable", {
        hostId: id,
        message: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    // Only if the row still holds what was read: a host reconnecting meanwhile keeps the new token.
    const { count } = await db.host.updateMany({
      where: { id, googleRefreshToken: stored },
      data: { googleRefreshToken: tokens.encrypt(plain, id) },
    });
    if (count === 1) counts.rotated++;
    else counts.alreadyCurrent++;
  }
  logger.info("refresh_tokens_rotated", counts);
  return counts;
}
