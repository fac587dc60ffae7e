import type { AppRouter, inferRouterOutputs } from "@timetap/api";
import type { ReactNode } from "react";
import { Card } from "./card";

export type CalendarStatus = inferRouterOutputs<AppRouter>["host"]["me"]["calendarStatus"];

const copy: Record<CalendarStatus, { label: string; detail: string; tone: string }> = {
  connected: {
    label: "Connected",
    detail:
      "New bookings go on your Google Calendar with a Meet link, and your busy times are respected.",
    tone: "bg-tt-success-soft text-tt-success",
  },
  disconnected: {
    label: "Not connected",
    detail:
      "Bookings are still taken, but they will not appear on your calendar until you connect it.",
    tone: "bg-tt-background text-tt-text-muted",
  },
  not_granted: {
    label: "Not connected",
    detail:
      "Google's calendar permission was not granted when you signed in, so bookings will not appear on your calendar. Grant it to connect your calendar.",
    tone: "bg-tt-background text-tt-text-muted",
  },
  needs_reauth: {
    label: "Needs reconnect",
    detail:
      "Google no longer accepts TimeTap's access. Reconnect, and waiting bookings will be added to your calendar.",
    tone: "bg-tt-warning-soft text-tt-warning",
  },
};

export function CalendarStatusCard({
  status,
  children,
}: {
  status: CalendarStatus;
  children: ReactNode;
}) {
  const { label, detail, tone } = copy[status];
  return (
    <Card
      title="Google Calendar"
      aside={
        <span
          className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${tone}`}
          data-testid="calendar-status"
        >
          {label}
        </span>
      }
    >
      <p className="mt-2 text-sm text-tt-text-muted">{detail}</p>
      <div className="mt-4">{children}</div>
    </Card>
  );
}
