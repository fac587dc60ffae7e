import type { AppRouter, inferRouterOutputs } from "@timetap/api";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
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
      <ChoiceFieldset
        legend="Calendars that make you busy"
        name="busyCalendarIds"
        error={busyError}
      >
        {choices.calendars.map((calendar) => (
          <CalendarOption
            key={calendar.id}
            type="checkbox"
            name="busyCalendarIds"
            value={calendar.id}
            checked={current.busyCalendarIds.includes(calendar.id)}
            label={`${calendar.summary}${calendar.primary ? " (your main calendar)" : ""}`}
          />
        ))}
      </ChoiceFieldset>
      <ChoiceFieldset
        legend="Calendar for new sessions"
        name="sessionCalendarId"
        error={sessionError}
      >
        {choices.calendars.map((calendar) => (
          <CalendarOption
            key={calendar.id}
            type="radio"
            name="sessionCalendarId"
            value={calendar.id}
            checked={current.sessionCalendarId === calendar.id}
            disabled={!calendar.writable}
            label={`${calendar.summary}${calendar.writable ? "" : " (read-only for you)"}`}
          />
        ))}
      </ChoiceFieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save calendars
      </SubmitButton>
    </Form>
  );
}

/** One question of the form: its options under a legend, and its error linked to the group. */
function ChoiceFieldset({
  legend,
  name,
  error,
  children,
}: {
  legend: string;
  name: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {children}
      {error ? (
        <p id={`${name}-error`} className="text-sm text-tt-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function CalendarOption({
  label,
  checked,
  ...input
}: {
  type: "checkbox" | "radio";
  name: string;
  value: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input {...input} defaultChecked={checked} />
      {label}
    </label>
  );
}
