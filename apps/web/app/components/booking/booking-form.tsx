import { useState, type ReactNode } from "react";
import { Field, FormError } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import type { FormErrors } from "~/form-errors.server";
import { SlotPicker } from "./slot-picker";
import { formatDayHeading, formatTimeRange, localDateOf, type Slot } from "./time";

export interface BookingFormValues {
  startTime?: string;
  customerEmail?: string;
  customerName?: string;
}

/**
 * The inside of the booking form: the week's slots, the customer's details and the submit
 * button. The route wraps it in its `<Form method="post">`, which keeps this component free of
 * the router. When `moving` an existing booking, its details are already known: only the new
 * time is asked for.
 */
export function BookingFormFields({
  slots,
  timeZone,
  errors,
  values,
  submitting,
  emptyHint,
  moving,
}: {
  slots: readonly Slot[];
  timeZone: string;
  errors: FormErrors | undefined;
  values: BookingFormValues | undefined;
  submitting: boolean;
  emptyHint?: ReactNode;
  moving?: Slot | undefined;
}) {
  const [selected, setSelected] = useState(values?.startTime);
  const chosen = slots.find((slot) => slot.start.toISOString() === selected);
  const describe = (slot: Slot) =>
    `${formatDayHeading(localDateOf(slot.start, timeZone))}, ${formatTimeRange(slot.start, slot.end, timeZone)}`;
  return (
    <div className="space-y-8">
      <SlotPicker
        slots={slots}
        timeZone={timeZone}
        defaultValue={values?.startTime}
        error={errors?.fields.startTime}
        emptyHint={emptyHint}
        onSelect={setSelected}
      />
      <div className="space-y-5 border-t border-tt-border pt-6">
        {moving ? (
          <p>
            <span className="font-medium">Now booked:</span> {describe(moving)}
          </p>
        ) : (
          <CustomerFields errors={errors} values={values} />
        )}
        <FormError message={errors?.form} />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={submitting} pendingLabel={moving ? "Moving…" : "Booking…"}>
            {moving ? "Move booking" : "Confirm booking"}
          </SubmitButton>
          <p className="text-sm text-tt-text-muted" aria-live="polite">
            {chosen ? describe(chosen) : null}
          </p>
        </div>
      </div>
    </div>
  );
}

function CustomerFields({
  errors,
  values,
}: {
  errors: FormErrors | undefined;
  values: BookingFormValues | undefined;
}) {
  return (
    <>
      <h2 className="text-lg font-semibold">Your details</h2>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="customerEmail" label="Email" error={errors?.fields.customerEmail}>
          <input
            id="customerEmail"
            name="customerEmail"
            type="email"
            autoComplete="email"
            required
            defaultValue={values?.customerEmail}
            aria-invalid={Boolean(errors?.fields.customerEmail)}
            aria-describedby={errors?.fields.customerEmail ? "customerEmail-error" : undefined}
            className="w-full rounded-md border border-tt-border px-3 py-2 aria-[invalid=true]:border-tt-danger"
          />
        </Field>
        <Field id="customerName" label="Name" hint="Optional" error={errors?.fields.customerName}>
          <input
            id="customerName"
            name="customerName"
            autoComplete="name"
            defaultValue={values?.customerName}
            aria-invalid={Boolean(errors?.fields.customerName)}
            aria-describedby={errors?.fields.customerName ? "customerName-error" : undefined}
            className="w-full rounded-md border border-tt-border px-3 py-2 aria-[invalid=true]:border-tt-danger"
          />
        </Field>
      </div>
    </>
  );
}
