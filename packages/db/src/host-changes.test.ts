import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client.ts";
import type { HostChange } from "./host-changes.ts";
import { createTestDb } from "./testing/index.ts";

const onServer = Boolean(process.env.TEST_DATABASE_URL);
let first: Db & { url?: string };
let second: Db;
/** What the second process heard. */
const heard: Array<HostChange | "missed"> = [];

beforeAll(async () => {
  if (!onServer) return;
  first = await createTestDb();
  second = await createDb({ databaseUrl: first.url! });
  second.hostChanges.subscribe({
    changed: (change) => heard.push(change),
    missed: () => heard.push("missed"),
  });
  first.hostChanges.subscribe({
    changed: () => {
      throw new Error("A process hears its own changes through its own calls only.");
    },
    missed: () => undefined,
  });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

describe.runIf(onServer)("host changes between processes of one PostgreSQL database", () => {
  it("tells the other process, not the one that made the change", async () => {
    await first.hostChanges.publish({ hostId: "h1", what: "bookings" });
    await expect
      .poll(() => heard, { timeout: 1_000 })
      .toEqual([{ hostId: "h1", what: "bookings" }]);
  });

  it("says changes may have been missed when the connection is lost, and again once it is back", async () => {
    heard.length = 0;
    await first.prisma.$executeRawUnsafe(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'",
    );
    await expect.poll(() => second.hostChanges.listening, { timeout: 1_000 }).toBe(false);
    expect(heard).toEqual(["missed"]);
    await expect.poll(() => second.hostChanges.listening, { timeout: 5_000 }).toBe(true);
    expect(heard).toEqual(["missed", "missed"]);
    await first.hostChanges.publish({ hostId: "h2", what: "settings" });
    await expect
      .poll(() => heard.at(-1), { timeout: 1_000 })
      .toEqual({ hostId: "h2", what: "settings" });
  });
});
