import type { AppRouter, inferRouterInputs } from "@timetap/api";
import { intervalsFromForm } from "~/weekly-hours-form";

type Inputs = inferRouterInputs<AppRouter>["host"];

/** The days-off form as `host.addDaysOff` takes it; one date alone is a single day off. */
export function daysOffFromForm(form: FormData): Inputs["addDaysOff"] {
  const from = String(form.get("from") ?? "");
  const to = String(form.get("to") ?? "");
  return { from, to: to === "" ? from : to, note: String(form.get("note") ?? "") };
}

/** The special-hours form as `host.setDateHours` takes it, or the error to show by the times. */
export function dateHoursFromForm(
  form: FormData,
): { hours: Inputs["setDateHours"] } | { error: string } {
  const intervals = intervalsFromForm(form, "start", "end");
  if (intervals === null) return { error: "Enter a start and an end time." };
  return { hours: { date: String(form.get("date") ?? ""), intervals } };
}
