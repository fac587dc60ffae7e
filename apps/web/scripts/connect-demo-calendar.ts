// e2e setup: connect the seeded demo host to the Google emulator at GOOGLE_BASE_URL.
import {
  createApiDeps,
  createJsonLogger,
  createRateLimits,
  createTokenCipher,
  systemClock,
} from "@timetap/api";
import { createDb, DEMO_HOST } from "@timetap/db";
import { readConfig } from "../server/config.ts";
import { connectEmulatorCalendar, issueDemoRefreshToken } from "../server/emulator-grants.ts";
import { createGoogleForApp } from "../server/google.ts";
import { createMailerForApp } from "../server/mail.ts";
import { runMain } from "../server/run-main.ts";

runMain(async () => {
  const config = readConfig();
  const emulatorUrl = config.googleBaseUrlForEmulator();
  // Playwright starts the emulator alongside the app; give it a moment to listen.
  for (
    let tries = 0;
    !(await fetch(`${emulatorUrl}/__control/requests`).then(
      (r) => r.ok,
      () => false,
    ));
    tries++
  ) {
    if (tries === 60) throw new Error(`No Google emulator at ${emulatorUrl}.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const db = await createDb(config.databaseOptions);
  const { mailer } = await createMailerForApp("worker", config);
  const api = createApiDeps({
    db: db.prisma,
    rawSql: db.rawSql,
    hostChanges: db.hostChanges,
    google: (await createGoogleForApp("worker", config)).google,
    mailer,
    appUrl: config.appUrl,
    tokens: createTokenCipher(config.tokenEncryptionKeys()),
    clock: systemClock,
    logger: createJsonLogger(),
    limits: createRateLimits({ kind: "memory" }),
  });
  await connectEmulatorCalendar(api, DEMO_HOST.email, await issueDemoRefreshToken(emulatorUrl));
  mailer.close();
  await db.close();
  console.log(`Demo host's calendar connected to the emulator at ${emulatorUrl}.`);
});
