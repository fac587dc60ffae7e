import { Link } from "@remix-run/react";
import { Fragment } from "react";

/** The pages where a host shapes their practice, in the order they set it up. */
const SETTINGS = [
  { to: "/dashboard/hours", label: "Weekly hours" },
  { to: "/dashboard/packages", label: "Packages" },
  { to: "/dashboard/limits", label: "Booking rules" },
  { to: "/dashboard/emails", label: "Emails" },
  { to: "/dashboard/profile", label: "Profile" },
];

/** The dashboard's opening: the host's booking page, zone and hours, and news of a save. */
export function HostGreeting({
  host,
  savedHours,
}: {
  host: { name: string; slug: string; timeZone: string };
  savedHours: boolean;
}) {
  return (
    <section className="rounded-lg border border-tt-border bg-tt-surface p-6">
      <h1 className="text-2xl font-semibold">Hello, {host.name}</h1>
      <p className="mt-1 text-tt-text-muted">
        Your booking page:{" "}
        <Link to={`/${host.slug}`} className="text-tt-primary underline">
          /{host.slug}
        </Link>{" "}
        · times in {host.timeZone} ·{" "}
        {SETTINGS.map(({ to, label }, index) => (
          <Fragment key={to}>
            {index > 0 ? " · " : null}
            <Link to={to} className="text-tt-primary underline">
              {label}
            </Link>
          </Fragment>
        ))}
      </p>
      {savedHours ? (
        <p role="status" className="mt-3 text-sm text-tt-success">
          Your weekly hours are saved. Your booking page uses them now.
        </p>
      ) : null}
    </section>
  );
}
