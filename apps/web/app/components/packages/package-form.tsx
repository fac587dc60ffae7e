import { Form } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import type { PackageFormValues } from "~/package-form";

const inputClass =
  "w-full rounded-md border border-tt-border px-3 py-2 text-sm aria-[invalid=true]:border-tt-danger";

/** A package's fields, to create one (no `packageId`) or change one; errors sit by their field. */
export function PackageForm({
  formId,
  packageId,
  values,
  errors,
  currencies,
  pending,
  submitLabel,
}: {
  formId: string;
  packageId?: string;
  values: PackageFormValues;
  errors: { fields: Record<string, string>; form?: string } | undefined;
  currencies: string[];
  pending: boolean;
  submitLabel: string;
}) {
  const id = (field: string) => `${formId}-${field}`;
  const invalid = (field: string) => ({
    "aria-invalid": Boolean(errors?.fields[field]),
    "aria-describedby": errors?.fields[field] ? `${id(field)}-error` : undefined,
  });
  const currencyNames = new Intl.DisplayNames("en", { type: "currency" });
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name="intent" value="save" />
      {packageId ? <input type="hidden" name="packageId" value={packageId} /> : null}
      <Field id={id("name")} label="Name" hint="Up to 80 characters" error={errors?.fields.name}>
        <input
          id={id("name")}
          name="name"
          defaultValue={values.name}
          maxLength={80}
          required
          className={inputClass}
          {...invalid("name")}
        />
      </Field>
      <Field
        id={id("description")}
        label="Description"
        hint="Plain text, up to 1,000 characters"
        error={errors?.fields.description}
      >
        <textarea
          id={id("description")}
          name="description"
          defaultValue={values.description}
          rows={3}
          className={inputClass}
          {...invalid("description")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id={id("durationMinutes")}
          label="Length in minutes"
          hint="5 to 480, in steps of 5"
          error={errors?.fields.durationMinutes}
        >
          <input
            id={id("durationMinutes")}
            name="durationMinutes"
            type="number"
            min={5}
            max={480}
            step={5}
            defaultValue={values.durationMinutes}
            className={inputClass}
            {...invalid("durationMinutes")}
          />
        </Field>
        <Field
          id={id("price")}
          label="Price"
          hint="Empty for free"
          error={errors?.fields.price ?? errors?.fields.priceCents}
        >
          <input
            id={id("price")}
            name="price"
            inputMode="decimal"
            defaultValue={values.price}
            className={inputClass}
            {...invalid("price")}
          />
        </Field>
        <Field id={id("currency")} label="Currency" error={errors?.fields.currency}>
          <select
            id={id("currency")}
            name="currency"
            defaultValue={values.currency}
            className={inputClass}
            {...invalid("currency")}
          >
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code} — {currencyNames.of(code)}
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
      <FormError message={errors?.form} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
    </Form>
  );
}
