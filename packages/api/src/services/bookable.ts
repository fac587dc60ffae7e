import type { ApiDeps } from "../deps.ts";
import { NotFoundError } from "./errors.ts";
import { generateSlots, type Interval } from "./slot-generation.ts";

/** The host behind a booking page and one of its active packages, or NotFoundError. */
export async function loadBookable(
  { db }: Pick<ApiDeps, "db">,
  hostSlug: string,
  packageId: string,
) {
  const host = await db.host.findUnique({
    where: { slug: hostSlug },
    include: {
      availabilityRules: { select: { weekday: true, startMinute: true, endMinute: true } },
      packages: { where: { id: packageId, active: true } },
    },
  });
  const pkg = host?.packages[0];
  if (!host || !pkg) throw new NotFoundError("This session is not available for booking.");
  return { host, pkg };
}

export type Bookable = Awaited<ReturnType<typeof loadBookable>>;

/** The package's slots in [from, to): the host's weekly hours and notice, minus `busy`. */
export function offeredSlots(
  { host, pkg }: Bookable,
  window: { from: Date; to: Date; now: Date; busy: readonly Interval[] },
) {
  return generateSlots({
    ...window,
    timeZone: host.timeZone,
    rules: host.availabilityRules,
    durationMinutes: pkg.durationMinutes,
    minimumNoticeMinutes: host.minimumNoticeMinutes,
  });
}
