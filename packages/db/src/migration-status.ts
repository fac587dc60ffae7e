import type { PrismaClient } from "./generated/prisma/client.ts";
import { finishedMigrationsQuery, shippedMigrations } from "./migrate.ts";

/**
 * The migrations this build ships that the database has not finished: empty once the schema is
 * what the code expects. Each process applies them at start, so a gap means the database was
 * restored or changed under a running process.
 */
export async function unappliedMigrations(prisma: PrismaClient): Promise<string[]> {
  const finished = new Set(
    (await prisma.$queryRawUnsafe<{ migration_name: string }[]>(finishedMigrationsQuery)).map(
      (row) => row.migration_name,
    ),
  );
  return (await shippedMigrations()).filter((name) => !finished.has(name));
}
