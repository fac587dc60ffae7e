import { createDb, DatabaseUnavailableError } from "./client.ts";
import { seedDemo } from "./seed.ts";

try {
  const databaseUrl = process.env.DATABASE_URL;
  const db = await createDb(databaseUrl ? { databaseUrl } : {});
  const host = await seedDemo(db.prisma);
  await db.close();
  console.log(`Seeded demo host /${host.slug} (${db.kind} database).`);
} catch (error) {
  if (!(error instanceof DatabaseUnavailableError)) throw error;
  console.error(error.message);
  process.exit(1);
}
