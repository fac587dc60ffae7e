import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./src/migration-adapter.ts";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  adapter: () => createMigrationAdapter(process.env.DATABASE_URL),
});
