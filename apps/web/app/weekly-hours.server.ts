import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { changeDateOverride, isDateOverrideIntent } from "~/date-overrides.server";
import { formErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";
import { hoursFromForm } from "~/weekly-hours-form";

type Api = Awaited<ReturnType<typeof apiFor>>;

/** The signed-in host's weekly hours and minimum notice, and their upcoming date overrides. */
export async function loadWeeklyHours({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  const api = await apiFor(context, request);
  const [hours, overrides] = await Promise.all([api.host.weeklyHours(), api.host.dateOverrides()]);
  return { hours, overrides };
}

/** The hours page's forms, told apart by their `intent`: the week, or days off and special hours. */
export async function changeHours({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const form = await request.formData();
  const api = await apiFor(context, request);
  const intent = form.get("intent");
  if (isDateOverrideIntent(intent)) return changeDateOverride(api, intent, form);
  return saveWeeklyHours(api, form);
}

/** Saves the hours form; errors come back by weekday, as the form shows them. */
async function saveWeeklyHours(api: Api, form: FormData) {
  const parsed = hoursFromForm(form);
  if ("dayErrors" in parsed) return { dayErrors: parsed.dayErrors };
  try {
    await api.host.updateWeeklyHours(parsed.hours);
  } catch (error) {
    return { dayErrors: dayErrorsOf(error, parsed.hours.rules), form: formErrors(error).form };
  }
  return redirect("/dashboard?saved=hours");
}

/** The API names the interval at fault by its index; the page shows it on that interval's day. */
function dayErrorsOf(error: unknown, rules: Array<{ weekday: number }>): Record<number, string> {
  const issues =
    error instanceof TRPCError && error.cause && "issues" in error.cause
      ? (error.cause.issues as Array<{ path: PropertyKey[]; message: string }>)
      : [];
  const errors: Record<number, string> = {};
  for (const issue of issues) {
    const rule = issue.path[0] === "rules" ? rules[Number(issue.path[1])] : undefined;
    if (rule) errors[rule.weekday] ??= issue.message;
  }
  return errors;
}
