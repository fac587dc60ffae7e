import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { limitsSummary } from "~/booking-limits-form";
import { PackageDetails } from "~/components/package-details";
import type { HostPackage } from "~/package-form";

/**
 * One of the host's packages: what customers see of it, its own booking rules, its place in the
 * order, and archiving.
 */
export function PackageListItem({
  pkg,
  first,
  last,
  children,
}: {
  pkg: HostPackage;
  first: boolean;
  last: boolean;
  /** The package's edit form. */
  children: ReactNode;
}) {
  const ownRules = limitsSummary(pkg);
  const button = "rounded-md border border-tt-border px-3 py-1.5 text-sm hover:bg-tt-background";
  return (
    <li className="space-y-3 py-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="font-semibold">
            {pkg.name}
            {pkg.active ? null : (
              <span className="ml-2 rounded bg-tt-background px-2 py-0.5 text-xs font-normal">
                Hidden from your page
              </span>
            )}
          </h3>
          <PackageDetails pkg={pkg} />
          {ownRules ? (
            <p className="mt-1 text-sm">
              <span className="font-medium">Own rules:</span> {ownRules}
            </p>
          ) : null}
        </div>
        <Form method="post" className="flex flex-wrap gap-2">
          <input type="hidden" name="packageId" value={pkg.id} />
          {first ? null : (
            <button type="submit" name="intent" value="move-up" className={button}>
              Move up<span className="sr-only"> {pkg.name}</span>
            </button>
          )}
          {last ? null : (
            <button type="submit" name="intent" value="move-down" className={button}>
              Move down<span className="sr-only"> {pkg.name}</span>
            </button>
          )}
          <button type="submit" name="intent" value="archive" className={button}>
            Archive<span className="sr-only"> {pkg.name}</span>
          </button>
        </Form>
      </div>
      {children}
    </li>
  );
}
