import { nextTurn } from "./one-per-turn.ts";

/**
 * A database client as Prisma's adapter sees it, giving the event loop a turn after each query,
 * one waiting query's answer per turn (see nextTurn). PGlite runs Postgres on this thread and
 * answers within the same turn, and on a server many answers arrive in one turn; either way a
 * turn ran one piece of every request in flight in a row, and Node takes one new connection
 * per turn: the 32nd of 32 connections opened at once waited 1–2 s for its first answer.
 * Measured with `pnpm bench` (booking.create, 32 connections, embedded): p99 1,000–1,200 ms
 * with no turn, 640–660 ms with an immediate per answer, 226 ms with one answer per turn, at
 * the same rate. Only the client's own `query` is wrapped: a transaction runs on a client of
 * its own (PGlite's transaction object, a pool's connection) and keeps its turns, as it holds
 * the database (or its rows) for its whole length anyway.
 */
export function yieldBetweenQueries<Client extends { query: (...args: never[]) => unknown }>(
  client: Client,
): Client {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== "function") return value;
      if (property !== "query") return value.bind(target);
      return async (...args: Parameters<Client["query"]>) => {
        const result = await target.query(...args);
        await nextTurn();
        return result;
      };
    },
  });
}
