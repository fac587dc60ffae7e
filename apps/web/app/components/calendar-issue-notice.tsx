import { Form } from "@remix-run/react";
import type { AppRouter, inferRouterOutputs } from "@timetap/api";
import { formatLongDate, formatTimeRange } from "./booking/time";
import { FormError } from "./field";

const buttonClass =
  "rounded-md border border-tt-border bg-tt-surface px-2 py-1 font-medium text-tt-text hover:bg-tt-background";

type HostBooking = inferRouterOutputs<AppRouter>["host"]["bookings"]["bookings"][number];

/**
 * A session whose event the host deleted or moved in Google: what happened, and the way to put
 * the event back as the booking says, or for a moved one to accept its new time (`error`: why the
 * last try could not). Cancelling (and telling the customer) is the row's Cancel.
 */
export function CalendarIssueNotice({
  booking,
  who,
  timeZone,
  error,
}: {
  booking: Pick<HostBooking, "id" | "calendarIssue" | "googleStartTime" | "googleEndTime">;
  who: string;
  timeZone: string;
  error?: string | undefined;
}) {
  const { calendarIssue, googleStartTime, googleEndTime } = booking;
  if (!calendarIssue) return null;
  const movedTo =
    googleStartTime && googleEndTime
      ? `${formatLongDate(googleStartTime, timeZone)}, ${formatTimeRange(googleStartTime, googleEndTime, timeZone)}`
      : "another time";
  return (
    <div className="mt-1 rounded-md bg-tt-warning-soft p-2 text-xs text-tt-warning">
      <p className="font-medium">
        {calendarIssue === "removed"
          ? "Removed from your calendar in Google. The booking still stands."
          : `Moved in your Google calendar to ${movedTo}. The booking is still at the time above.`}
      </p>
      <Form method="post" className="mt-1 flex flex-wrap gap-2">
        <input type="hidden" name="bookingId" value={booking.id} />
        {calendarIssue === "moved" ? (
          <button
            type="submit"
            name="intent"
            value="accept-google-time"
            aria-label={`Accept the new time: ${who}`}
            className={buttonClass}
          >
            Accept the new time
          </button>
        ) : null}
        <button
          type="submit"
          name="intent"
          value="put-event-back"
          aria-label={`${calendarIssue === "removed" ? "Restore the event" : "Put the event back"}: ${who}`}
          className={buttonClass}
        >
          {calendarIssue === "removed" ? "Restore the event" : "Put the event back"}
        </button>
      </Form>
      <FormError message={error} />
    </div>
  );
}
