import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { formErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";
import { hoursFromForm } from "~/weekly-hours-form";

/** The signed-in host's weekly hours and minimum notice. */
export async function loadWeeklyHours({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  return { hours: await (await apiFor(context, request)).host.weeklyHours() };
}

/** Saves the hours form; errors come back by weekday, as the form shows them. */
export async function saveWeeklyHours({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const parsed = hoursFromForm(await request.formData());
  if ("dayErrors" in parsed) return { dayErrors: parsed.dayErrors };
  try {
    await (await apiFor(context, request)).host.updateWeeklyHours(parsed.hours);
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
