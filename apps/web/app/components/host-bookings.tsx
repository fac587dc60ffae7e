import { Form, Link } from "@remix-run/react";
import type { AppRouter, inferRouterOutputs } from "@timetap/api";
import type { ReactNode } from "react";
import { bookingsHref, type BookingsQuery } from "./bookings-query";
import { Card } from "./card";
import { CalendarIssueNotice } from "./calendar-issue-notice";
import { calendarStateSentence, canRetry } from "./calendar-state";
import { FormError } from "./field";
import { formatLongDate, formatTimeRange } from "./booking/time";
import { undeliveredSentence } from "./undelivered-email";

type BookingsPage = inferRouterOutputs<AppRouter>["host"]["bookings"];
type HostBooking = BookingsPage["bookings"][number];

/**
 * The host's bookings, upcoming or past, by status, 50 a page, in the host's time zone: each with
 * where its calendar event stands, the emails about it the mail server refused, a retry for failed calendar work, and, while it is ahead,
 * moving and cancelling (after a second click). `error` is what the last change met; `rowError`
 * what a change to one booking met, shown on its row.
 */
export function HostBookings({
  list,
  query,
  hostSlug,
  timeZone,
  error,
  rowError,
}: {
  list: BookingsPage;
  query: BookingsQuery;
  hostSlug: string;
  timeZone: string;
  error?: string | undefined;
  rowError?: { bookingId: string; message: string } | undefined;
}) {
  return (
    <Card title="Bookings" className="space-y-4">
      <nav aria-label="Which bookings" className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <FilterLinks>
          {(["upcoming", "past"] as const).map((when) => (
            <FilterLink key={when} to={{ ...query, when, page: 1 }} current={query.when === when}>
              {when === "upcoming" ? "Upcoming" : "Past"}
            </FilterLink>
          ))}
        </FilterLinks>
        <FilterLinks>
          {(["confirmed", "cancelled", "all"] as const).map((status) => (
            <FilterLink
              key={status}
              to={{ ...query, status, page: 1 }}
              current={query.status === status}
            >
              {status === "all" ? "All" : status === "confirmed" ? "Confirmed" : "Cancelled"}
            </FilterLink>
          ))}
        </FilterLinks>
      </nav>
      <FormError message={error} />
      {list.bookings.length === 0 ? (
        <p className="text-sm text-tt-text-muted">
          {query.when === "upcoming" && query.status !== "cancelled"
            ? "No bookings yet. Share your page to get your first."
            : "No bookings here."}
        </p>
      ) : (
        <ul className="divide-y divide-tt-border">
          {list.bookings.map((booking) => (
            <BookingRow
              key={booking.id}
              booking={booking}
              upcoming={query.when === "upcoming"}
              hostSlug={hostSlug}
              timeZone={timeZone}
              error={rowError?.bookingId === booking.id ? rowError.message : undefined}
            />
          ))}
        </ul>
      )}
      {list.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
          {list.page > 1 ? (
            <Link to={bookingsHref({ ...query, page: list.page - 1 })} className="underline">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {list.page} of {list.pageCount}
          </span>
          {list.page < list.pageCount ? (
            <Link to={bookingsHref({ ...query, page: list.page + 1 })} className="underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Card>
  );
}

function FilterLinks({ children }: { children: ReactNode }) {
  return <ul className="flex gap-3">{children}</ul>;
}

/** The list shown is marked by `aria-current` and bold text, not by colour alone. */
function FilterLink({
  to,
  current,
  children,
}: {
  to: BookingsQuery;
  current: boolean;
  children: string;
}) {
  return (
    <li>
      <Link
        to={bookingsHref(to)}
        aria-current={current ? "page" : undefined}
        className={current ? "font-bold text-tt-text" : "text-tt-primary underline"}
      >
        {children}
      </Link>
    </li>
  );
}

function BookingRow({
  booking,
  upcoming,
  hostSlug,
  timeZone,
  error,
}: {
  booking: HostBooking;
  upcoming: boolean;
  hostSlug: string;
  timeZone: string;
  error: string | undefined;
}) {
  const confirmed = booking.status === "CONFIRMED";
  const who = booking.customerName ?? booking.customerEmail;
  const moveHref = `/${hostSlug}/book?${new URLSearchParams({ package: booking.package.id, move: booking.id })}`;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
      <div>
        <p className="font-medium">
          {formatLongDate(booking.startTime, timeZone)},{" "}
          {formatTimeRange(booking.startTime, booking.endTime, timeZone)}
          {confirmed ? null : " · Cancelled"}
        </p>
        <p className="text-tt-text-muted">
          {booking.package.name} with {who}
        </p>
        <p className="text-xs text-tt-text-muted">{calendarStateSentence(booking)}</p>
        {confirmed ? (
          <CalendarIssueNotice booking={booking} who={who} timeZone={timeZone} error={error} />
        ) : null}
        {booking.undeliveredEmails.map((email, index) => (
          <p key={index} className="text-xs text-tt-danger">
            {undeliveredSentence(email)}
          </p>
        ))}
      </div>
      <div className="flex items-center gap-3">
        {canRetry(booking) ? (
          <Form method="post">
            <input type="hidden" name="bookingId" value={booking.id} />
            <button
              type="submit"
              name="intent"
              value="retry-sync"
              aria-label={`Retry now: ${who}`}
              className="rounded-md border border-tt-border px-3 py-1.5 font-medium hover:bg-tt-background"
            >
              Retry now
            </button>
          </Form>
        ) : null}
        {booking.meetLink && confirmed ? (
          <a
            href={booking.meetLink}
            className="text-tt-primary underline"
            target="_blank"
            rel="noreferrer"
          >
            Meet link
          </a>
        ) : null}
        {upcoming && confirmed ? (
          <>
            <Link to={moveHref} className="text-tt-primary underline" aria-label={`Move: ${who}`}>
              Move
            </Link>
            <details className="relative">
              <summary className="cursor-pointer text-tt-text-muted hover:text-tt-danger">
                Cancel
              </summary>
              <Form
                method="post"
                className="absolute right-0 z-10 mt-2 w-64 rounded-md border border-tt-border bg-tt-surface p-3 shadow"
              >
                <input type="hidden" name="bookingId" value={booking.id} />
                <p className="text-tt-text-muted">
                  Cancel this session? Google emails {booking.customerEmail} the cancellation when
                  the session is on your calendar.
                </p>
                <button
                  type="submit"
                  name="intent"
                  value="cancel"
                  className="mt-2 rounded-md border border-tt-danger px-3 py-1.5 font-medium text-tt-danger hover:bg-tt-danger-soft"
                >
                  Yes, cancel it
                </button>
              </Form>
            </details>
          </>
        ) : null}
      </div>
    </li>
  );
}
