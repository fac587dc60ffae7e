import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, seedDemo, type Db } from "@timetap/db";
import { createTestDb } from "@timetap/db/testing";
import { messageIdFor } from "@timetap/email";
import { startCatcher, type Catcher } from "@timetap/email/catcher";
import { afterAll, beforeAll, expect, it } from "vitest";

/*
 * The email worker runs in a child process against the same database and is SIGKILLed at the worst
 * moment: the mail server has accepted the message, the worker has not heard so or recorded it.
 * On a PostgreSQL server (TEST_DATABASE_URL) this test and the worker share it. The embedded
 * database belongs to one process at a time, as in production (the web server owns it), so there
 * this test writes the booking, closes the database, and lets each worker process open the same
 * directory in turn; the killed one leaves its lock file behind, which the next opener clears once
 * it sees the process is gone, exactly as after a crashed web server.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const workerScript = path.resolve(here, "../testing/email-worker-process.ts");
const NOW = new Date("2030-01-07T06:00:00Z");

let catcher: Catcher;
let embeddedDir: string | undefined;
let serverDb: Db | undefined;
/** The database createTestDb made on the server for this file; the worker connects to it too. */
let serverDatabaseName: string | undefined;

beforeAll(async () => {
  catcher = await startCatcher();
  if (process.env.TEST_DATABASE_URL) serverDb = await createTestDb();
  else embeddedDir = mkdtempSync(path.join(tmpdir(), "timetap-email-crash-"));
});
afterAll(async () => {
  await catcher.close();
  await serverDb?.close();
  if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
});

/** The shared database, for the test's own reads and writes between worker runs. */
async function withDb<T>(use: (db: Db["prisma"]) => Promise<T>): Promise<T> {
  if (serverDb) return use(serverDb.prisma);
  const db = await createDb({ embedded: embeddedDir! });
  try {
    return await use(db.prisma);
  } finally {
    await db.close();
  }
}

function databaseLocation(): string {
  if (!serverDb) return embeddedDir!;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${serverDatabaseName!}`;
  return url.toString();
}

function startWorker(now: Date): {
  child: ChildProcess;
  exited: Promise<NodeJS.Signals | number | null>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", workerScript], {
    cwd: path.resolve(here, "../.."),
    env: {
      ...process.env,
      TIMETAP_TEST_DATABASE: databaseLocation(),
      TIMETAP_TEST_NOW: now.toISOString(),
      SMTP_URL: catcher.smtpUrl,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );
  return { child, exited };
}

it("sends an email once although its worker was SIGKILLed after the mail server accepted it", async () => {
  const booking = await withDb(async (db) => {
    if (serverDb)
      serverDatabaseName = (
        await db.$queryRaw<{ name: string }[]>`SELECT current_database()::text AS name`
      )[0]?.name;
    const host = await seedDemo(db);
    const pkg = await db.sessionPackage.findFirstOrThrow({ where: { hostId: host.id } });
    return db.booking.create({
      data: {
        hostId: host.id,
        packageId: pkg.id,
        startTime: new Date("2030-01-08T09:00:00Z"),
        endTime: new Date("2030-01-08T09:30:00Z"),
        customerEmail: "cora@example.com",
        accessToken: "crash-test-token",
        emails: {
          create: {
            kind: "booking_confirmed",
            recipient: "cora@example.com",
            messageId: messageIdFor("crash", "booking_confirmed", "bookings@timetap.test"),
            nextAttemptAt: NOW,
          },
        },
      },
    });
  });
  const messageId = messageIdFor("crash", "booking_confirmed", "bookings@timetap.test");

  // The server keeps the message, then, before its 250 reply, the worker is killed.
  const first = startWorker(NOW);
  catcher.whenAccepted(async () => {
    first.child.kill("SIGKILL");
    await first.exited;
  });
  expect(await first.exited).toBe("SIGKILL");
  catcher.whenAccepted(undefined);
  expect(catcher.messages().map((m) => m.messageId)).toEqual([messageId]);
  const afterKill = await withDb((db) =>
    db.email.findFirstOrThrow({ where: { bookingId: booking.id } }),
  );
  // The claim counted the attempt the worker died in.
  expect(afterKill).toMatchObject({ state: "pending", attempts: 1 });
  expect(afterKill.handedOverAt).not.toBeNull();

  // Restarted once the dead worker's lease is over: the row is settled, nothing is sent again.
  expect(afterKill.lockedUntil!.getTime()).toBeGreaterThan(NOW.getTime());
  const second = startWorker(afterKill.lockedUntil!);
  let output = "";
  second.child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  expect(await second.exited).toBe(0);
  expect(output).toContain('{"outcomes":["sent"]}');
  expect(output).toContain('"event":"email_handed_over_before_crash"');

  expect(catcher.messages().map((m) => m.messageId)).toEqual([messageId]);
  const settled = await withDb((db) =>
    db.email.findFirstOrThrow({ where: { bookingId: booking.id } }),
  );
  // Two attempts: the one its first worker died in (counted as stopped), and the one recording it.
  expect(settled).toMatchObject({ state: "sent", attempts: 2, stoppedAttempts: 1 });
  // Opening an embedded database from disk takes seconds per process on a busy machine.
}, 300_000);
