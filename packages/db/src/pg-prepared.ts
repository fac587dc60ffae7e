import type pg from "pg";
import type { RunStatement } from "./raw-sql.ts";

/** Past this many different texts, a statement is parsed each time rather than kept. */
const MAX_PREPARED = 200;

/**
 * Statements on a PostgreSQL server as named prepared statements (node-postgres prepares a name
 * once on each connection, then only binds and executes it): the server parses and plans each
 * text once per connection instead of on every booking, CPU it shares with this process on a
 * small machine.
 */
export function preparedOnServer(pool: Pick<pg.Pool, "query">): RunStatement {
  const names = new Map<string, string>();
  return async (text, values) => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED) {
      name = `timetap_${names.size + 1}`;
      names.set(text, name);
    }
    const { rows, rowCount } = await pool.query({ name, text, values });
    return { rows, count: rowCount ?? 0 };
  };
}
