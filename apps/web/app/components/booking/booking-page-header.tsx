import { Link } from "@remix-run/react";
import { formatPrice } from "~/format";

/**
 * What is being booked, with the way back: to the host's page, or, when moving a booking, to that
 * booking unchanged (the customer's page, or the host's dashboard).
 */
export function BookingPageHeader({
  host,
  pkg,
  moving,
}: {
  host: { slug: string; name: string };
  pkg: { name: string; durationMinutes: number; priceCents: number; currency: string | null };
  moving: { backHref: string; token: string | null } | null;
}) {
  return (
    <div>
      {moving ? (
        <Link to={moving.backHref} className="text-sm text-tt-primary underline">
          ← Keep my current time
        </Link>
      ) : (
        <Link to={`/${host.slug}`} className="text-sm text-tt-primary underline">
          ← {host.name}
        </Link>
      )}
      <h1 className="mt-2 text-3xl font-bold">
        {moving ? `Move ${moving.token === null ? "this" : "your"} ${pkg.name}` : pkg.name}
      </h1>
      <p className="mt-1 text-tt-text-muted">
        {pkg.durationMinutes} minutes with {host.name} · {formatPrice(pkg.priceCents, pkg.currency)}
      </p>
      {pkg.priceCents > 0 ? (
        // TimeTap takes no payments: the customer should know before booking.
        <p className="mt-1 text-sm text-tt-text-muted">
          Payment is arranged with {host.name} directly.
        </p>
      ) : null}
    </div>
  );
}
