import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { IntervalRows } from "~/components/interval-rows";

type Errors = { fields: Record<string, string>; form?: string } | undefined;

/** Other hours on one date, replacing that date's weekly hours. */
export function DateHoursForm({ errors }: { errors: Errors }) {
  return (
    <Form method="post" className="space-y-4" aria-labelledby="date-hours-heading">
      <h3 id="date-hours-heading" className="font-semibold">
        Special hours on one date
      </h3>
      <input type="hidden" name="intent" value="date-hours" />
      <Field id="special-date" label="Date" error={errors?.fields.date}>
        <input
          id="special-date"
          name="date"
          type="date"
          aria-invalid={Boolean(errors?.fields.date)}
          aria-describedby={errors?.fields.date ? "special-date-error" : undefined}
          className="w-full rounded-md border border-tt-border px-3 py-2"
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Hours that day</legend>
        <IntervalRows
          startName="start"
          endName="end"
          label="Special hours"
          intervals={[{ startMinute: 540, endMinute: 1020 }]}
          invalid={Boolean(errors?.fields.intervals)}
        />
        {errors?.fields.intervals ? (
          <p className="text-sm text-tt-danger">{errors.fields.intervals}</p>
        ) : null}
      </fieldset>
      <FormError message={errors?.form} />
      <SubmitButton
        pending={useNavigation().formData?.get("intent") === "date-hours"}
        pendingLabel="Saving…"
      >
        Set special hours
      </SubmitButton>
    </Form>
  );
}
