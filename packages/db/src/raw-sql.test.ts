import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation, Prisma } from "./index.ts";
import { createTestDb } from "./testing/index.ts";

const onServer = Boolean(process.env.TEST_DATABASE_URL);

let db: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe("raw statements straight to the driver (Db.rawSql)", () => {
  it("answers rows as the booking path reads them, and counts what it wrote", async () => {
    const expire = new Date("2030-01-08T09:30:00.123Z");
    const written = await db.rawSql.$executeRaw`
      INSERT INTO rate_limit (key, points, expire)
      VALUES (${"raw:a"}, ${2}::int, ${expire}::timestamptz), (${"raw:b"}, ${5}::int, NULL)`;
    expect(written).toBe(2);

    const keys = [Prisma.sql`${"raw:a"}`, Prisma.sql`${"raw:b"}`];
    const rows = await db.rawSql.$queryRaw<Array<{ key: string; points: number; expire: Date }>>(
      Prisma.sql`SELECT key, points, expire FROM rate_limit
        WHERE key IN (${Prisma.join(keys)}) ORDER BY key`,
    );
    expect(rows).toEqual([
      { key: "raw:a", points: 2, expire },
      { key: "raw:b", points: 5, expire: null },
    ]);
    // The same rows as Prisma reads them.
    expect(rows).toEqual(
      await db.prisma.rateLimit.findMany({
        where: { key: { in: ["raw:a", "raw:b"] } },
        orderBy: { key: "asc" },
      }),
    );
  });

  it("keeps the SQLSTATE of a refused statement", async () => {
    const insert = () => db.rawSql.$executeRaw`
      INSERT INTO rate_limit (key, points) VALUES (${"raw:twice"}, ${1}::int)`;
    await insert();
    const refused: unknown = await insert().catch((error: unknown) => error);
    expect(isUniqueViolation(refused)).toBe(true);
  });

  // On a server each connection parses and plans a statement once, under its name; PGlite
  // prepares them its own way (pglite-prepared.ts).
  it.runIf(onServer)("prepares each statement once per connection, under a name", async () => {
    const read = () => db.rawSql.$queryRaw`SELECT points FROM rate_limit WHERE key = ${"raw:a"}`;
    await read();
    await read();
    // Run one after another, the calls share the pool's one idle connection.
    const prepared = await db.rawSql.$queryRaw<Array<{ name: string }>>`
      SELECT name FROM pg_prepared_statements WHERE statement LIKE ${"SELECT points FROM rate_limit%"}`;
    expect(prepared).toEqual([{ name: expect.stringMatching(/^timetap_/) as string }]);
  });
});
