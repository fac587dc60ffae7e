import type { ReactNode } from "react";

/** A labelled form control with an optional hint and its error, linked by `{id}-error`. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        {hint ? <span className="text-xs text-tt-text-muted">{hint}</span> : null}
      </div>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-tt-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** An error about the whole form rather than one field. */
export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="text-sm text-tt-danger">
      {message}
    </p>
  ) : null;
}
