// `pnpm --filter @timetap/web rotate-tokens`: re-encrypts every stored Google refresh token with
// the newest key in TOKEN_ENCRYPTION_KEYS, after which the older keys can be removed.
import { createJsonLogger, createTokenCipher, rotateRefreshTokens } from "@timetap/api";
import { createDb } from "@timetap/db";
import { readConfig } from "../server/config.ts";
import { runMain } from "../server/run-main.ts";

runMain(async () => {
  const config = readConfig();
  const tokens = createTokenCipher(config.tokenEncryptionKeys());
  const db = await createDb(config.databaseOptions);
  try {
    const counts = await rotateRefreshTokens({
      db: db.prisma,
      tokens,
      logger: createJsonLogger(),
    });
    console.log(
      `Re-encrypted ${counts.rotated} refresh token(s) with the newest key; ${counts.alreadyCurrent} already used it.`,
    );
    if (counts.unreadable > 0) {
      console.error(
        `${counts.unreadable} token(s) open with no listed key and were left as they are: keep the key that made them in TOKEN_ENCRYPTION_KEYS.`,
      );
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
});
