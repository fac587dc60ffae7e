import { Form } from "@remix-run/react";
import type { CalendarStatus } from "./calendar-status-card";

const connectLabels: Record<Exclude<CalendarStatus, "connected">, string> = {
  disconnected: "Connect Google Calendar",
  needs_reauth: "Reconnect Google Calendar",
  not_granted: "Grant calendar access",
};

/**
 * Disconnect a connected calendar; otherwise (re)connect it through Google's consent, which always
 * asks again (prompt=consent), so a permission left unticked can be granted.
 */
export function CalendarConnectionButton({ status }: { status: CalendarStatus }) {
  if (status === "connected") {
    return (
      <Form method="post">
        <button
          type="submit"
          name="intent"
          value="disconnect"
          className="rounded-md border border-tt-border px-4 py-2 text-sm font-medium hover:bg-tt-background"
        >
          Disconnect
        </button>
      </Form>
    );
  }
  return (
    <Form method="post" action="/auth/google">
      <button
        type="submit"
        className="rounded-md bg-tt-primary px-4 py-2 text-sm font-medium text-white hover:bg-tt-primary-hover"
      >
        {connectLabels[status]}
      </button>
    </Form>
  );
}
