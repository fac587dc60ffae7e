import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client.ts";
import { postgresErrorCode } from "./errors.ts";

let db: Db;
beforeAll(async () => {
  db = await createDb({ embedded: "memory" });
});
afterAll(() => db.close());

const preparedTexts = async () =>
  (
    await db.prisma.$queryRaw<Array<{ statement: string }>>`
      SELECT statement FROM pg_prepared_statements WHERE name LIKE 'timetap_%'`
  ).map((row) => row.statement);

describe("raw statements on the embedded database", () => {
  it("parse a text once and run it again with other values", async () => {
    const count = (key: string) =>
      db.rawSql.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM rate_limit WHERE key = ${key}`;
    await db.rawSql.$executeRaw`INSERT INTO rate_limit (key, points) VALUES (${"p:a"}, ${1}::int)`;
    expect(await count("p:a")).toEqual([{ n: 1 }]);
    expect(await count("p:b")).toEqual([{ n: 0 }]);
    const texts = await preparedTexts();
    expect(texts.filter((text) => text.includes("count(*)::int AS n"))).toHaveLength(1);
  });

  it("recover from a text that does not parse and from a refused run", async () => {
    const broken = await db.rawSql.$queryRaw`SELEC 1`.catch((error: unknown) => error);
    expect(postgresErrorCode(broken)).toBe("42601");
    const insert = () =>
      db.rawSql.$executeRaw`INSERT INTO rate_limit (key, points) VALUES (${"p:once"}, ${1}::int)`;
    await insert();
    expect(postgresErrorCode(await insert().catch((error: unknown) => error))).toBe("23505");
    // The same text, parsed before the refusal, runs again.
    await db.prisma.rateLimit.delete({ where: { key: "p:once" } });
    await expect(insert()).resolves.toBe(1);
  });

  it("wait for a transaction in progress instead of running inside it", async () => {
    let finish!: () => void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    const transaction = db.prisma.$transaction(async (tx) => {
      await tx.rateLimit.create({ data: { key: "p:in-transaction", points: 1 } });
      await held;
      throw new Error("rolled back");
    });
    // Let the transaction begin and write before the statement is sent.
    await new Promise((resolve) => setTimeout(resolve, 50));
    let answered = false;
    const read = db.rawSql.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM rate_limit WHERE key = ${"p:in-transaction"}`.finally(
      () => (answered = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    finish();
    await expect(transaction).rejects.toThrow("rolled back");
    // Run after the rollback: it never saw the transaction's row.
    expect(await read).toEqual([{ n: 0 }]);
  });
});
