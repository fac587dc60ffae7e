import { packageLimitsSelect } from "../availability/booking-limits.ts";
import { hostChanged, type HostChangeDeps } from "../availability/host-changed.ts";
import type { ApiDeps } from "../deps.ts";
import { NotFoundError } from "../lib/service-errors.ts";
import type { BookingLimitsUpdate, PackageLimitsUpdate } from "./booking-limits.inputs.ts";

const hostLimitsSelect = {
  horizonDays: true,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  dailyMaximum: true,
  startIntervalMinutes: true,
  upcomingPerCustomer: true,
} as const;

/** The host's default booking limits, which each package may override. */
export function getBookingLimits({ db }: Pick<ApiDeps, "db">, hostId: string) {
  return db.host.findUniqueOrThrow({ where: { id: hostId }, select: hostLimitsSelect });
}

/** Bookings already made stay; the new limits apply to the times offered and booked from now. */
export async function updateBookingLimits(
  deps: Pick<ApiDeps, "db"> & HostChangeDeps,
  hostId: string,
  limits: BookingLimitsUpdate,
) {
  const { db, logger } = deps;
  const updated = await db.host.update({
    where: { id: hostId },
    data: limits,
    select: hostLimitsSelect,
  });
  hostChanged(deps, hostId, "settings");
  logger.info("booking_limits_updated", { hostId, ...limits });
  return updated;
}

/** Sets one of the host's own packages' overrides; another host's package does not exist here. */
export async function updatePackageLimits(
  deps: Pick<ApiDeps, "db"> & HostChangeDeps,
  hostId: string,
  { packageId, ...overrides }: PackageLimitsUpdate,
) {
  const { db, logger } = deps;
  const { count } = await db.sessionPackage.updateMany({
    where: { id: packageId, hostId },
    data: overrides,
  });
  if (count === 0) throw new NotFoundError("Package not found.");
  hostChanged(deps, hostId, "settings");
  logger.info("package_limits_updated", { hostId, packageId, ...overrides });
  return db.sessionPackage.findUniqueOrThrow({
    where: { id: packageId },
    select: { id: true, ...packageLimitsSelect },
  });
}
