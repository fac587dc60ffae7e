import { postgresErrorCode, type RawSql } from "@timetap/db";
import { insertBookings, type BookingWrite, type InsertOutcome } from "./booking-insert.ts";

/**
 * Bookings written by one statement at most. Each number of bookings of each shape (their emails,
 * their counts) is a statement text of its own, parsed and planned once per connection and kept
 * there: few enough texts, and the gain (PostgreSQL CPU per booking 1.16–1.36 ms alone, 0.79–0.91
 * ms four at a time, 0.87 ms eight at a time).
 */
const MOST_PER_STATEMENT = 4;
/**
 * SQLSTATE classes after which each booking of a failed statement is written on its own: an
 * integrity error (23: a time taken meanwhile by another process, a host or package gone) or a
 * transaction rolled back (40: a deadlock between two processes' statements). Either belongs to
 * one booking, or to none; the others must not fail with it. Anything else (the database gone)
 * fails them all alike.
 */
const ONE_BOOKINGS_ERROR = /^(23|40)/;

interface Waiting {
  write: BookingWrite;
  /** shapeOf and rowsOf the write, worked out once: a booking may be passed over many times. */
  shape: string;
  rows: string[];
  settle: { resolve: (outcome: InsertOutcome) => void; reject: (error: unknown) => void };
}

/**
 * New bookings written together: while `inFlight` statements are under way, the bookings ready to
 * be written wait, and the next statement writes those of one shape, each under its own
 * conditions, as many as MOST_PER_STATEMENT (insertBookings).
 *
 * Why: each statement costs the database its start, its commit (the WAL written and flushed), and
 * the web server and the database a socket write and a wake-up each, whatever it writes; on
 * PostgreSQL that was half of a booking's CPU. Booking four at a time took a third less of the
 * database's CPU per booking and 40 % less of the driver's (same statements, 8 connections). No
 * booking waits for others to come: with fewer than `inFlight` statements under way, one goes at
 * once, alone if it is the only one.
 *
 * Rules: bookings of one host never share a statement (inHostTurn orders them in this process
 * anyway), nor do two that count one abuse-limit row (a statement may change a row once). Nor does
 * a booking go while a statement under way changes one of its rows: two of this process's
 * statements could each lock a row the other wants next, and PostgreSQL finds that deadlock only
 * after deadlock_timeout (1 s), a second lost for both. Each
 * statement's parts run in the order of their hosts' ids, so two processes' statements take the
 * hosts' row locks in one order. A statement that fails for one booking's sake is retried for each
 * booking on its own (ONE_BOOKINGS_ERROR): every booking gets the outcome or error it would have
 * had alone. Written by hand: batching libraries (dataloader, p-batch) collect for a time or a
 * tick and run the whole batch, where these rules pick which waiting bookings may go together.
 */
export function createBookingWrites(rawSql: Pick<RawSql, "$queryRaw">, inFlight: number) {
  const waiting: Waiting[] = [];
  let underWay = 0;
  /** The rows the statements under way change. */
  const busy = new Set<string>();

  /**
   * The waiting bookings that may go together, oldest first, taken out of the queue and their rows
   * marked busy; none while every waiting booking has a row under way.
   */
  function nextStatement(): Waiting[] {
    let shape: string | undefined;
    const taken: Waiting[] = [];
    for (let i = 0; i < waiting.length && taken.length < MOST_PER_STATEMENT; i++) {
      const candidate = waiting[i]!;
      if (candidate.rows.some((row) => busy.has(row))) continue;
      shape ??= candidate.shape;
      if (candidate.shape !== shape) continue;
      for (const row of candidate.rows) busy.add(row);
      taken.push(candidate);
      waiting.splice(i--, 1);
    }
    return taken.sort((a, b) => (a.write.booking.hostId < b.write.booking.hostId ? -1 : 1));
  }

  async function run(statement: Waiting[]): Promise<void> {
    try {
      const outcomes = await insertBookings(
        { db: rawSql },
        statement.map(({ write }) => write),
      );
      statement.forEach(({ settle }, i) => settle.resolve(outcomes[i]!));
    } catch (error) {
      if (statement.length > 1 && ONE_BOOKINGS_ERROR.test(postgresErrorCode(error) ?? ""))
        await Promise.all(statement.map((one) => run([one])));
      else for (const { settle } of statement) settle.reject(error);
    }
  }

  function startNext(): void {
    while (underWay < inFlight && waiting.length > 0) {
      const statement = nextStatement();
      if (!statement.length) return;
      underWay++;
      void run(statement).finally(() => {
        underWay--;
        for (const { rows } of statement) for (const row of rows) busy.delete(row);
        startNext();
      });
    }
  }

  return {
    /** Writes the booking, with others when they are ready too; its outcome as if alone. */
    write(write: BookingWrite): Promise<InsertOutcome> {
      return new Promise((resolve, reject) => {
        waiting.push({
          write,
          shape: shapeOf(write),
          rows: rowsOf(write),
          settle: { resolve, reject },
        });
        startNext();
      });
    },
  };
}
export type BookingWrites = ReturnType<typeof createBookingWrites>;

/** Bookings of one shape make one statement text, whatever their values. */
function shapeOf({ emails, counting, notification }: BookingWrite): string {
  return `${emails.length} ${counting ? counting.keys.length : "-"} ${notification ? 1 : 0}`;
}

/** The rows a booking's part changes that another part of the statement must not. */
function rowsOf({ booking, counting }: BookingWrite): string[] {
  return [`host ${booking.hostId}`, ...(counting?.keys ?? []).map((key) => `limit ${key}`)];
}
