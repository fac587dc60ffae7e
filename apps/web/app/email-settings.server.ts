import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { formErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

/** The signed-in host's email settings, and the address their notices go to. */
export async function loadEmailSettings({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  const api = await apiFor(context, request);
  const [settings, host] = await Promise.all([api.host.emailSettings(), api.host.me()]);
  return { settings, hostEmail: host.email };
}

/** Saves the form: a ticked box is on, an unticked one (absent from the form) off. */
export async function saveEmailSettings({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const form = await request.formData();
  const ticked = (name: string) => form.get(name) === "on";
  try {
    await (
      await apiFor(context, request)
    ).host.updateEmailSettings({
      hostNotices: ticked("hostNotices"),
      reminder24h: ticked("reminder24h"),
      reminder1h: ticked("reminder1h"),
    });
  } catch (error) {
    return formErrors(error);
  }
  return redirect("/dashboard/emails?saved=1");
}
