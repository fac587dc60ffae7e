const inputClass =
  "w-full rounded-md border border-tt-border bg-tt-surface px-3 py-2 text-sm aria-[invalid=true]:border-tt-danger";

/**
 * The props a limit's control shares: id and name, its explanation (`{id}-about`) and error
 * (`{id}-error`) read out with it, and invalid when it has an error.
 */
export function limitControl(
  formId: string,
  field: string,
  errors: Partial<Record<string, string>> | undefined,
) {
  const id = `${formId}-${field}`;
  const error = errors?.[field];
  return {
    id,
    name: field,
    className: inputClass,
    "aria-invalid": Boolean(error),
    "aria-describedby": [`${id}-about`, error ? `${id}-error` : null].filter(Boolean).join(" "),
  };
}
