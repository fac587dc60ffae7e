import { Form } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { START_INTERVALS, type HostLimitsFormValues } from "~/booking-limits-form";
import { LimitAbout } from "./limit-about";
import { limitControl } from "./limit-control";

/** The host's default booking rules, each explained; errors sit by their field. */
export function HostLimitsForm({
  values,
  errors,
  pending,
}: {
  values: HostLimitsFormValues;
  errors: { fields: Record<string, string>; form?: string } | undefined;
  pending: boolean;
}) {
  const control = (field: keyof HostLimitsFormValues) =>
    limitControl("limits", field, errors?.fields);
  const field = (name: keyof HostLimitsFormValues) => ({
    id: `limits-${name}`,
    error: errors?.fields[name],
  });
  return (
    <Form method="post" className="space-y-6">
      <Field
        {...field("horizonDays")}
        label="How far ahead customers may book (days)"
        hint="1 to 365"
      >
        <input {...control("horizonDays")} type="number" defaultValue={values.horizonDays} />
        <LimitAbout id="limits-horizonDays">
          A session can start at most this many days from now; later days show no free times.
        </LimitAbout>
      </Field>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field {...field("bufferBeforeMinutes")} label="Buffer before (minutes)" hint="0 to 120">
          <input
            {...control("bufferBeforeMinutes")}
            type="number"
            defaultValue={values.bufferBeforeMinutes}
          />
          <LimitAbout id="limits-bufferBeforeMinutes">
            Time kept free before each session, clear of other sessions and of busy times in your
            calendar, to prepare.
          </LimitAbout>
        </Field>
        <Field {...field("bufferAfterMinutes")} label="Buffer after (minutes)" hint="0 to 120">
          <input
            {...control("bufferAfterMinutes")}
            type="number"
            defaultValue={values.bufferAfterMinutes}
          />
          <LimitAbout id="limits-bufferAfterMinutes">
            Time kept free after each session, to write notes or take a break before the next one.
          </LimitAbout>
        </Field>
      </div>
      <Field {...field("dailyMaximum")} label="Daily maximum (sessions)" hint="Empty: no limit">
        <input {...control("dailyMaximum")} type="number" defaultValue={values.dailyMaximum} />
        <LimitAbout id="limits-dailyMaximum">
          Once this many sessions are booked on a day, across all your packages, that day shows no
          more times.
        </LimitAbout>
      </Field>
      <Field {...field("startIntervalMinutes")} label="Start times every">
        <select {...control("startIntervalMinutes")} defaultValue={values.startIntervalMinutes}>
          <option value="">the session&apos;s length</option>
          {START_INTERVALS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes} minutes
            </option>
          ))}
        </select>
        <LimitAbout id="limits-startIntervalMinutes">
          How often a session may start within your hours. Every 15 minutes offers 9:00, 9:15,
          9:30…; the session&apos;s length offers 9:00, 9:45, 10:30… for a 45-minute session.
        </LimitAbout>
      </Field>
      <Field
        {...field("upcomingPerCustomer")}
        label="Upcoming sessions per customer"
        hint="1 to 50"
      >
        <input
          {...control("upcomingPerCustomer")}
          type="number"
          defaultValue={values.upcomingPerCustomer}
        />
        <LimitAbout id="limits-upcomingPerCustomer">
          How many sessions one customer (one email address) may have booked ahead with you at a
          time, so nobody can fill your calendar.
        </LimitAbout>
      </Field>
      <FormError message={errors?.form} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save rules
      </SubmitButton>
    </Form>
  );
}
