import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "../client.ts";

/**
 * A fresh, migrated database for one test file. Embedded in memory by default; with
 * TEST_DATABASE_URL set (CI's PostgreSQL server), a new database on that server, dropped on close;
 * its `url` then lets other processes open it too.
 */
export async function createTestDb(): Promise<Db & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return createDb({ embedded: "memory" });
  if (!/^postgres(ql)?:\/\//.test(serverUrl)) {
    throw new Error("TEST_DATABASE_URL must be a postgres:// URL (see scripts/test-postgres.sh)");
  }
  const name = `timetap_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await createDb({ databaseUrl: url.toString() });
  return {
    ...db,
    url: url.toString(),
    close: async () => {
      await db.close();
      await withAdmin(serverUrl, (admin) =>
        admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}
