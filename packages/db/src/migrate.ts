import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { migrationsDir } from "./paths.ts";

/** The smallest SQL surface both PGlite and node-postgres offer. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

// Prisma's own bookkeeping table, so `prisma migrate status` agrees with what ran here.
const bookkeeping = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant shared by every TimeTap process: web servers and workers starting together on one
// PostgreSQL server must not apply the same migration twice.
const MIGRATION_LOCK_KEY = 7_246_110_301;

/** The migrations this build of TimeTap ships, oldest first. */
export async function shippedMigrations(): Promise<string[]> {
  return (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The SQL naming the migrations a database has finished (and not rolled back). */
export const finishedMigrationsQuery = `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/**
 * Applies the Prisma migrations in `prisma/migrations` that the database has not seen yet, each in
 * its own transaction. Running it at start is what lets the embedded database need no setup step;
 * the same files are what `prisma migrate deploy` would apply on a server.
 */
export async function applyMigrations(sql: SqlRunner): Promise<string[]> {
  const names = await shippedMigrations();
  await sql.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await sql.exec(bookkeeping);
    const done = new Set(
      (await sql.query<{ migration_name: string }>(finishedMigrationsQuery)).map(
        (row) => row.migration_name,
      ),
    );
    const applied: string[] = [];
    for (const name of names) {
      if (done.has(name)) continue;
      const script = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(script).digest("hex");
      await sql.exec(`BEGIN;\n${script}\n;COMMIT;`).catch(async (error: unknown) => {
        await sql.exec("ROLLBACK").catch(() => undefined);
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
      });
      await sql.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
         VALUES ($1, $2, now(), $3, 1)`,
        [randomUUID(), checksum, name],
      );
      applied.push(name);
    }
    return applied;
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}
