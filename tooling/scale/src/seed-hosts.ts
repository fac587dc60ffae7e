import {
  connectCalendar,
  createApiDeps,
  createMemoryLogger,
  createRateLimits,
  createTokenCipher,
  systemClock,
} from "@timetap/api";
import { createAllDayHost } from "@timetap/api/testing";
import { createDb } from "@timetap/db";
import { createMailer } from "@timetap/email";
import { createGoogle } from "@timetap/google";
import type { Emulator } from "@timetap/google-emulator";

/**
 * `count` hosts open every day around the clock with one 30-minute package, each with a Google
 * account at the emulator and its calendar connected the way TimeTap connects one.
 */
export async function seedHosts(
  databaseUrl: string,
  emulator: Emulator,
  tokenEncryptionKey: string,
  count: number,
) {
  const db = await createDb({ databaseUrl });
  const deps = createApiDeps({
    db: db.prisma,
    rawSql: db.rawSql,
    hostChanges: db.hostChanges,
    google: createGoogle({
      clientId: "timetap-scale",
      clientSecret: "timetap-scale-secret",
      redirectUri: "http://127.0.0.1/auth/google/callback",
      baseUrl: emulator.url,
    }),
    mailer: createMailer({ smtpUrl: "smtp://127.0.0.1:9", from: "scale@timetap.test" }),
    appUrl: "http://127.0.0.1",
    tokens: createTokenCipher([tokenEncryptionKey]),
    clock: systemClock,
    logger: createMemoryLogger(),
    limits: createRateLimits({ kind: "memory" }),
  });
  try {
    const hosts = [];
    for (let i = 1; i <= count; i += 1) {
      const email = `scale-host-${i}@timetap.test`;
      const host = await createAllDayHost(db.prisma, {
        email,
        name: `Scale Host ${i}`,
        slug: `scale-host-${i}`,
      });
      emulator.createUser(email, host.name);
      await connectCalendar(deps, host.id, emulator.issueRefreshToken(email));
      hosts.push({ id: host.id, slug: host.slug!, packageId: host.packages[0]!.id });
    }
    return hosts;
  } finally {
    deps.mailer.close();
    await db.close();
  }
}
