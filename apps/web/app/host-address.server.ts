import { redirect } from "@remix-run/node";
import { loadOr404 } from "~/load-or-404.server";
import type { apiFor } from "~/trpc.server";

type Api = Awaited<ReturnType<typeof apiFor>>;

/**
 * The host and packages at `/{slug}`; at an address the host moved away from, a permanent
 * redirect to the same page (and query) at the current one, so old links and bookmarks keep
 * working.
 */
export async function loadHostCatalog(api: Api, slug: string, request: Request) {
  const catalog = await loadOr404(() => api.catalog.host({ slug }));
  if (catalog.host.slug !== slug) {
    const url = new URL(request.url);
    const rest = url.pathname.slice(`/${slug}`.length);
    throw redirect(`/${catalog.host.slug}${rest}${url.search}`, 301);
  }
  return catalog;
}
