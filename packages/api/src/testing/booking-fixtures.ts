import { hostChanged } from "../availability/host-changed.ts";
import { DEMO_HOST, seedDemo } from "@timetap/db";
import { connectCalendar } from "../hosts/host-calendar.ts";
import { createApiHarness } from "./api-harness.ts";

export type Harness = Awaited<ReturnType<typeof createApiHarness>>;

/** Monday 2030-01-07, 06:00 UTC (07:00 in Berlin): the whole demo week lies ahead. */
export const MONDAY_MORNING = new Date("2030-01-07T06:00:00Z");
/** Monday 2030-01-07 10:00 in Berlin. */
export const MONDAY_TEN_BERLIN = new Date("2030-01-07T09:00:00Z");

/** The demo host, its calendar connected to the harness's emulator, and its 30-minute package. */
export async function demoWithCalendar(harness: Harness, options: { connected?: boolean } = {}) {
  const host = await seedDemo(harness.db);
  const connected = options.connected ?? true;
  if (connected) {
    await connectCalendar(
      harness.deps,
      host.id,
      harness.emulator.issueRefreshToken(DEMO_HOST.email),
    );
  } else {
    await harness.db.host.update({
      where: { id: host.id },
      data: { googleRefreshToken: null, calendarStatus: "disconnected" },
    });
    hostChanged(harness.deps, host.id, "calendar");
  }
  const intro = await harness.db.sessionPackage.findFirstOrThrow({
    where: { hostId: host.id, durationMinutes: 30 },
  });
  return { host, intro };
}

/**
 * The demo host with its notices and reminders off, for tests about the customer's own emails
 * (confirmation, move, cancellation, late Meet link): the host's notices and the reminders have
 * tests of their own.
 */
export async function customerEmailsOnly(harness: Harness) {
  const host = await harness.db.host.update({
    where: { email: DEMO_HOST.email },
    data: { hostNotices: false, reminder24h: false, reminder1h: false },
  });
  hostChanged(harness.deps, host.id, "settings");
  return host;
}

/** The demo host's calendar events that are not cancelled, as the emulator holds them. */
export function liveDemoEvents(harness: Harness) {
  return harness.emulator.events(DEMO_HOST.email).filter((event) => event.status !== "cancelled");
}

/** A host without a calendar, bookable around the clock every day (UTC), with one 30-minute package. */
export function createAllDayHost(
  db: Harness["db"],
  host: { email: string; name: string; slug: string },
) {
  return db.host.create({
    data: {
      ...host,
      timeZone: "UTC",
      availabilityRules: {
        create: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
          weekday,
          startMinute: 0,
          endMinute: 24 * 60,
        })),
      },
      packages: { create: { name: "Session", durationMinutes: 30, kind: "free_intro" } },
    },
    include: { packages: true },
  });
}

/** A second host, to show that one host cannot touch another's bookings. */
export async function otherHost(harness: Harness) {
  return harness.db.host.upsert({
    where: { email: "olga@example.com" },
    update: {},
    create: { email: "olga@example.com", name: "Olga Other", slug: "olga", timeZone: "UTC" },
  });
}

export function bookingInput(
  packageId: string,
  startTime: Date,
  customerEmail = "cora@example.com",
) {
  return { hostSlug: "demo", packageId, startTime, customerEmail, customerName: "Cora Customer" };
}

/**
 * Runs `test` on a harness of its own, with settings the shared one does not have (a short
 * deadline, a slow Google), the demo host connected; closes it afterwards.
 */
export async function withOwnHarness(
  options: Omit<Parameters<typeof createApiHarness>[0] & object, "now">,
  test: (harness: Harness, intro: { id: string }) => Promise<void>,
) {
  const harness = await createApiHarness({ now: MONDAY_MORNING, ...options });
  try {
    const { intro } = await demoWithCalendar(harness);
    await test(harness, intro);
  } finally {
    await harness.close();
  }
}
