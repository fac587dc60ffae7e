import type { CalendarChoices } from "./calendar-choices-form";

/** Chosen calendars Google no longer lists: deleted, or no longer shared with the host. */
export function MissingCalendars({ missing }: { missing: CalendarChoices["missing"] }) {
  if (missing.length === 0) return null;
  return (
    <div role="alert" className="rounded-md bg-tt-warning-soft p-3 text-sm text-tt-warning">
      <p className="font-medium">
        {missing.length === 1
          ? "A calendar you chose is no longer in your Google account"
          : `${missing.length} calendars you chose are no longer in your Google account`}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {missing.map((calendar) => (
          <li key={calendar.id}>
            {calendar.id}:{" "}
            {calendar.receivesSessions
              ? "new sessions cannot be added to it."
              : "its events no longer count as busy."}
          </li>
        ))}
      </ul>
    </div>
  );
}
