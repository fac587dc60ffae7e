import type { AppRouter, inferRouterOutputs } from "@timetap/api";

export type CalendarWork = Pick<
  inferRouterOutputs<AppRouter>["host"]["bookings"]["bookings"][number],
  "calendarAction" | "calendarSync" | "calendarError"
>;

const doing = { create: "Adding to", update: "Moving on", delete: "Removing from" } as const;
const done = { create: "On", update: "Moved on", delete: "Removed from" } as const;

/** What Google's HTTP status in a stored error means to a host. */
const refusals: Record<string, string> = {
  "400": "it did not accept the event",
  "401": "TimeTap's access was not accepted",
  "403": "TimeTap may not change this calendar",
  "404": "the event is no longer on the calendar",
  "409": "an event with this id already exists",
  "410": "the event is no longer on the calendar",
};

/**
 * Where a booking's latest calendar work stands, as a sentence a host understands. The stored
 * error reads "{status} {reason} {message}"; its status says why Google refused.
 */
export function calendarStateSentence({
  calendarAction,
  calendarSync,
  calendarError,
}: CalendarWork): string {
  switch (calendarSync) {
    case "done":
      return `${done[calendarAction]} your calendar`;
    case "pending":
      return calendarError
        ? "Google did not answer; retrying"
        : `${doing[calendarAction]} your calendar…`;
    case "parked":
      return "Waiting for you to reconnect Google";
    case "skipped":
      return "Not on a calendar";
    case "failed": {
      const status = calendarError?.split(" ")[0] ?? "";
      // Without an HTTP status the error is TimeTap's own (its worker stopped during the attempts).
      if (calendarError && !/^\d+$/.test(status)) return `Not synced: ${calendarError}`;
      return `Google refused: ${refusals[status] ?? calendarError ?? "no reason given"}`;
    }
  }
}

/** Failed or parked work is what the host may retry now. */
export const canRetry = ({ calendarSync }: CalendarWork) =>
  calendarSync === "failed" || calendarSync === "parked";
