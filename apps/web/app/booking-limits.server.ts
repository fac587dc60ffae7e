import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { hostLimitsFromForm, type HostDefaults } from "~/booking-limits-form";
import { formErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

type Api = Awaited<ReturnType<typeof apiFor>>;

/** The host's default limits, with the minimum notice they keep with their weekly hours. */
export async function hostDefaults(api: Api): Promise<HostDefaults> {
  const [limits, hours] = await Promise.all([api.host.bookingLimits(), api.host.weeklyHours()]);
  return { ...limits, minimumNoticeMinutes: hours.minimumNoticeMinutes };
}

/** The signed-in host's booking rules. */
export async function loadBookingLimits({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  return { defaults: await hostDefaults(await apiFor(context, request)) };
}

/** Saves the rules form; a refusal comes back with its errors by field and what was typed. */
export async function saveBookingLimits({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const parsed = hostLimitsFromForm(await request.formData());
  if (!parsed.limits) return { values: parsed.values, errors: { fields: parsed.errors } };
  try {
    await (await apiFor(context, request)).host.updateBookingLimits(parsed.limits);
  } catch (error) {
    return { values: parsed.values, errors: formErrors(error) };
  }
  return redirect("/dashboard/limits?saved=1");
}
