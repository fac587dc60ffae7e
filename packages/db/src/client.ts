import { createHash } from "node:crypto";
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
  const [{ openEmbedded }, { PrismaPGlite }, { preparedOnPGlite }, { upkeepEmbedded }] =
    await Promise.all([
      import("./embedded.ts"),
      import("pglite-prisma-adapter"),
      import("./pglite-prepared.ts"),
      import("./embedded-upkeep.ts"),
    ]);
  const { pglite, release } = await openEmbedded(options.embedded ?? defaultDataDir);
  await applyMigrations({
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <Row>(sql: string, params?: unknown[]) =>
      (await pglite.query<Row>(sql, params)).rows,
  });
  const upkeep = await upkeepEmbedded(pglite);
  const yielding = yieldBetweenQueries(pglite);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(yielding) });
  return {
    prisma,
    rawSql: directSql(preparedOnPGlite(pglite)),
    kind: "embedded",
    hostChanges: inProcessHostChanges(),
    close: async () => {
      upkeep.stop();
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
  const nameOf = statementNames();
  const hostChanges = await listenOnServer(databaseUrl, pool);
  return {
    prisma,
    rawSql: directSql(async (text, values) => {
      const { rows, rowCount } = await yielding.query({ name: nameOf(text), text, values });
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

/**
 * Names for the statements of Db.rawSql, so that each pooled connection parses and plans each of
 * them once (a prepared statement, which pg keeps per connection by its name) instead of at every
 * call: a booking's write is one large statement, and parsing and planning it anew was a third of
 * PostgreSQL's CPU per booking (`pnpm bench`, same run: 2.0 against 1.25 ms). Their texts are few
 * (the booking path's templates, times the lengths of their lists); past MAX_NAMED_STATEMENTS
 * texts, as a guard, a statement goes unnamed. Behind PgBouncer in transaction mode this needs
 * PgBouncer 1.21 or later with `max_prepared_statements` set (README).
 */
function statementNames() {
  const names = new Map<string, string>();
  return (text: string): string | undefined => {
    const known = names.get(text);
    if (known || names.size >= MAX_NAMED_STATEMENTS) return known;
    const name = `timetap_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
    return name;
  };
}
const MAX_NAMED_STATEMENTS = 500;

function redact(message: string, databaseUrl: string): string {
  const password = URL.canParse(databaseUrl) ? new URL(databaseUrl).password : "";
  return password ? message.split(password).join("***") : message;
}
