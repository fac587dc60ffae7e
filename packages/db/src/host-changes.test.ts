import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./client.ts";
import { listenOnServer, type HostChange, type HostChanges } from "./host-changes.ts";
import { createTestDb } from "./testing/index.ts";

const onServer = Boolean(process.env.TEST_DATABASE_URL);
/** Quicker than a web process's own (1 s and 5 s), as the tests wait for them. */
const timing = { lookMs: 50, settleMs: 1_000 };
let db: Db & { url?: string };
let pool: pg.Pool;
const opened: HostChanges[] = [];

beforeAll(async () => {
  if (!onServer) return;
  db = await createTestDb();
  // The database's own listener would be one more process: the tests start those they need.
  await db.hostChanges.close();
  pool = new pg.Pool({ connectionString: db.url });
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((changes) => changes.close()));
});
afterAll(async () => {
  await pool?.end();
  await db?.close();
});

/** A web process's host changes, with what it heard from the others. */
async function aProcess() {
  const changes = await listenOnServer(db.url!, pool, timing);
  opened.push(changes);
  const heard: Array<HostChange | "missed"> = [];
  changes.subscribe({
    changed: (change) => heard.push(change),
    missed: () => heard.push("missed"),
  });
  return { changes, heard };
}

/** A bare connection listening on the channel: hears every notification sent. */
async function eavesdrop() {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const sent: string[] = [];
  client.on("notification", (message) => sent.push(message.payload ?? ""));
  await client.query("LISTEN timetap_host_changed");
  return { sent, end: () => client.end() };
}

const settled = (changes: HostChanges) =>
  expect.poll(() => changes.listening, { timeout: 5_000, interval: 20 }).toBe(true);

describe.runIf(onServer)("host changes between processes of one PostgreSQL database", () => {
  it("tells the other process, not the one that made the change", async () => {
    const first = await aProcess();
    const second = await aProcess();
    await settled(second.changes);
    await first.changes.publish({ hostId: "h1", what: "bookings" });
    await expect
      .poll(() => second.heard.filter((heard) => heard !== "missed"), { timeout: 1_000 })
      .toEqual([{ hostId: "h1", what: "bookings" }]);
    expect(first.heard.filter((heard) => heard !== "missed")).toEqual([]);
  });

  it("says changes may have been missed when the connection is lost, and again once it is back", async () => {
    const first = await aProcess();
    const second = await aProcess();
    await settled(second.changes);
    second.heard.length = 0;
    // Every listening connection: each holds the advisory lock that says it listens.
    await pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
       WHERE locktype = 'advisory' AND objsubid = 2 AND pid <> pg_backend_pid()
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    await expect.poll(() => second.changes.listening, { timeout: 1_000 }).toBe(false);
    expect(second.heard).toEqual(["missed"]);
    await expect.poll(() => second.changes.listening, { timeout: 5_000 }).toBe(true);
    expect(second.heard).toEqual(["missed", "missed"]);
    await first.changes.publish({ hostId: "h2", what: "settings" });
    await expect
      .poll(() => second.heard.at(-1), { timeout: 1_000 })
      .toEqual({ hostId: "h2", what: "settings" });
  });

  it("tells nobody while no other process listens, and trusts what it hears at once", async () => {
    const alone = await aProcess();
    const wire = await eavesdrop();
    try {
      expect(alone.changes.listening).toBe(true);
      expect(alone.changes.notification({ hostId: "h3", what: "bookings" })).toBeNull();
      await alone.changes.publish({ hostId: "h3", what: "bookings" });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(wire.sent).toEqual([]);
    } finally {
      await wire.end();
    }
  });

  it("tells a process that starts within a look, which trusts what it hears once settled", async () => {
    const first = await aProcess();
    expect(first.changes.notification({ hostId: "h4", what: "bookings" })).toBeNull();
    const second = await aProcess();
    // The newcomer saw the first one: it tells it from the start, but trusts only once settled,
    // when the first one has looked and tells it too.
    expect(second.changes.notification({ hostId: "h4", what: "bookings" })).not.toBeNull();
    expect(second.changes.listening).toBe(false);
    await expect
      .poll(() => first.changes.notification({ hostId: "h4", what: "bookings" }), {
        timeout: 2_000,
        interval: 10,
      })
      .not.toBeNull();
    await settled(second.changes);
    await first.changes.publish({ hostId: "h4", what: "bookings" });
    await expect
      .poll(() => second.heard.at(-1), { timeout: 1_000 })
      .toEqual({ hostId: "h4", what: "bookings" });

    // Once the newcomer is gone, the first one stops telling within a look.
    await second.changes.close();
    await expect
      .poll(() => first.changes.notification({ hostId: "h4", what: "bookings" }), {
        timeout: 2_000,
        interval: 10,
      })
      .toBeNull();
  });
});
