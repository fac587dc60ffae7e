import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openEmbedded } from "./embedded.ts";
import { defaultDataDir } from "./paths.ts";

/** The driver adapter the Prisma CLI migrates through (prisma.config.ts). */
export async function createMigrationAdapter(databaseUrl: string | undefined) {
  if (databaseUrl) return new PrismaPg({ connectionString: databaseUrl });
  // The CLI process ends when it is done; its lock is then stale and the next opener takes it.
  return new PrismaPGlite((await openEmbedded(defaultDataDir)).pglite);
}
