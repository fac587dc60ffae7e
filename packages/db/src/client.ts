import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { EmbeddedLocation } from "./embedded.ts";
import { DatabaseUnavailableError } from "./errors.ts";
import { inProcessHostChanges, listenOnServer, type HostChanges } from "./host-changes.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { applyMigrations, type SqlRunner } from "./migrate.ts";
import { defaultDataDir } from "./paths.ts";
import { directSql, type RawSql } from "./raw-sql.ts";
import { yieldBetweenQueries } from "./yield-between-queries.ts";

export type DbOptions = { databaseUrl: string } | { embedded?: EmbeddedLocation };

export interface Db {
  prisma: PrismaClient;
  /** Raw statements straight to the driver Prisma uses, outside any transaction (raw-sql.ts). */
  rawSql: RawSql;
  kind: "embedded" | "server";
  /** How this process hears of, and tells, changes to hosts made by other processes. */
  hostChanges: HostChanges;
  close(): Promise<void>;
}

/**
 * Opens TimeTap's database and brings its schema up to date. With a URL, a PostgreSQL server;
 * otherwise the embedded PGlite database (on disk under `.data/` by default, or in memory).
 */
export async function createDb(options: DbOptions = {}): Promise<Db> {
  if ("databaseUrl" in options) return openServer(options.databaseUrl);
  // Loaded only here: PGlite's module alone takes ~30 MB, which a server-backed process never needs.
  const [{ openEmbedded }, { PrismaPGlite }, { preparedOnPGlite }] = await Promise.all([
    import("./embedded.ts"),
    import("pglite-prisma-adapter"),
    import("./pglite-prepared.ts"),
  ]);
  const { pglite, release } = await openEmbedded(options.embedded ?? defaultDataDir);
  await applyMigrations({
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) =>
      (await pglite.query<Row>(sql, params)).rows,
  });
  const yielding = yieldBetweenQueries(pglite);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(yielding) });
  return {
    prisma,
    rawSql: directSql(preparedOnPGlite(pglite)),
    kind: "embedded",
    hostChanges: inProcessHostChanges(),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

/** `host:port/database` of a URL: enough to say which server failed, never the password. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

async function openServer(databaseUrl: string): Promise<Db> {
  const where = describeDatabaseUrl(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  // An idle client erroring (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      `Cannot connect to the PostgreSQL server at ${where}: ${redact(reason, databaseUrl)}`,
    );
  }
  try {
    const runner: SqlRunner = {
      exec: async (sql) => {
        await client.query(sql);
      },
      query: async <Row>(sql: string, params?: unknown[]) =>
        (await client.query(sql, params)).rows as Row[],
    };
    await applyMigrations(runner);
  } finally {
    client.release();
  }
  const yielding = yieldBetweenQueries(pool);
  const prisma = new PrismaClient({ adapter: new PrismaPg(yielding) });
  const hostChanges = await listenOnServer(databaseUrl, pool);
  return {
    prisma,
    // Unnamed statements, as Prisma sends them: named ones would break behind a transaction-mode
    // pooler (PgBouncer before 1.21), for no gain measurable here (`pnpm bench`).
    rawSql: directSql(async (text, values) => {
      const { rows, rowCount } = await yielding.query(text, values);
      return { rows, count: rowCount ?? 0 };
    }),
    kind: "server",
    hostChanges,
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
      await hostChanges.close();
    },
  };
}

function redact(message: string, databaseUrl: string): string {
  const password = URL.canParse(databaseUrl) ? new URL(databaseUrl).password : "";
  return password ? message.split(password).join("***") : message;
}
