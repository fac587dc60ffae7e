import { Link } from "@remix-run/react";
import { formatWeekRange, type LocalDate } from "./time";

/** The displayed week between links to the previous and next ones, where visitors may go. */
export function WeekNav({
  week,
  weekHref,
}: {
  week: { start: LocalDate; previous: LocalDate | null; next: LocalDate | null };
  weekHref: (start: LocalDate) => string;
}) {
  return (
    <nav aria-label="Weeks" className="flex w-full items-center gap-3 sm:w-auto">
      <WeekLink to={week.previous ? weekHref(week.previous) : null} rel="prev">
        Previous week
      </WeekLink>
      <h2 className="flex-1 text-center font-semibold sm:min-w-48">
        {formatWeekRange(week.start)}
      </h2>
      <WeekLink to={week.next ? weekHref(week.next) : null} rel="next">
        Next week
      </WeekLink>
    </nav>
  );
}

function WeekLink({
  to,
  rel,
  children,
}: {
  to: string | null;
  rel: "prev" | "next";
  children: string;
}) {
  const className =
    "flex shrink-0 items-center gap-1 rounded-md border border-tt-border px-3 py-1.5 text-sm font-medium";
  const label = (
    <>
      {rel === "prev" ? <span aria-hidden="true">←</span> : null}
      {/* Narrow screens show the arrow alone; the name stays for assistive technology. */}
      <span className="sr-only sm:not-sr-only">{children}</span>
      {rel === "next" ? <span aria-hidden="true">→</span> : null}
    </>
  );
  if (!to) {
    return (
      <span
        aria-disabled="true"
        className={`${className} cursor-not-allowed border-dashed text-tt-text-muted`}
      >
        {label}
      </span>
    );
  }
  return (
    <Link to={to} rel={rel} preventScrollReset className={`${className} hover:bg-tt-background`}>
      {label}
    </Link>
  );
}
