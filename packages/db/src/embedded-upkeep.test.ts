import { describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { upkeepEmbedded } from "./embedded-upkeep.ts";
import { openEmbedded } from "./embedded.ts";

type Queryable = { query: (sql: string) => Promise<{ rows: unknown[] }> };

/** What the planner believes `table` holds: -1 until it was ever analyzed. */
async function plannedRows(pglite: Queryable, table: string) {
  const { rows } = await pglite.query(`SELECT reltuples FROM pg_class WHERE relname = '${table}'`);
  return Number((rows[0] as { reltuples: number }).reltuples);
}

async function bytesOf(pglite: Queryable, table: string) {
  const { rows } = await pglite.query(`SELECT pg_total_relation_size('${table}') AS bytes`);
  return Number((rows[0] as { bytes: number }).bytes);
}

/** An outbox-like table: a state that changes, indexed as the workers look rows up by it. */
async function outbox(pglite: Queryable & { exec: (sql: string) => Promise<unknown> }) {
  await pglite.exec(`CREATE TABLE outbox (id int PRIMARY KEY, state int NOT NULL, body text);
    CREATE INDEX outbox_state ON outbox (state);
    INSERT INTO outbox SELECT i, 0, repeat('x', 100) FROM generate_series(1, 2000) i`);
  /** Moves every row to its next state, as leasing and sending do. */
  return () => pglite.exec("UPDATE outbox SET state = state + 1");
}

describe("the embedded database's upkeep (PGlite has no autovacuum)", () => {
  it("takes statistics when the database opens", async () => {
    const db = await createDb({ embedded: "memory" });
    try {
      const [booking] = await db.prisma.$queryRaw<Array<{ reltuples: number }>>`
        SELECT reltuples FROM pg_class WHERE relname = 'booking'`;
      // An empty table analyzed says 0; never analyzed, -1.
      expect(Number(booking?.reltuples)).toBe(0);
    } finally {
      await db.close();
    }
  });

  it("keeps a table whose rows keep changing from growing, where it grows without", async () => {
    const { pglite } = await openEmbedded("memory");
    try {
      const upkeep = await upkeepEmbedded(pglite);
      upkeep.stop();
      const changeAll = await outbox(pglite);
      await changeAll();
      await upkeep.tidy();
      const settled = await bytesOf(pglite, "outbox");

      for (let round = 0; round < 6; round++) {
        await changeAll();
        await upkeep.tidy();
      }
      // The space of the rows left behind is used again.
      expect(await bytesOf(pglite, "outbox")).toBeLessThanOrEqual(settled * 1.2);

      for (let round = 0; round < 6; round++) await changeAll();
      expect(await bytesOf(pglite, "outbox")).toBeGreaterThan(settled * 2);
    } finally {
      await pglite.close();
    }
  });

  it("runs on schedule, so the planner learns of rows written since, until stopped", async () => {
    const { pglite } = await openEmbedded("memory");
    try {
      await pglite.exec("CREATE TABLE visit (id int PRIMARY KEY)");
      expect(await plannedRows(pglite, "visit")).toBe(-1);
      const upkeep = await upkeepEmbedded(pglite, { everyMs: 50 });
      expect(await plannedRows(pglite, "visit")).toBe(0);

      await pglite.exec("INSERT INTO visit SELECT generate_series(1, 500)");
      await expect.poll(() => plannedRows(pglite, "visit"), { timeout: 5_000 }).toBe(500);

      upkeep.stop();
      await pglite.exec("INSERT INTO visit SELECT generate_series(501, 800)");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await plannedRows(pglite, "visit")).toBe(500);
    } finally {
      await pglite.close();
    }
  });
});
