import type { ReactNode } from "react";

/** The form's primary button; while the form is submitting it is disabled and says so. */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
}: {
  pending: boolean;
  pendingLabel: string;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-tt-primary px-5 py-2.5 font-medium text-white hover:bg-tt-primary-hover disabled:cursor-wait disabled:bg-tt-text-muted"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
