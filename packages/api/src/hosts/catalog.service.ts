import type { ApiDeps } from "../deps.ts";
import { NotFoundError } from "../lib/service-errors.ts";
import { atAddress } from "./host-profile.service.ts";

/** What anyone may see of a package on offer. */
export const publicPackageSelect = {
  id: true,
  name: true,
  description: true,
  durationMinutes: true,
  kind: true,
  priceCents: true,
  currency: true,
} as const;

/**
 * What a visitor of `/{slug}` sees: the host and the packages they can book. At an address the
 * host moved away from, `host.slug` is the current one, for the page to redirect to.
 */
export async function getHostCatalog({ db }: Pick<ApiDeps, "db">, slug: string) {
  const host = await db.host.findFirst({
    where: atAddress(slug),
    select: {
      name: true,
      slug: true,
      timeZone: true,
      packages: {
        where: { active: true, archivedAt: null },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: publicPackageSelect,
      },
    },
  });
  if (!host?.slug) throw new NotFoundError(`No host at /${slug}.`);
  return {
    host: { name: host.name, slug: host.slug, timeZone: host.timeZone },
    packages: host.packages,
  };
}
