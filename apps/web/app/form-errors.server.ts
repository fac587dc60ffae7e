import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { ZodError } from "zod";

export interface FormErrors {
  fields: Record<string, string>;
  form?: string;
}

/**
 * A form's errors from a failed procedure call: zod issues by field, and known service errors on
 * the field they concern (`fieldFor`), so the page shows them where the user looks. Other errors
 * are rethrown: they are not the user's to fix.
 */
export function formErrors(
  error: unknown,
  fieldFor: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {},
): FormErrors {
  if (!(error instanceof TRPCError)) throw error;
  if (error.code === "BAD_REQUEST" && isZodError(error.cause)) {
    const fields: Record<string, string> = {};
    for (const issue of error.cause.issues) {
      const field = String(issue.path[0] ?? "form");
      fields[field] ??= issue.message;
    }
    return { fields };
  }
  const field = fieldFor[error.code];
  if (field) return { fields: { [field]: error.message } };
  if (error.code === "INTERNAL_SERVER_ERROR") throw error;
  return { fields: {}, form: error.message };
}

function isZodError(cause: unknown): cause is ZodError {
  return (
    typeof cause === "object" && cause !== null && "issues" in cause && Array.isArray(cause.issues)
  );
}
