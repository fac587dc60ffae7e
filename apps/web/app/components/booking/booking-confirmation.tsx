import type { BookingConfirmation as Confirmation } from "@timetap/api";
import { formatLongDate, formatTimeRange, localDateOf } from "./time";

/** The parts of `booking.get`'s confirmation this page shows. */
export type ConfirmationView = Pick<
  Confirmation,
  "startTime" | "endTime" | "customerEmail" | "host" | "package" | "meetLink" | "calendarSync"
>;

/**
 * `cancelledAt` comes from `booking.status`: a cancelled booking keeps its details but loses its
 * Meet link, since the calendar event behind it is gone.
 */
export function BookingConfirmation({
  booking,
  visitorTimeZone,
  cancelledAt = null,
}: {
  booking: ConfirmationView;
  visitorTimeZone: string;
  cancelledAt?: Date | null;
}) {
  const { startTime, endTime, host } = booking;
  const hostTime = formatTimeRange(startTime, endTime, host.timeZone);
  // The host's day is only worth repeating when it is not the visitor's.
  const hostDay =
    localDateOf(startTime, host.timeZone) === localDateOf(startTime, visitorTimeZone)
      ? ""
      : `${formatLongDate(startTime, host.timeZone)}, `;

  return (
    <section className="mx-auto max-w-xl rounded-lg border border-tt-border bg-tt-surface p-8">
      <div className="flex items-center gap-3">
        {cancelledAt ? (
          <span
            aria-hidden="true"
            className="flex h-10 w-10 items-center justify-center rounded-full bg-tt-danger-soft text-xl text-tt-danger"
          >
            ✕
          </span>
        ) : (
          <span
            aria-hidden="true"
            className="flex h-10 w-10 items-center justify-center rounded-full bg-tt-success-soft text-xl text-tt-success"
          >
            ✓
          </span>
        )}
        <h1 className="text-2xl font-semibold">
          {cancelledAt ? "Booking cancelled" : "You're booked"}
        </h1>
      </div>
      <p className="mt-3 text-tt-text-muted">
        {booking.package.name} with {host.name} · {booking.package.durationMinutes} minutes
      </p>

      <dl className="mt-6 space-y-4 border-t border-tt-border pt-6 text-sm">
        <div>
          <dt className="font-medium text-tt-text-muted">When</dt>
          <dd className="mt-1">
            <p className="font-medium">
              {formatLongDate(startTime, visitorTimeZone)},{" "}
              {formatTimeRange(startTime, endTime, visitorTimeZone)} ({visitorTimeZone})
            </p>
            {visitorTimeZone === host.timeZone ? null : (
              <p className="mt-1 text-tt-text-muted">
                {hostDay}
                {hostTime} in {host.name}&apos;s time zone ({host.timeZone})
              </p>
            )}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-tt-text-muted">Your email</dt>
          <dd className="mt-1">{booking.customerEmail}</dd>
        </div>
      </dl>

      <div className="mt-6 border-t border-tt-border pt-6">
        {cancelledAt ? (
          <p>
            Cancelled on {formatLongDate(cancelledAt, visitorTimeZone)}. The time is free for others
            to book again.
          </p>
        ) : booking.meetLink ? (
          <>
            <a
              href={booking.meetLink}
              target="_blank"
              rel="noreferrer"
              className="inline-block rounded-md bg-tt-primary px-5 py-2.5 font-medium text-white hover:bg-tt-primary-hover"
            >
              Join with Google Meet
            </a>
            <p className="mt-2 break-all text-sm text-tt-text-muted">{booking.meetLink}</p>
          </>
        ) : (
          <>
            <p>Your Meet link will be sent to {booking.customerEmail} by email.</p>
            {booking.calendarSync === "pending" ? (
              <p role="status" className="mt-3 flex items-center gap-2 text-sm text-tt-text-muted">
                <span
                  aria-hidden="true"
                  className="h-4 w-4 animate-spin rounded-full border-2 border-tt-border border-t-tt-primary"
                />
                Adding to the host&apos;s calendar…
              </p>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
