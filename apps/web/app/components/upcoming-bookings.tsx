import { Form } from "@remix-run/react";
import type { AppRouter, inferRouterOutputs } from "@timetap/api";
import { FormError } from "./field";
import { formatLongDate, formatTimeRange } from "./booking/time";

type UpcomingBooking = inferRouterOutputs<AppRouter>["host"]["upcomingBookings"][number];

const syncLabel: Record<UpcomingBooking["calendarSync"], string> = {
  done: "On your calendar",
  pending: "Adding to calendar…",
  parked: "Waiting for you to reconnect",
  skipped: "Not on a calendar",
  failed: "Google refused the event",
};

/** After a reschedule the latest calendar work is the move, which reads differently. */
const moveLabel: Partial<Record<UpcomingBooking["calendarSync"], string>> = {
  pending: "Moving on your calendar…",
  failed: "Google refused the move",
};

const calendarLabel = (booking: UpcomingBooking) =>
  (booking.calendarAction === "update" ? moveLabel[booking.calendarSync] : undefined) ??
  syncLabel[booking.calendarSync];

/**
 * The host's next bookings, in the host's time zone, with where each calendar event stands. Each
 * can be cancelled after a second click; `error` is what the last cancellation met.
 */
export function UpcomingBookings({
  bookings,
  timeZone,
  error,
}: {
  bookings: UpcomingBooking[];
  timeZone: string;
  error?: string | undefined;
}) {
  return (
    <section
      className="rounded-lg border border-tt-border bg-tt-surface p-6"
      aria-labelledby="upcoming-heading"
    >
      <h2 id="upcoming-heading" className="text-lg font-semibold">
        Upcoming bookings
      </h2>
      <FormError message={error} />
      {bookings.length === 0 ? (
        <p className="mt-2 text-sm text-tt-text-muted">
          No bookings yet. Share your page to get your first.
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-tt-border">
          {bookings.map((booking) => (
            <li
              key={booking.id}
              className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm"
            >
              <div>
                <p className="font-medium">
                  {formatLongDate(booking.startTime, timeZone)},{" "}
                  {formatTimeRange(booking.startTime, booking.endTime, timeZone)}
                </p>
                <p className="text-tt-text-muted">
                  {booking.package.name} with {booking.customerName ?? booking.customerEmail}
                </p>
              </div>
              <div className="flex items-center gap-3">
                <span className="text-xs text-tt-text-muted">{calendarLabel(booking)}</span>
                {booking.meetLink ? (
                  <a
                    href={booking.meetLink}
                    className="text-tt-primary hover:underline"
                    target="_blank"
                    rel="noreferrer"
                  >
                    Meet link
                  </a>
                ) : null}
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
                      Cancel this session? Google emails {booking.customerEmail} the cancellation
                      when the session is on your calendar.
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
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
