import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { loadHostCatalog } from "~/host-address.server";
import { apiFor } from "~/trpc.server";
import { PackageDetails } from "~/components/package-details";

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const api = await apiFor(context, request);
  return loadHostCatalog(api, params.slug ?? "", request);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Book a session with ${data.host.name} — TimeTap` : "TimeTap" },
];

export default function HostPage() {
  const { host, packages } = useLoaderData<typeof loader>();
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">{host.name}</h1>
        <p className="mt-1 text-tt-text-muted">Pick a session to book.</p>
      </div>
      {packages.length === 0 ? (
        <p className="text-tt-text-muted">
          There is nothing to book with {host.name} right now. Please check back later.
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Sessions">
          {packages.map((pkg) => (
            <li
              key={pkg.id}
              className="flex flex-col rounded-lg border border-tt-border bg-tt-surface p-6"
            >
              <h2 className="text-lg font-semibold">{pkg.name}</h2>
              <PackageDetails pkg={pkg} />
              <Link
                to={`/${host.slug}/book?${new URLSearchParams({ package: pkg.id })}`}
                aria-label={`Book ${pkg.name}`}
                className="mt-5 self-start rounded-md bg-tt-primary px-4 py-2 text-sm font-medium text-white hover:bg-tt-primary-hover"
              >
                Book
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
