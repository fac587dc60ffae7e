import { redirect } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { dateHoursFromForm, daysOffFromForm } from "~/date-overrides-form";
import { formErrors, type FormErrors } from "~/form-errors.server";
import type { apiFor } from "~/trpc.server";

type Api = Awaited<ReturnType<typeof apiFor>>;

const INTENTS = ["days-off", "date-hours", "remove-override"] as const;
type DateOverrideIntent = (typeof INTENTS)[number];

export const isDateOverrideIntent = (intent: unknown): intent is DateOverrideIntent =>
  INTENTS.includes(intent as DateOverrideIntent);

/**
 * Adds days off or special hours, or removes them; errors come back for the form that was sent,
 * by field (a past or already covered date on the date field).
 */
export async function changeDateOverride(api: Api, intent: DateOverrideIntent, form: FormData) {
  const failed = (errors: FormErrors) => ({ overrideForm: intent, errors });
  try {
    if (intent === "days-off") await api.host.addDaysOff(daysOffFromForm(form));
    if (intent === "date-hours") {
      const parsed = dateHoursFromForm(form);
      if ("error" in parsed) return failed({ fields: { intervals: parsed.error } });
      await api.host.setDateHours(parsed.hours);
    }
    if (intent === "remove-override") await removeOverride(api, String(form.get("id") ?? ""));
  } catch (error) {
    const dateField = intent === "days-off" ? "from" : "date";
    return failed(formErrors(error, { BAD_REQUEST: dateField, CONFLICT: dateField }));
  }
  return redirect("/dashboard/hours");
}

async function removeOverride(api: Api, id: string) {
  await api.host.removeDateOverride({ id }).catch((error: unknown) => {
    // Already removed (another tab): the list shows how things stand.
    if (!(error instanceof TRPCError && error.code === "NOT_FOUND")) throw error;
  });
}
