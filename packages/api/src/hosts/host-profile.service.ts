import { isUniqueViolation, type Prisma } from "@timetap/db";
import { hostChanged, type HostChangeDeps } from "../availability/host-changed.ts";
import type { ApiDeps } from "../deps.ts";
import { SlugTakenError } from "../lib/service-errors.ts";

/** The host whose page is at `/{slug}` now, or was before they moved it (see HostSlugRedirect). */
export const atAddress = (slug: string) =>
  ({ OR: [{ slug }, { slugRedirects: { some: { slug } } }] }) satisfies Prisma.HostWhereInput;

export interface Profile {
  name: string;
  slug: string;
  timeZone: string;
}

/**
 * Sets the host's name, page address and time zone. A moved page leaves its old address
 * redirecting to the new one; an address another host gave up stays theirs (it redirects to their
 * page), so it is taken. Bookings are instants, so a new zone moves none of them; the weekly hours
 * and date overrides are wall times and dates, so they now read in the new zone.
 */
export async function updateProfile(
  deps: Pick<ApiDeps, "db"> & HostChangeDeps,
  hostId: string,
  profile: Profile,
) {
  const { db, logger } = deps;
  const taken = new SlugTakenError(`The address /${profile.slug} is taken. Please pick another.`);
  try {
    const host = await db.$transaction(async (tx) => {
      const before = await tx.host.findUniqueOrThrow({ where: { id: hostId } });
      if (before.slug === profile.slug)
        return tx.host.update({ where: { id: hostId }, data: profile });
      const redirect = await tx.hostSlugRedirect.findUnique({ where: { slug: profile.slug } });
      if (redirect && redirect.hostId !== hostId) throw taken;
      // Taking back an address of one's own: it is the page again, not a redirect.
      if (redirect) await tx.hostSlugRedirect.delete({ where: { slug: profile.slug } });
      const after = await tx.host.update({ where: { id: hostId }, data: profile });
      if (before.slug)
        await tx.hostSlugRedirect.upsert({
          where: { slug: before.slug },
          create: { slug: before.slug, hostId },
          update: { hostId },
        });
      return after;
    });
    hostChanged(deps, hostId, "settings");
    logger.info("host_profile_updated", { hostId });
    return host;
  } catch (error) {
    if (isUniqueViolation(error)) throw taken;
    throw error;
  }
}
