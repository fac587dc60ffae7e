import { TZDate } from "@date-fns/tz";
import { isExclusionViolation } from "@timetap/db";
import { hostChanged, type HostChangeDeps } from "../availability/host-changed.ts";
import type { ApiDeps } from "../deps.ts";
import { DateOverrideConflictError, NotFoundError, PastDateError } from "../lib/service-errors.ts";
import { calendarDateKey } from "../lib/wall-time.ts";
import type { DateHours, DaysOff } from "./date-override.inputs.ts";

type OverrideDeps = Pick<ApiDeps, "db" | "clock"> & HostChangeDeps;

const asDate = (date: string) => new Date(calendarDateKey(date));
const asCalendarDate = (date: Date) => date.toISOString().slice(0, 10);

/** Today's date where the host lives, "YYYY-MM-DD". */
async function hostToday({ db, clock }: Pick<ApiDeps, "db" | "clock">, hostId: string) {
  const { timeZone } = await db.host.findUniqueOrThrow({
    where: { id: hostId },
    select: { timeZone: true },
  });
  const local = new TZDate(clock.now(), timeZone);
  return asCalendarDate(new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate())));
}

/** The host's days off and special hours that have not ended yet, earliest first. */
export async function listDateOverrides(deps: Pick<ApiDeps, "db" | "clock">, hostId: string) {
  const today = await hostToday(deps, hostId);
  const overrides = await deps.db.dateOverride.findMany({
    where: { hostId, endDate: { gte: asDate(today) } },
    orderBy: { startDate: "asc" },
    select: {
      id: true,
      startDate: true,
      endDate: true,
      note: true,
      intervals: {
        select: { startMinute: true, endMinute: true },
        orderBy: { startMinute: "asc" },
      },
    },
  });
  return overrides.map(({ startDate, endDate, ...override }) => ({
    ...override,
    from: asCalendarDate(startDate),
    to: asCalendarDate(endDate),
    dayOff: override.intervals.length === 0,
  }));
}

/** Takes a day or an inclusive range of days off: the booking page offers nothing on them. */
export async function addDaysOff(deps: OverrideDeps, hostId: string, daysOff: DaysOff) {
  if (daysOff.from < (await hostToday(deps, hostId))) throw new PastDateError();
  const created = await refusingOverlap(() =>
    deps.db.dateOverride.create({
      data: {
        hostId,
        startDate: asDate(daysOff.from),
        endDate: asDate(daysOff.to),
        note: daysOff.note,
      },
    }),
  );
  hostChanged(deps, hostId, "settings");
  deps.logger.info("days_off_added", { hostId, from: daysOff.from, to: daysOff.to });
  return { id: created.id };
}

/**
 * Sets other hours on one date, replacing its weekly hours; hours set before on that very date
 * (or a single day off) are replaced, a range off covering it is refused.
 */
export async function setDateHours(deps: OverrideDeps, hostId: string, hours: DateHours) {
  if (hours.date < (await hostToday(deps, hostId))) throw new PastDateError();
  const date = asDate(hours.date);
  const [, created] = await refusingOverlap(() =>
    deps.db.$transaction([
      deps.db.dateOverride.deleteMany({ where: { hostId, startDate: date, endDate: date } }),
      deps.db.dateOverride.create({
        data: {
          hostId,
          startDate: date,
          endDate: date,
          intervals: { createMany: { data: hours.intervals } },
        },
      }),
    ]),
  );
  hostChanged(deps, hostId, "settings");
  deps.logger.info("date_hours_set", {
    hostId,
    date: hours.date,
    intervals: hours.intervals.length,
  });
  return { id: created.id };
}

export async function removeDateOverride(
  deps: Pick<ApiDeps, "db"> & HostChangeDeps,
  hostId: string,
  id: string,
) {
  const { count } = await deps.db.dateOverride.deleteMany({ where: { id, hostId } });
  if (count === 0) throw new NotFoundError("These days off or special hours no longer exist.");
  hostChanged(deps, hostId, "settings");
  deps.logger.info("date_override_removed", { hostId });
}

/** The database's exclusion constraint is what keeps one override per date, even under races. */
async function refusingOverlap<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isExclusionViolation(error)) throw new DateOverrideConflictError();
    throw error;
  }
}
