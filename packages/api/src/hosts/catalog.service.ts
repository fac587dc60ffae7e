import type { ApiDeps } from "../deps.ts";
import { NotFoundError } from "../lib/service-errors.ts";

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

/** What a visitor of `/{slug}` sees: the host and the packages they can book. */
export async function getHostCatalog({ db }: Pick<ApiDeps, "db">, slug: string) {
  const host = await db.host.findUnique({
    where: { slug },
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
