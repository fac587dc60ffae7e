import { createDb, describeDatabaseUrl } from "@timetap/db";
import type { EventResource } from "@timetap/google-emulator";
import pg from "pg";

/**
 * A database of the proof's own on the PostgreSQL server of `baseUrl`, created empty and dropped
 * at the end, with the questions the proof asks of it.
 */
export async function scaleDatabase(baseUrl: string) {
  const name = `timetap_scale_${process.pid}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  // Opening it applies the migrations once, before any TimeTap process starts.
  const db = await createDb({ databaseUrl: url.toString() });

  return {
    url: url.toString(),
    where: describeDatabaseUrl(url.toString()),

    /** Until no calendar work of a booking is pending (all done, failed or parked). */
    async untilSynced(deadlineMs: number) {
      const started = Date.now();
      while (Date.now() - started < deadlineMs) {
        if ((await db.prisma.calendarSync.count({ where: { state: "pending" } })) === 0)
          return { done: true, ms: Date.now() - started };
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return { done: false, ms: Date.now() - started };
    },

    /**
     * Each booking a client was told is confirmed: still there and confirmed, overlapping no other
     * confirmed booking of its host, and with exactly one live event at Google carrying a Meet link.
     */
    async check(confirmedIds: string[], eventsOf: (email: string) => EventResource[]) {
      const bookings = await db.prisma.booking.findMany({
        where: { id: { in: confirmedIds }, status: "CONFIRMED" },
        include: { host: { select: { email: true } } },
      });
      const present = new Set(bookings.map((booking) => booking.id));
      const [{ overlaps }] = await db.prisma.$queryRaw<[{ overlaps: bigint }]>`
        SELECT count(*) AS overlaps FROM booking a JOIN booking b
          ON a.host_id = b.host_id AND a.id < b.id
         AND a.status = 'CONFIRMED' AND b.status = 'CONFIRMED'
         AND a.start_time < b.end_time AND b.start_time < a.end_time`;
      const eventsByBooking = new Map<string, EventResource[]>();
      for (const email of new Set(bookings.map((booking) => booking.host.email)))
        for (const event of eventsOf(email)) {
          if (event.status === "cancelled") continue;
          const id = (event["extendedProperties"] as { private?: { bookingId?: string } })?.private
            ?.bookingId;
          if (id) eventsByBooking.set(id, [...(eventsByBooking.get(id) ?? []), event]);
        }
      const eventProblems: string[] = [];
      for (const booking of bookings) {
        const events = eventsByBooking.get(booking.id) ?? [];
        if (events.length !== 1)
          eventProblems.push(`booking ${booking.id} has ${events.length} Google events`);
        else if (!events[0]!["hangoutLink"])
          eventProblems.push(`booking ${booking.id}'s event has no Meet link`);
      }
      return {
        missing: confirmedIds.filter((id) => !present.has(id)),
        overlaps: Number(overlaps),
        eventProblems,
        withOneEventAndLink: bookings.length - eventProblems.length,
      };
    },

    async drop() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
