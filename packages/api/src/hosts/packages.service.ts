import { packageLimitsSelect } from "../availability/booking-limits.ts";
import { hostChanged, type HostChangeDeps } from "../availability/host-changed.ts";
import type { ApiDeps } from "../deps.ts";
import { NotFoundError, PackageOrderError } from "../lib/service-errors.ts";
import { publicPackageSelect } from "./catalog.service.ts";
import type { PackageFields } from "./package.inputs.ts";

type Deps = Pick<ApiDeps, "db" | "logger">;

/**
 * The host sees, besides what customers see, whether it is on offer, its place, and its own
 * booking limits (null = the host's default).
 */
const packageSelect = {
  ...publicPackageSelect,
  ...packageLimitsSelect,
  active: true,
  position: true,
} as const;

/** The host's packages that are not archived, in the host's order. */
export function listPackages({ db }: Pick<ApiDeps, "db">, hostId: string) {
  return db.sessionPackage.findMany({
    where: { hostId, archivedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: packageSelect,
  });
}

/** Stored form of the fields: a price of 0 is a free package with no currency. */
function toColumns(fields: PackageFields) {
  const paid = fields.priceCents > 0;
  return {
    ...fields,
    kind: paid ? ("paid" as const) : ("free_intro" as const),
    currency: paid ? fields.currency : null,
  };
}

/** Adds a package after the host's others. */
export async function createPackage({ db, logger }: Deps, hostId: string, fields: PackageFields) {
  const created = await db.$transaction(async (tx) => {
    const last = await tx.sessionPackage.aggregate({
      where: { hostId, archivedAt: null },
      _max: { position: true },
    });
    return tx.sessionPackage.create({
      data: { ...toColumns(fields), hostId, position: (last._max.position ?? -1) + 1 },
      select: packageSelect,
    });
  });
  logger.info("package_created", { hostId, packageId: created.id });
  return created;
}

/**
 * Changes a package of the host. Bookings already made keep their own start and end, so a new
 * length applies to new bookings only.
 */
export async function updatePackage(
  deps: Deps & HostChangeDeps,
  hostId: string,
  { packageId, ...fields }: PackageFields & { packageId: string },
) {
  const { db, logger } = deps;
  const { count } = await db.sessionPackage.updateMany({
    where: { id: packageId, hostId, archivedAt: null },
    data: toColumns(fields),
  });
  if (count === 0) throw new NotFoundError("This package was not found.");
  hostChanged(deps, hostId, "settings");
  logger.info("package_updated", { hostId, packageId });
  return db.sessionPackage.findUniqueOrThrow({ where: { id: packageId }, select: packageSelect });
}

/** Puts the host's packages in the given order, which must name each of them exactly once. */
export async function reorderPackages({ db, logger }: Deps, hostId: string, packageIds: string[]) {
  await db.$transaction(async (tx) => {
    const current = await tx.sessionPackage.findMany({
      where: { hostId, archivedAt: null },
      select: { id: true },
    });
    const given = new Set(packageIds);
    if (given.size !== current.length || current.some(({ id }) => !given.has(id)))
      throw new PackageOrderError();
    for (const [position, id] of packageIds.entries())
      await tx.sessionPackage.update({ where: { id }, data: { position } });
  });
  logger.info("packages_reordered", { hostId, packages: packageIds.length });
  return listPackages({ db }, hostId);
}

/** Takes a package off the host's page and list; its bookings stay as they are. */
export async function archivePackage(
  deps: Deps & Pick<ApiDeps, "clock"> & HostChangeDeps,
  hostId: string,
  packageId: string,
) {
  const { db, logger, clock } = deps;
  const { count } = await db.sessionPackage.updateMany({
    where: { id: packageId, hostId, archivedAt: null },
    data: { archivedAt: clock.now() },
  });
  if (count === 0) throw new NotFoundError("This package was not found.");
  hostChanged(deps, hostId, "settings");
  logger.info("package_archived", { hostId, packageId });
  return listPackages({ db }, hostId);
}
