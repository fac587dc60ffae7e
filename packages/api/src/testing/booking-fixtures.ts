import { DEMO_HOST, seedDemo } from "@timetap/db";
import { invalidateBusyTimes } from "../services/busy-times.ts";
import type { createApiHarness } from "./api-harness.ts";

type Harness = Awaited<ReturnType<typeof createApiHarness>>;

/** Monday 2030-01-07, 06:00 UTC (07:00 in Berlin): the whole demo week lies ahead. */
export const MONDAY_MORNING = new Date("2030-01-07T06:00:00Z");
/** Monday 2030-01-07 10:00 in Berlin. */
export const MONDAY_TEN_BERLIN = new Date("2030-01-07T09:00:00Z");

/** The demo host, its calendar connected to the harness's emulator, and its 30-minute package. */
export async function demoWithCalendar(harness: Harness, options: { connected?: boolean } = {}) {
  const host = await seedDemo(harness.db);
  const connected = options.connected ?? true;
  await harness.db.host.update({
    where: { id: host.id },
    data: connected
      ? {
          googleRefreshToken: harness.tokens.encrypt(
            harness.emulator.issueRefreshToken(DEMO_HOST.email),
          ),
          calendarStatus: "connected",
        }
      : { googleRefreshToken: null, calendarStatus: "disconnected" },
  });
  invalidateBusyTimes(harness.deps, host.id);
  const intro = await harness.db.sessionPackage.findFirstOrThrow({
    where: { hostId: host.id, durationMinutes: 30 },
  });
  return { host, intro };
}

export function bookingInput(
  packageId: string,
  startTime: Date,
  customerEmail = "cora@example.com",
) {
  return { hostSlug: "demo", packageId, startTime, customerEmail, customerName: "Cora Customer" };
}
