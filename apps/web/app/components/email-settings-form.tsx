import { Form } from "@remix-run/react";
import type { AppRouter, inferRouterOutputs } from "@timetap/api";
import type { ReactNode } from "react";
import { FormError } from "./field";
import { SubmitButton } from "./submit-button";

type EmailSettings = inferRouterOutputs<AppRouter>["host"]["emailSettings"];

/** A box that is on or off, its label beside it and its explanation under it. */
function Toggle({
  name,
  checked,
  label,
  children,
}: {
  name: keyof EmailSettings;
  checked: boolean;
  label: string;
  children?: ReactNode;
}) {
  return (
    <div>
      <label className="flex items-center gap-2 font-medium">
        <input
          type="checkbox"
          name={name}
          defaultChecked={checked}
          aria-describedby={children ? `${name}-about` : undefined}
        />
        {label}
      </label>
      {children ? (
        <p id={`${name}-about`} className="ml-6 text-sm text-tt-text-muted">
          {children}
        </p>
      ) : null}
    </div>
  );
}

/** Which emails TimeTap sends about the host's bookings: the host's notices, customer reminders. */
export function EmailSettingsForm({
  settings,
  hostEmail,
  error,
  pending,
}: {
  settings: EmailSettings;
  hostEmail: string;
  error: string | undefined;
  pending: boolean;
}) {
  return (
    <Form method="post" className="space-y-6">
      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold">Your notices</legend>
        <Toggle
          name="hostNotices"
          checked={settings.hostNotices}
          label="Email me when a customer books, moves or cancels a session"
        >
          Sent to {hostEmail}. Changes you make yourself are not emailed.
        </Toggle>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold">Reminders to your customers</legend>
        <p className="text-sm text-tt-text-muted">
          Each reminder has the session&apos;s time, its Meet link and the customer&apos;s link to
          move or cancel. Tick both, one or none; a session booked too late for a reminder skips it.
        </p>
        <Toggle
          name="reminder24h"
          checked={settings.reminder24h}
          label="24 hours before the session"
        />
        <Toggle name="reminder1h" checked={settings.reminder1h} label="1 hour before the session" />
      </fieldset>
      <FormError message={error} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save email settings
      </SubmitButton>
    </Form>
  );
}
