import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { formErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

/** The signed-in host, their upcoming bookings and API keys; a host without a page onboards first. */
export async function loadDashboard({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  const api = await apiFor(context, request);
  const host = await api.host.me();
  if (!host.slug) throw redirect("/dashboard/welcome");
  const [bookings, apiKeys] = await Promise.all([api.host.upcomingBookings(), api.host.apiKeys()]);
  const savedHours = new URL(request.url).searchParams.get("saved") === "hours";
  return { host: { ...host, slug: host.slug }, bookings, apiKeys, savedHours };
}

/** The dashboard's forms, told apart by their `intent`: calendar, bookings and API keys. */
export async function changeFromDashboard({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const form = await request.formData();
  const api = await apiFor(context, request);
  const intent = form.get("intent");
  if (intent === "disconnect") await api.host.disconnectCalendar();
  if (intent === "cancel") {
    try {
      await api.host.cancelBooking({ bookingId: String(form.get("bookingId") ?? "") });
    } catch (error) {
      return { error: formErrors(error).form ?? "This booking could not be cancelled." };
    }
  }
  if (intent === "create-key") {
    try {
      // Returned, not redirected: the key is shown this once.
      return {
        createdKey: await api.host.createApiKey({ name: String(form.get("keyName") ?? "") }),
      };
    } catch (error) {
      return { keyError: formErrors(error).fields.name ?? "This key could not be created." };
    }
  }
  if (intent === "revoke-key") {
    await api.host.revokeApiKey({ id: String(form.get("keyId") ?? "") }).catch((error: unknown) => {
      // Already revoked (another tab): the list below shows how things stand.
      if (!(error instanceof TRPCError && error.code === "NOT_FOUND")) throw error;
    });
  }
  return redirect("/dashboard");
}
