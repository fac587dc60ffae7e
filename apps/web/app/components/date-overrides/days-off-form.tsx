import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";

type Errors = { fields: Record<string, string>; form?: string } | undefined;

/** Takes a day (leave "Last day" empty) or a range of days off, with an optional note. */
export function DaysOffForm({ errors }: { errors: Errors }) {
  const input = (name: string, type: string) => (
    <input
      id={`off-${name}`}
      name={name}
      type={type}
      aria-invalid={Boolean(errors?.fields[name])}
      aria-describedby={errors?.fields[name] ? `off-${name}-error` : undefined}
      className="w-full rounded-md border border-tt-border px-3 py-2"
    />
  );
  return (
    <Form method="post" className="space-y-4" aria-labelledby="days-off-heading">
      <h3 id="days-off-heading" className="font-semibold">
        Take days off
      </h3>
      <input type="hidden" name="intent" value="days-off" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="off-from" label="First day off" error={errors?.fields.from}>
          {input("from", "date")}
        </Field>
        <Field id="off-to" label="Last day off" hint="Optional" error={errors?.fields.to}>
          {input("to", "date")}
        </Field>
      </div>
      <Field
        id="off-note"
        label="Note"
        hint="Optional, only you see it"
        error={errors?.fields.note}
      >
        {input("note", "text")}
      </Field>
      <FormError message={errors?.form} />
      <SubmitButton
        pending={useNavigation().formData?.get("intent") === "days-off"}
        pendingLabel="Adding…"
      >
        Add days off
      </SubmitButton>
    </Form>
  );
}
