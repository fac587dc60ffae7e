import { Form, Link, useNavigation } from "@remix-run/react";
import { FormError } from "../field";

/**
 * What the customer can still do with a booking before it starts: move it to another time, or
 * cancel it behind a second, deliberate step. Both work without JavaScript.
 */
export function ChangeBooking({
  hostName,
  rescheduleHref,
  error,
}: {
  hostName: string;
  rescheduleHref: string;
  error?: string | undefined;
}) {
  const navigation = useNavigation();
  const cancelling = navigation.formData?.get("intent") === "cancel";
  return (
    <section
      aria-label="Change this booking"
      className="mx-auto max-w-xl space-y-3 rounded-lg border border-tt-border bg-tt-surface px-6 py-4 text-sm"
    >
      <p>
        Can&apos;t make it?{" "}
        <Link to={rescheduleHref} className="font-medium text-tt-primary underline">
          Reschedule
        </Link>{" "}
        to another time with {hostName}.
      </p>
      <details open={Boolean(error)}>
        <summary className="cursor-pointer font-medium">Need to cancel?</summary>
        <Form method="post" className="mt-3 space-y-3">
          <p className="text-tt-text-muted">
            Cancelling frees this time for others and removes the session from {hostName}&apos;s
            calendar. It cannot be undone.
          </p>
          <FormError message={error} />
          <button
            type="submit"
            name="intent"
            value="cancel"
            disabled={cancelling}
            className="rounded-md border border-tt-danger px-4 py-2 font-medium text-tt-danger hover:bg-tt-danger-soft disabled:cursor-wait disabled:border-tt-text-muted disabled:text-tt-text-muted"
          >
            {cancelling ? "Cancelling…" : "Cancel booking"}
          </button>
        </Form>
      </details>
    </section>
  );
}
