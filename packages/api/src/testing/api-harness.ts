import { createTestDb } from "@timetap/db/testing";
import type { Clock } from "../clock.ts";
import { createContext, type ApiDeps, type RequestAuth } from "../context.ts";
import { createMemoryLogger } from "../logger.ts";
import { createCaller } from "../root.ts";

/** A real database (fresh per test file), an adjustable clock and a logger tests can read. */
export async function createApiHarness(options: { now?: Date } = {}) {
  const database = await createTestDb();
  let now = options.now ?? new Date();
  const clock: Clock = { now: () => new Date(now) };
  const logger = createMemoryLogger();
  const deps: ApiDeps = { db: database.prisma, clock, logger };
  return {
    deps,
    db: database.prisma,
    logger,
    setNow: (next: Date) => {
      now = next;
    },
    caller: (auth: RequestAuth = {}) => createCaller(createContext(deps, auth)),
    close: () => database.close(),
  };
}
