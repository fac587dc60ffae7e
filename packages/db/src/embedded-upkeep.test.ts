import { describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { keepStatistics } from "./embedded-upkeep.ts";
import { openEmbedded } from "./embedded.ts";

/** What the planner believes `table` holds: -1 until it was ever analyzed. */
async function plannedRows(
  pglite: { query: (sql: string) => Promise<{ rows: unknown[] }> },
  table: string,
) {
  const { rows } = await pglite.query(`SELECT reltuples FROM pg_class WHERE relname = '${table}'`);
  return Number((rows[0] as { reltuples: number }).reltuples);
}

describe("the embedded database's statistics (PGlite has no autovacuum)", () => {
  it("are taken when it opens", async () => {
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

  it("are taken again on schedule, so the planner learns of rows written since, until stopped", async () => {
    const { pglite } = await openEmbedded("memory");
    try {
      await pglite.exec("CREATE TABLE visit (id int PRIMARY KEY)");
      expect(await plannedRows(pglite, "visit")).toBe(-1);
      const upkeep = await keepStatistics(pglite, { everyMs: 50 });
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
