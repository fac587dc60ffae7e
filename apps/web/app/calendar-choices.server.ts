import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { formErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

/** The host's Google calendars and what each does for TimeTap. */
export async function loadCalendarChoices({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  return { choices: await (await apiFor(context, request)).host.calendars() };
}

/** Saves the choice; a refusal comes back by field, with what was ticked. */
export async function saveCalendarChoices({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const form = await request.formData();
  const input = {
    busyCalendarIds: form.getAll("busyCalendarIds").map(String),
    sessionCalendarId: String(form.get("sessionCalendarId") ?? ""),
  };
  try {
    await (await apiFor(context, request)).host.updateCalendars(input);
  } catch (error) {
    return { values: input, errors: formErrors(error, { BAD_REQUEST: "busyCalendarIds" }) };
  }
  return redirect("/dashboard/calendars?saved=1");
}
