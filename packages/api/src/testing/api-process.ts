// One web process's API for tests that need several: the HTTP handler on its own port, over the
// PostgreSQL database in TIMETAP_TEST_DATABASE_URL, its abuse limits counted there as in
// production. Google and SMTP point nowhere: the tests using it call neither. Prints its port.
import { randomBytes } from "node:crypto";
import { createDb } from "@timetap/db";
import { createMailer } from "@timetap/email";
import { createGoogle } from "@timetap/google";
import { createApiDeps } from "../deps.ts";
import { systemClock } from "../lib/clock.ts";
import { createJsonLogger } from "../lib/logger.ts";
import { createRateLimits, defaultRateLimits } from "../lib/rate-limits.ts";
import { createTokenCipher } from "../lib/token-crypto.ts";
import { serveApi } from "./serve-api.ts";

const databaseUrl = process.env.TIMETAP_TEST_DATABASE_URL ?? "";
const limits = JSON.parse(process.env.TIMETAP_TEST_LIMITS ?? "{}") as typeof defaultRateLimits;

const db = await createDb({ databaseUrl });
const deps = createApiDeps({
  db: db.prisma,
  hostChanges: db.hostChanges,
  google: createGoogle({
    clientId: "timetap-test",
    clientSecret: "timetap-test-secret",
    redirectUri: "http://127.0.0.1:9/auth/google/callback",
    baseUrl: "http://127.0.0.1:9",
  }),
  mailer: createMailer({ smtpUrl: "smtp://127.0.0.1:9", from: "bookings@timetap.test" }),
  appUrl: "http://timetap.test",
  tokens: createTokenCipher([randomBytes(32).toString("base64")]),
  clock: systemClock,
  logger: createJsonLogger((line) => process.stderr.write(`${line}\n`)),
  limits: createRateLimits(
    { kind: "database", prisma: db.prisma },
    { ...defaultRateLimits, ...limits },
  ),
});

const { url } = await serveApi(deps);
console.log(new URL(url).port);
process.once("SIGTERM", () => {
  void db.close().then(() => process.exit(0));
});
