export { createDb, describeDatabaseUrl, type Db, type DbOptions } from "./client.ts";
export { composedSql, type RawSql } from "./raw-sql.ts";
export {
  DatabaseUnavailableError,
  isExclusionViolation,
  isRecordNotFound,
  isUniqueViolation,
  postgresErrorCode,
} from "./errors.ts";
export {
  inProcessHostChanges,
  type HostChange,
  type HostChangeListener,
  type HostChanges,
} from "./host-changes.ts";
export { unappliedMigrations } from "./migration-status.ts";
export { seedDemo, DEMO_HOST } from "./seed.ts";
export { defaultDataDir } from "./paths.ts";
export * from "./generated/prisma/client.ts";
