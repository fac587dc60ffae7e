import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { zoneOptions } from "~/components/zone-options";
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

/**
 * The signed-in host and the zones they can pick, theirs among them even where the runtime spells
 * it otherwise (a new host's "UTC" is not in its list: the form showed its first zone instead);
 * a host without a page onboards first.
 */
export async function loadProfile({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  const host = await (await apiFor(context, request)).host.me();
  return { host, timeZones: zoneOptions(host.timeZone) };
}

type Api = Awaited<ReturnType<typeof apiFor>>;

/** Sends the profile form through `save`, then goes to `next`; errors come back by field. */
async function submitProfile(
  { context, request }: ActionFunctionArgs,
  save: (api: Api, profile: ReturnType<typeof profileFromForm>) => Promise<unknown>,
  next: string,
) {
  await requireHostId(context, request);
  const profile = profileFromForm(await request.formData());
  try {
    await save(await apiFor(context, request), profile);
  } catch (error) {
    return formErrors(error, { CONFLICT: "slug" });
  }
  return redirect(next);
}

/** First sign-in: the new host's page, name and zone, then the dashboard. */
export const completeOnboarding = (args: ActionFunctionArgs) =>
  submitProfile(args, (api, profile) => api.host.completeOnboarding(profile), "/dashboard");

/** A later change of page address, name or zone; the old address keeps redirecting. */
export const saveProfile = (args: ActionFunctionArgs) =>
  submitProfile(
    args,
    (api, profile) => api.host.updateProfile(profile),
    "/dashboard/profile?saved=1",
  );
