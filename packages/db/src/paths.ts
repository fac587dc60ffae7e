import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where the embedded database lives when DATABASE_URL is unset: `.data/` at the repository root. */
export const defaultDataDir = path.join(repoRoot, ".data", "pglite");

export const migrationsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../prisma/migrations",
);
