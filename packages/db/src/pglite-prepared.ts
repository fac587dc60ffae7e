import { messages, protocol, types, type PGlite } from "@electric-sql/pglite";
import { nextTurn } from "./one-per-turn.ts";
import type { RunStatement } from "./raw-sql.ts";

/** Past this many different texts, a statement is parsed each time rather than kept. */
const MAX_PREPARED = 200;

/**
 * Statements on the embedded database, each text parsed and planned once, then run as one call.
 *
 * Why not PGlite's `query`: it sends every statement as six calls into Postgres (parse, describe
 * the statement to learn its parameters' types, bind, describe, execute, sync), parsing and
 * planning the text anew each time, and copies its table of 300 result parsers on every answer.
 * Here a text is parsed once under a name of its own; each run is then bind, describe, execute
 * and sync in ONE call (PGlite's `execProtocol`, its documented way to speak the wire protocol).
 * Measured on a read like bookingSurroundings: 611 µs a statement through `query`, 214 µs here.
 * Parameters go as text, as PGlite's own serializers would write them for these statements'
 * types (timestamps as ISO 8601 with their zone, numbers, booleans, strings); rows come back
 * through PGlite's own type parsers. The statement waits for any transaction on the database to
 * end, as `query` does, and gives the event loop a turn afterwards (yield-between-queries.ts).
 */
export function preparedOnPGlite(pglite: PGlite): RunStatement {
  const names = new Map<string, string>();
  let made = 0;
  return async (text, values) => {
    let name = names.get(text);
    const parts: Uint8Array[] = [];
    if (name === undefined) {
      // A new name each time a text is parsed: one whose parse failed is never reused.
      name = names.size < MAX_PREPARED ? `timetap_${++made}` : "";
      parts.push(protocol.serialize.parse({ name, text }));
    }
    parts.push(
      protocol.serialize.bind({ statement: name, values: values.map(asText) }),
      protocol.serialize.describe({ type: "P" }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    );
    const answer = await pglite
      ._runExclusiveTransaction(() => pglite.runExclusive(() => pglite.execProtocol(concat(parts))))
      .finally(nextTurn);
    if (name !== "") names.set(text, name);
    return rowsOf(answer.messages, pglite);
  };
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

function rowsOf(answer: messages.BackendMessage[], pglite: PGlite) {
  let fields: messages.Field[] = [];
  const rows: Array<Record<string, unknown>> = [];
  let count = 0;
  for (const message of answer) {
    if (message instanceof messages.RowDescriptionMessage) fields = message.fields;
    else if (message instanceof messages.DataRowMessage) {
      const row: Record<string, unknown> = {};
      message.fields.forEach((value, i) => {
        const field = fields[i]!;
        row[field.name] = types.parseType(value, field.dataTypeID, pglite.parsers);
      });
      rows.push(row);
    } else if (message instanceof messages.CommandCompleteMessage) {
      // "INSERT 0 3", "UPDATE 2", "SELECT 5": the rows written (or read), as pg's rowCount.
      count = Number(message.text.split(" ").at(-1)) || 0;
    }
  }
  return { rows, count };
}
