import { Form, Link, useNavigation } from "@remix-run/react";
import type { FormErrors } from "~/form-errors.server";
import { BookingFormFields, type BookingFormValues } from "./booking-form";
import { formatDayHeading, type LocalDate, type Slot } from "./time";

/**
 * The booking page's POST form: a time of the week and, for a new booking, the customer's
 * details. An empty week points to the week of the next free time, or says the host is booked up.
 */
export function BookingTimeForm({
  slots,
  timeZone,
  result,
  moving,
  hostName,
  nextFree,
}: {
  slots: readonly Slot[];
  timeZone: string;
  result: { errors: FormErrors; values: BookingFormValues } | undefined;
  moving: Slot | null;
  hostName: string;
  nextFree: { day: LocalDate; href: string } | null;
}) {
  const navigation = useNavigation();
  return (
    <Form method="post" noValidate>
      <BookingFormFields
        slots={slots}
        timeZone={timeZone}
        errors={result?.errors}
        values={result?.values}
        submitting={navigation.state === "submitting"}
        moving={moving ?? undefined}
        emptyHint={
          nextFree ? (
            <Link to={nextFree.href} preventScrollReset className="text-tt-primary underline">
              Next free time: {formatDayHeading(nextFree.day)}
            </Link>
          ) : (
            <span className="text-tt-text-muted">
              {hostName} has no free times in the coming weeks.
            </span>
          )
        }
      />
    </Form>
  );
}
