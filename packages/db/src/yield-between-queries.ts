import type { PGlite } from "@electric-sql/pglite";

/**
 * The embedded database as Prisma's adapter sees it, giving the event loop a turn after each
 * query. PGlite runs Postgres on this thread and answers within the same turn, so a request's
 * queries and the code between them ran as one unbroken chain of promise callbacks, and every
 * other socket waited for it: under load a new connection was taken only between such chains,
 * and the 32nd of 32 connections opened at once waited about 2 s for its first answer. Measured
 * with `pnpm bench` (booking.create, 32 connections): p99 1,000–1,200 ms before, 640 ms after,
 * at the same rate. Queries inside a transaction go through the transaction's own client and
 * keep their turn: a transaction holds the database for its whole length anyway.
 */
export function yieldBetweenQueries(pglite: PGlite): PGlite {
  return new Proxy(pglite, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== "function") return value;
      if (property !== "query") return value.bind(target);
      return async (...args: Parameters<PGlite["query"]>) => {
        const result = await target.query(...args);
        await new Promise((resolve) => setImmediate(resolve));
        return result;
      };
    },
  });
}
