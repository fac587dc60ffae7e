/** Startup failure whose message is safe to print as the one line a user reads. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/**
 * The Postgres SQLSTATE behind a Prisma error. Through driver adapters a constraint violation
 * reaches us as `DriverAdapterError` (code in `cause.originalCode` or `cause.code`) or, for unique
 * violations, as `P2002`; every caller asks this one function instead of knowing the shapes.
 */
export function postgresErrorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") return undefined;
    const record = current as Record<string, unknown>;
    if (record.code === "P2002") return UNIQUE_VIOLATION;
    for (const key of ["originalCode", "code"] as const) {
      const value = record[key];
      if (typeof value === "string" && isSqlState(value)) return value;
    }
    const meta = record.meta as Record<string, unknown> | undefined;
    current = record.cause ?? meta?.driverAdapterError;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = "23505";
export const EXCLUSION_VIOLATION = "23P01";

export const isUniqueViolation = (error: unknown) => postgresErrorCode(error) === UNIQUE_VIOLATION;
export const isExclusionViolation = (error: unknown) =>
  postgresErrorCode(error) === EXCLUSION_VIOLATION;

// Prisma's own codes (P1xxx–P6xxx) look like SQLSTATEs but are not.
const isSqlState = (value: string) =>
  /^[0-9A-Z]{5}$/.test(value) && !/^P[1-6][0-9]{3}$/.test(value);

/** An update or delete whose `where` matched no row (Prisma's P2025). */
export const isRecordNotFound = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
