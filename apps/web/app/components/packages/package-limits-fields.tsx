import { Field } from "~/components/field";
import { NoticeOptions } from "~/components/notice-options";
import { LimitAbout } from "~/components/booking-limits/limit-about";
import { limitControl } from "~/components/booking-limits/limit-control";
import {
  limitWords,
  START_INTERVALS,
  type HostDefaults,
  type PackageLimitsFormValues,
} from "~/booking-limits-form";

/**
 * A package's own booking rules inside its form: each empty field, or "Use my default", keeps the
 * host's default, which its hint names.
 */
export function PackageLimitsFields({
  formId,
  values,
  errors,
  defaults,
}: {
  formId: string;
  values: PackageLimitsFormValues;
  errors: Record<string, string> | undefined;
  defaults: HostDefaults;
}) {
  const control = (field: keyof PackageLimitsFormValues) => limitControl(formId, field, errors);
  const field = (name: keyof PackageLimitsFormValues) => ({
    id: `${formId}-${name}`,
    error: errors?.[name],
  });
  const number = (name: keyof PackageLimitsFormValues) => (
    <input {...control(name)} type="number" defaultValue={values[name]} />
  );
  // A notice set another way than this form is offered too, so the form shows it as it is.
  const ownNotice = Number.parseInt(values.minimumNoticeMinutes, 10);
  return (
    <fieldset className="space-y-4 rounded-md border border-tt-border p-4">
      <legend className="px-1 text-sm font-medium">Booking rules for this package</legend>
      <p className="text-xs text-tt-text-muted">
        Leave a field empty to use your default from the booking rules page.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          {...field("horizonDays")}
          label="Bookable up to (days ahead)"
          hint={`Empty: use my default (${limitWords.horizonDays(defaults.horizonDays)})`}
        >
          {number("horizonDays")}
          <LimitAbout id={`${formId}-horizonDays`}>
            How far ahead customers may book this package.
          </LimitAbout>
        </Field>
        <Field {...field("startIntervalMinutes")} label="Start times every">
          <select {...control("startIntervalMinutes")} defaultValue={values.startIntervalMinutes}>
            <option value="">
              Use my default ({limitWords.startInterval(defaults.startIntervalMinutes)})
            </option>
            {START_INTERVALS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes} minutes
              </option>
            ))}
          </select>
          <LimitAbout id={`${formId}-startIntervalMinutes`}>
            How often a session of this package may start within your hours.
          </LimitAbout>
        </Field>
        <Field
          {...field("bufferBeforeMinutes")}
          label="Buffer before (minutes)"
          hint={`Empty: use my default (${limitWords.bufferMinutes(defaults.bufferBeforeMinutes)})`}
        >
          {number("bufferBeforeMinutes")}
          <LimitAbout id={`${formId}-bufferBeforeMinutes`}>
            Free time kept before each session of this package.
          </LimitAbout>
        </Field>
        <Field
          {...field("bufferAfterMinutes")}
          label="Buffer after (minutes)"
          hint={`Empty: use my default (${limitWords.bufferMinutes(defaults.bufferAfterMinutes)})`}
        >
          {number("bufferAfterMinutes")}
          <LimitAbout id={`${formId}-bufferAfterMinutes`}>
            Free time kept after each session of this package.
          </LimitAbout>
        </Field>
        <Field {...field("minimumNoticeMinutes")} label="Minimum notice">
          <select {...control("minimumNoticeMinutes")} defaultValue={values.minimumNoticeMinutes}>
            <option value="">
              Use my default ({limitWords.notice(defaults.minimumNoticeMinutes)})
            </option>
            <NoticeOptions own={ownNotice} />
          </select>
          <LimitAbout id={`${formId}-minimumNoticeMinutes`}>
            How long before a session of this package customers must book it at the latest.
          </LimitAbout>
        </Field>
      </div>
    </fieldset>
  );
}
