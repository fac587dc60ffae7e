import { Link } from "@remix-run/react";

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
        <Link to="/dashboard/hours" className="text-tt-primary underline">
          Weekly hours
        </Link>{" "}
        ·{" "}
        <Link to="/dashboard/packages" className="text-tt-primary underline">
          Packages
        </Link>{" "}
        ·{" "}
        <Link to="/dashboard/limits" className="text-tt-primary underline">
          Booking rules
        </Link>{" "}
        ·{" "}
        <Link to="/dashboard/profile" className="text-tt-primary underline">
          Profile
        </Link>
      </p>
      {savedHours ? (
        <p role="status" className="mt-3 text-sm text-tt-success">
          Your weekly hours are saved. Your booking page uses them now.
        </p>
      ) : null}
    </section>
  );
}
