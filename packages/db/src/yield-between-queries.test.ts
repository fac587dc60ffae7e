import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { yieldBetweenQueries } from "./yield-between-queries.ts";

const pglite = new PGlite();
// Started and warmed: its first query also waits for Postgres to start.
beforeAll(() => pglite.query("SELECT 1"));
afterAll(() => pglite.close());

/** What ran first: another event waiting for a turn of the event loop, or the query's answer. */
async function order(query: (sql: string) => Promise<unknown>) {
  const seen: string[] = [];
  setImmediate(() => seen.push("another socket's turn"));
  await query("SELECT 1");
  seen.push("the query's answer");
  await new Promise((resolve) => setTimeout(resolve, 10));
  return seen;
}

describe("the embedded database under Prisma", () => {
  it("lets the event loop serve others after each query", async () => {
    // PGlite alone answers in the same turn: nothing else runs in between.
    expect(await order((sql) => pglite.query(sql))).toEqual([
      "the query's answer",
      "another socket's turn",
    ]);
    const yielding = yieldBetweenQueries(pglite);
    expect(await order((sql) => yielding.query(sql))).toEqual([
      "another socket's turn",
      "the query's answer",
    ]);
  });
});
