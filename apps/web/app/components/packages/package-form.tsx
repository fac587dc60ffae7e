import { Form } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import type { HostDefaults } from "~/booking-limits-form";
import type { PackageFormValues } from "~/package-form";
import type { CurrencyOption } from "~/packages.server";
import { PackageLimitsFields } from "./package-limits-fields";

const inputClass =
  "w-full rounded-md border border-tt-border px-3 py-2 text-sm aria-[invalid=true]:border-tt-danger";

/**
 * A package's fields and its own booking rules, to create one (no `packageId`) or change one;
 * errors sit by their field.
 */
export function PackageForm({
  formId,
  packageId,
  values,
  errors,
  currencies,
  defaults,
  pending,
  submitLabel,
}: {
  formId: string;
  packageId?: string;
  values: PackageFormValues;
  errors: { fields: Record<string, string>; form?: string } | undefined;
  currencies: CurrencyOption[];
  defaults: HostDefaults;
  pending: boolean;
  submitLabel: string;
}) {
  const id = (field: string) => `${formId}-${field}`;
  /** The props every control shares: its id and name, and its error when it has one. */
  const control = (field: keyof PackageFormValues) => ({
    id: id(field),
    name: field,
    className: inputClass,
    "aria-invalid": Boolean(errors?.fields[field]),
    "aria-describedby": errors?.fields[field] ? `${id(field)}-error` : undefined,
  });
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name="intent" value="save" />
      {packageId ? <input type="hidden" name="packageId" value={packageId} /> : null}
      <Field id={id("name")} label="Name" hint="Up to 80 characters" error={errors?.fields.name}>
        <input {...control("name")} defaultValue={values.name} maxLength={80} required />
      </Field>
      <Field
        id={id("description")}
        label="Description"
        hint="Plain text, up to 1,000 characters"
        error={errors?.fields.description}
      >
        <textarea {...control("description")} defaultValue={values.description} rows={3} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id={id("durationMinutes")}
          label="Length in minutes"
          hint="5 to 480, in steps of 5"
          error={errors?.fields.durationMinutes}
        >
          <input
            {...control("durationMinutes")}
            type="number"
            min={5}
            max={480}
            step={5}
            defaultValue={values.durationMinutes}
          />
        </Field>
        <Field
          id={id("price")}
          label="Price"
          hint="Empty for free"
          error={errors?.fields.price ?? errors?.fields.priceCents}
        >
          <input {...control("price")} inputMode="decimal" defaultValue={values.price} />
        </Field>
        <Field id={id("currency")} label="Currency" error={errors?.fields.currency}>
          <select {...control("currency")} defaultValue={values.currency}>
            {currencies.map(({ code, name }) => (
              <option key={code} value={code}>
                {code} — {name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex items-center gap-2">
        <input id={id("active")} name="active" type="checkbox" defaultChecked={values.active} />
        <label htmlFor={id("active")} className="text-sm">
          Offer it for booking (unchecked, it stays here but leaves your page)
        </label>
      </div>
      <PackageLimitsFields
        formId={formId}
        values={values}
        errors={errors?.fields}
        defaults={defaults}
      />
      <FormError message={errors?.form} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
