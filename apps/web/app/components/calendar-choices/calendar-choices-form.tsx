import type { AppRouter, inferRouterOutputs } from "@timetap/api";
import { Form } from "@remix-run/react";
import { FormError } from "../field";
import { SubmitButton } from "../submit-button";
import { MissingCalendars } from "./missing-calendars";

export type CalendarChoices = inferRouterOutputs<AppRouter>["host"]["calendars"];

interface Values {
  busyCalendarIds: string[];
  sessionCalendarId: string;
}

/** What the form shows ticked: what was just sent (after a refusal), or what is saved. */
function ticked(choices: CalendarChoices, values: Values | undefined): Values {
  if (values) return values;
  return {
    busyCalendarIds: choices.calendars.filter((c) => c.countsAsBusy).map((c) => c.id),
    sessionCalendarId: choices.calendars.find((c) => c.receivesSessions)?.id ?? "",
  };
}

/**
 * Two questions about the host's Google calendars: which make them busy (several), and which
 * receives new sessions (one, among those they can edit).
 */
export function CalendarChoicesForm({
  choices,
  values,
  errors,
  pending,
}: {
  choices: CalendarChoices;
  values?: Values;
  errors?: { fields: Record<string, string>; form?: string };
  pending: boolean;
}) {
  if (choices.message) return <p className="text-sm text-tt-text-muted">{choices.message}</p>;
  const current = ticked(choices, values);
  const busyError = errors?.fields["busyCalendarIds"];
  const sessionError = errors?.fields["sessionCalendarId"];
  return (
    <Form method="post" className="space-y-6">
      <MissingCalendars missing={choices.missing} />
      <FormError message={errors?.form} />
      <fieldset
        className="space-y-2"
        aria-describedby={busyError ? "busyCalendarIds-error" : undefined}
      >
        <legend className="text-sm font-medium">Calendars that make you busy</legend>
        {choices.calendars.map((calendar) => (
          <label key={calendar.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="busyCalendarIds"
              value={calendar.id}
              defaultChecked={current.busyCalendarIds.includes(calendar.id)}
            />
            {calendar.summary}
            {calendar.primary ? " (your main calendar)" : ""}
          </label>
        ))}
        {busyError ? (
          <p id="busyCalendarIds-error" className="text-sm text-tt-danger">
            {busyError}
          </p>
        ) : null}
      </fieldset>
      <fieldset
        className="space-y-2"
        aria-describedby={sessionError ? "sessionCalendarId-error" : undefined}
      >
        <legend className="text-sm font-medium">Calendar for new sessions</legend>
        {choices.calendars.map((calendar) => (
          <label key={calendar.id} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="sessionCalendarId"
              value={calendar.id}
              disabled={!calendar.writable}
              defaultChecked={current.sessionCalendarId === calendar.id}
            />
            {calendar.summary}
            {calendar.writable ? "" : " (read-only for you)"}
          </label>
        ))}
        {sessionError ? (
          <p id="sessionCalendarId-error" className="text-sm text-tt-danger">
            {sessionError}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save calendars
      </SubmitButton>
    </Form>
  );
}
