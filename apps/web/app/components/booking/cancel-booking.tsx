import { Form, useNavigation } from "@remix-run/react";
import { FormError } from "../field";

/**
 * Cancelling behind a second, deliberate step: the customer opens the section, reads what it
 * does, then confirms. Works without JavaScript (a plain form post).
 */
export function CancelBooking({ hostName, error }: { hostName: string; error?: string }) {
  const navigation = useNavigation();
  const pending = navigation.formData?.get("intent") === "cancel";
  return (
    <details
      open={Boolean(error)}
      className="mx-auto max-w-xl rounded-lg border border-tt-border bg-tt-surface px-6 py-4 text-sm"
    >
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
          disabled={pending}
          className="rounded-md border border-tt-danger px-4 py-2 font-medium text-tt-danger hover:bg-tt-danger-soft disabled:opacity-60"
        >
          {pending ? "Cancelling…" : "Cancel booking"}
        </button>
      </Form>
    </details>
  );
}
