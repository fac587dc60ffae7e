import { afterAll, beforeEach } from "vitest";
import type { CalendarEventInput } from "../calendar-event.ts";
import { eventIdForBooking } from "../event-id.ts";
import { hostEmail, startTestEmulator } from "./index.ts";

// Apart from index.ts: importing vitest outside a test run throws.

/** One emulator for the test file; before each test it holds only the host, with a fresh grant. */
export async function useEmulatorWithHost() {
  const emulator = await startTestEmulator();
  afterAll(() => emulator.close());
  const grant = { refreshToken: "" };
  beforeEach(() => {
    emulator.reset();
    emulator.createUser(hostEmail, "Host Person");
    grant.refreshToken = emulator.issueRefreshToken(hostEmail);
  });
  return { emulator, grant };
}

/** A booking's event as TimeTap creates it: Monday 4 March 2030, 09:00–10:00 UTC. */
export function sessionEvent(bookingId = "booking-1"): CalendarEventInput {
  return {
    eventId: eventIdForBooking(bookingId),
    requestId: bookingId,
    bookingId,
    start: new Date("2030-03-04T09:00:00Z"),
    end: new Date("2030-03-04T10:00:00Z"),
    timeZone: "Europe/Berlin",
    customerEmail: "ann@customer.test",
    customerName: "Ann Customer",
    hostName: "Host Person",
    packageName: "Intro call",
  };
}
