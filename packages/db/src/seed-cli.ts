import path from "node:path";
import { createDb } from "./client.ts";
import { DatabaseUnavailableError } from "./errors.ts";
import { seedDemo } from "./seed.ts";

try {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = process.env.TIMETAP_DATA_DIR;
  const db = await createDb(
    databaseUrl ? { databaseUrl } : dataDir ? { embedded: path.resolve(dataDir, "pglite") } : {},
  );
  const host = await seedDemo(db.prisma);
  await db.close();
  console.log(`Seeded demo host /${host.slug} (${db.kind} database).`);
} catch (error) {
  if (!(error instanceof DatabaseUnavailableError)) throw error;
  console.error(error.message);
  process.exit(1);
}
