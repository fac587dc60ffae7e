import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { afterAll, expect, it } from "vitest";
import { migrationsDir } from "./paths.ts";

const THIS_MIGRATION = "20261129203000_package_catalog";
const pglite = await PGlite.create({ extensions: { btree_gist } });
afterAll(() => pglite.close());

const script = (name: string) => readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");

it("gives existing packages the order their page showed them in, and paid ones the euro", async () => {
  const earlier = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name < THIS_MIGRATION)
    .map((entry) => entry.name)
    .sort();
  for (const name of earlier) await pglite.exec(await script(name));
  await pglite.exec(`
    INSERT INTO "host" (id, name, email, slug, time_zone, updated_at) VALUES
      ('h1', 'One', 'one@example.com', 'one', 'UTC', now()),
      ('h2', 'Two', 'two@example.com', 'two', 'UTC', now());
    INSERT INTO "session_package" (id, host_id, name, duration_minutes, kind, price_cents) VALUES
      ('long', 'h1', 'Long', 90, 'paid', 15000),
      ('b-short', 'h1', 'B short', 30, 'free_intro', 0),
      ('a-short', 'h1', 'A short', 30, 'paid', 4000),
      ('only', 'h2', 'Only', 60, 'free_intro', 0);
  `);

  await pglite.exec(await script(THIS_MIGRATION));

  const { rows } = await pglite.query(
    `SELECT id, position, currency, archived_at FROM "session_package" ORDER BY host_id, position`,
  );
  expect(rows).toEqual([
    { id: "a-short", position: 0, currency: "EUR", archived_at: null },
    { id: "b-short", position: 1, currency: null, archived_at: null },
    { id: "long", position: 2, currency: "EUR", archived_at: null },
    { id: "only", position: 0, currency: null, archived_at: null },
  ]);
  await expect(
    pglite.exec(`UPDATE "session_package" SET currency = NULL WHERE id = 'long'`),
  ).rejects.toThrow(/session_package_currency/);
});
