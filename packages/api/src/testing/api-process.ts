// One web process's API for tests that need several (started by api-processes.ts): the HTTP
// handler on its own port, over the PostgreSQL database in TIMETAP_TEST_DATABASE_URL, its abuse
// limits counted there as in production, hearing of other processes' host changes as in
// production; Google at TIMETAP_TEST_GOOGLE_URL (by default nowhere), with its Google webhook on a
// port of its own. SMTP points nowhere. Prints the URLs of its API and its webhook as JSON.
import { randomBytes } from "node:crypto";
import { createDb } from "@timetap/db";
import { createMailer } from "@timetap/email";
import { createGoogle } from "@timetap/google";
import { createApiDeps } from "../deps.ts";
import { systemClock } from "../lib/clock.ts";
import { createJsonLogger } from "../lib/logger.ts";
import { createRateLimits, defaultRateLimits } from "../lib/rate-limits.ts";
import { createTokenCipher } from "../lib/token-crypto.ts";
import { startCalendarWebhook } from "./calendar-webhook.ts";
import { serveApi } from "./serve-api.ts";

const databaseUrl = process.env.TIMETAP_TEST_DATABASE_URL ?? "";
const limits = JSON.parse(process.env.TIMETAP_TEST_LIMITS ?? "{}") as typeof defaultRateLimits;
const tokenKey = process.env.TIMETAP_TEST_TOKEN_KEY || randomBytes(32).toString("base64");

const db = await createDb({ databaseUrl });
const deps = createApiDeps({
  db: db.prisma,
  rawSql: db.rawSql,
  hostChanges: db.hostChanges,
  google: createGoogle({
    clientId: "timetap-test",
    clientSecret: "timetap-test-secret",
    redirectUri: "http://127.0.0.1:9/auth/google/callback",
    baseUrl: process.env.TIMETAP_TEST_GOOGLE_URL ?? "http://127.0.0.1:9",
  }),
  mailer: createMailer({ smtpUrl: "smtp://127.0.0.1:9", from: "bookings@timetap.test" }),
  appUrl: "http://timetap.test",
  tokens: createTokenCipher([tokenKey]),
  clock: systemClock,
  logger: createJsonLogger((line) => process.stderr.write(`${line}\n`)),
  limits: createRateLimits(
    { kind: "database", prisma: db.prisma, rawSql: db.rawSql },
    { ...defaultRateLimits, ...limits },
  ),
});

const { url } = await serveApi(deps);
const webhook = await startCalendarWebhook(() => deps);
console.log(JSON.stringify({ api: url, webhook: webhook.appUrl }));
process.once("SIGTERM", () => {
  void db.close().then(() => process.exit(0));
});
