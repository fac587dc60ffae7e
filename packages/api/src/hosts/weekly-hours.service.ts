import { hostChanged, type HostChangeDeps } from "../availability/host-changed.ts";
import type { ApiDeps } from "../deps.ts";
import type { WeeklyHours } from "./host.inputs.ts";

/** The host's bookable hours each week and how much notice a booking needs. */
export async function getWeeklyHours({ db }: Pick<ApiDeps, "db">, hostId: string) {
  const host = await db.host.findUniqueOrThrow({
    where: { id: hostId },
    select: {
      timeZone: true,
      minimumNoticeMinutes: true,
      availabilityRules: {
        select: { weekday: true, startMinute: true, endMinute: true },
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      },
    },
  });
  const { availabilityRules: rules, ...rest } = host;
  return { ...rest, rules };
}

/**
 * Replaces the host's weekly hours in one transaction, so a booking page never sees half of the
 * old hours and half of the new. Bookings already made keep their times.
 */
export async function updateWeeklyHours(
  deps: Pick<ApiDeps, "db"> & HostChangeDeps,
  hostId: string,
  hours: WeeklyHours,
) {
  const { db, logger } = deps;
  await db.$transaction([
    db.availabilityRule.deleteMany({ where: { hostId } }),
    db.availabilityRule.createMany({ data: hours.rules.map((rule) => ({ ...rule, hostId })) }),
    db.host.update({
      where: { id: hostId },
      data: { minimumNoticeMinutes: hours.minimumNoticeMinutes },
    }),
  ]);
  hostChanged(deps, hostId, "settings");
  logger.info("weekly_hours_updated", { hostId, rules: hours.rules.length });
  return getWeeklyHours({ db }, hostId);
}
