import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { formErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

/** The profile form's fields as `host.completeOnboarding` and `host.updateProfile` take them. */
function profileFromForm(form: FormData) {
  return {
    slug: String(form.get("slug") ?? "").toLowerCase(),
    name: String(form.get("name") ?? ""),
    timeZone: String(form.get("timeZone") ?? ""),
  };
}

/** The signed-in host and the zones they can pick; a host without a page onboards first. */
export async function loadProfile({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  const host = await (await apiFor(context, request)).host.me();
  return { host, timeZones: Intl.supportedValuesOf("timeZone") };
}

/** First sign-in: the new host's page, name and zone, then the dashboard. */
export async function completeOnboarding({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const profile = profileFromForm(await request.formData());
  try {
    await (await apiFor(context, request)).host.completeOnboarding(profile);
  } catch (error) {
    return formErrors(error, { CONFLICT: "slug" });
  }
  return redirect("/dashboard");
}

/** A later change of page address, name or zone; the old address keeps redirecting. */
export async function saveProfile({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const profile = profileFromForm(await request.formData());
  try {
    await (await apiFor(context, request)).host.updateProfile(profile);
  } catch (error) {
    return formErrors(error, { CONFLICT: "slug" });
  }
  return redirect("/dashboard/profile?saved=1");
}
