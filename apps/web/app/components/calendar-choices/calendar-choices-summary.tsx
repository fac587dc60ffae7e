import { Link } from "@remix-run/react";
import type { CalendarChoices } from "./calendar-choices-form";
import { MissingCalendars } from "./missing-calendars";

/** On the dashboard: which calendars TimeTap reads and writes, and any it lost. */
export function CalendarChoicesSummary({ choices }: { choices: CalendarChoices }) {
  const busy = choices.calendars.filter((c) => c.countsAsBusy).map((c) => c.summary);
  const sessions = choices.calendars.find((c) => c.receivesSessions)?.summary;
  return (
    <div className="mt-4 space-y-2 text-sm">
      <MissingCalendars missing={choices.missing} />
      {choices.message ? <p className="text-tt-text-muted">{choices.message}</p> : null}
      {busy.length > 0 ? <p>Busy times from: {busy.join(", ")}</p> : null}
      {sessions ? <p>New sessions go to: {sessions}</p> : null}
      <Link to="/dashboard/calendars" className="text-tt-primary underline">
        Choose your calendars
      </Link>
    </div>
  );
}
