import type { PrismaClient } from "./generated/prisma/client.ts";

export const DEMO_HOST = {
  email: "demo@timetap.local",
  name: "Dana Demo",
  slug: "demo",
  timeZone: "Europe/Berlin",
} as const;

const WEEKDAYS = [1, 2, 3, 4, 5];
const NINE_AM = 9 * 60;
const FIVE_PM = 17 * 60;
const TWO_HOURS_NOTICE = 120;
/** The booking limits a new host starts with, so the demo books like a fresh account. */
const DEFAULT_LIMITS = {
  minimumNoticeMinutes: TWO_HOURS_NOTICE,
  horizonDays: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  dailyMaximum: null,
  startIntervalMinutes: null,
  upcomingPerCustomer: 3,
};
/** The emails a new host starts with: notices of their bookings, customers reminded a day ahead. */
const DEFAULT_EMAILS = { hostNotices: true, reminder24h: true, reminder1h: false };
/** No package overrides the host's limits. */
const NO_OVERRIDES = {
  horizonDays: null,
  bufferBeforeMinutes: null,
  bufferAfterMinutes: null,
  startIntervalMinutes: null,
  minimumNoticeMinutes: null,
};

/**
 * Creates (or resets to its known shape) the demo host `/demo`: Europe/Berlin, Mon–Fri
 * 09:00–17:00 with two hours' notice and the default booking limits, a free 30-minute intro and a
 * paid 60-minute session that override none of them. Safe to run repeatedly.
 */
export async function seedDemo(prisma: PrismaClient) {
  return prisma.$transaction(async (tx) => {
    const host = await tx.host.upsert({
      where: { email: DEMO_HOST.email },
      create: { ...DEMO_HOST, ...DEFAULT_LIMITS, ...DEFAULT_EMAILS },
      update: {
        name: DEMO_HOST.name,
        slug: DEMO_HOST.slug,
        timeZone: DEMO_HOST.timeZone,
        ...DEFAULT_LIMITS,
        ...DEFAULT_EMAILS,
      },
    });
    await tx.availabilityRule.deleteMany({ where: { hostId: host.id } });
    await tx.availabilityRule.createMany({
      data: WEEKDAYS.map((weekday) => ({
        hostId: host.id,
        weekday,
        startMinute: NINE_AM,
        endMinute: FIVE_PM,
      })),
    });
    const packages = [
      {
        name: "Free intro call",
        description: "A 30-minute call to get to know each other.",
        durationMinutes: 30,
        kind: "free_intro" as const,
        priceCents: 0,
        currency: null,
        position: 0,
      },
      {
        name: "Coaching session",
        description: "A full hour of one-to-one coaching.",
        durationMinutes: 60,
        kind: "paid" as const,
        priceCents: 9000,
        currency: "EUR",
        position: 1,
      },
    ];
    for (const pkg of packages) {
      const existing = await tx.sessionPackage.findFirst({
        where: { hostId: host.id, name: pkg.name },
      });
      if (existing) {
        await tx.sessionPackage.update({
          where: { id: existing.id },
          data: { ...pkg, ...NO_OVERRIDES, active: true, archivedAt: null },
        });
      } else {
        await tx.sessionPackage.create({ data: { ...pkg, hostId: host.id } });
      }
    }
    return host;
  });
}
