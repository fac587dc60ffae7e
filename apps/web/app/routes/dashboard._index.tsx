import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TRPCError } from "@trpc/server";
import { ApiKeysCard } from "~/components/api-keys-card";
import { CalendarStatusCard } from "~/components/calendar-status-card";
import { UpcomingBookings } from "~/components/upcoming-bookings";
import { formErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

export const meta: MetaFunction = () => [{ title: "Dashboard — TimeTap" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  const api = await apiFor(context, request);
  const host = await api.host.me();
  if (!host.slug) throw redirect("/dashboard/welcome");
  const [bookings, apiKeys] = await Promise.all([api.host.upcomingBookings(), api.host.apiKeys()]);
  const savedHours = new URL(request.url).searchParams.get("saved") === "hours";
  return { host: { ...host, slug: host.slug }, bookings, apiKeys, savedHours };
}

export async function action({ context, request }: ActionFunctionArgs) {
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

export default function Dashboard() {
  const { host, bookings, apiKeys, savedHours } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-tt-border bg-tt-surface p-6">
        <h2 className="text-lg font-semibold">Hello, {host.name}</h2>
        <p className="mt-1 text-tt-text-muted">
          Your booking page:{" "}
          <Link to={`/${host.slug}`} className="text-tt-primary hover:underline">
            /{host.slug}
          </Link>{" "}
          · times in {host.timeZone} ·{" "}
          <Link to="/dashboard/hours" className="text-tt-primary hover:underline">
            Weekly hours
          </Link>
        </p>
        {savedHours ? (
          <p role="status" className="mt-3 text-sm text-tt-success">
            Your weekly hours are saved. Your booking page uses them now.
          </p>
        ) : null}
      </section>
      <CalendarStatusCard status={host.calendarStatus}>
        {host.calendarStatus === "connected" ? (
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="disconnect"
              className="rounded-md border border-tt-border px-4 py-2 text-sm font-medium hover:bg-tt-background"
            >
              Disconnect
            </button>
          </Form>
        ) : (
          <Form method="post" action="/auth/google">
            <button
              type="submit"
              className="rounded-md bg-tt-primary px-4 py-2 text-sm font-medium text-white hover:bg-tt-primary-hover"
            >
              {host.calendarStatus === "needs_reauth"
                ? "Reconnect Google Calendar"
                : "Connect Google Calendar"}
            </button>
          </Form>
        )}
      </CalendarStatusCard>
      <UpcomingBookings
        bookings={bookings}
        timeZone={host.timeZone}
        error={actionData && "error" in actionData ? actionData.error : undefined}
      />
      <ApiKeysCard
        keys={apiKeys}
        created={actionData && "createdKey" in actionData ? actionData.createdKey : undefined}
        error={actionData && "keyError" in actionData ? actionData.keyError : undefined}
      />
    </div>
  );
}
