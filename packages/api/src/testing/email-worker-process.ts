import { createDb } from "@timetap/db";
import { createMailer } from "@timetap/email";
import { defaultApiSettings } from "../deps.ts";
import { createJsonLogger } from "../lib/logger.ts";
import { runDueEmails } from "../notifications/email-outbox.service.ts";

/**
 * An email worker in a process of its own, for tests that kill it: one batch of due emails, the
 * outcomes as a JSON line, then exit. TIMETAP_TEST_DATABASE is a postgres:// URL or the directory
 * of an embedded database (which this process then owns, as a web server owns its own).
 */
const database = process.env.TIMETAP_TEST_DATABASE ?? "";
const db = await createDb(
  /^postgres(ql)?:\/\//.test(database) ? { databaseUrl: database } : { embedded: database },
);
const now = new Date(process.env.TIMETAP_TEST_NOW ?? Date.now());
const mailer = createMailer({
  smtpUrl: process.env.SMTP_URL ?? "",
  from: "TimeTap <bookings@timetap.test>",
});
const outcomes = await runDueEmails({
  db: db.prisma,
  mailer,
  clock: { now: () => now },
  logger: createJsonLogger(),
  settings: defaultApiSettings,
  appUrl: "http://timetap.test",
});
console.log(JSON.stringify({ outcomes }));
mailer.close();
await db.close();
