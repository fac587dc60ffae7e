import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { apiKeyScopeLabels, type AppRouter, type inferRouterInputs } from "@timetap/api";
import { TRPCError } from "@trpc/server";
import { parseBookingsQuery } from "~/components/bookings-query";
import { formErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

/**
 * The signed-in host, the page of bookings the address asks for (upcoming by default) and API
 * keys; a host without a page onboards first.
 */
export async function loadDashboard({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  const api = await apiFor(context, request);
  const host = await api.host.me();
  if (!host.slug) throw redirect("/dashboard/welcome");
  const search = new URL(request.url).searchParams;
  const query = parseBookingsQuery(search);
  const [bookings, apiKeys, calendars] = await Promise.all([
    api.host.bookings(query),
    api.host.apiKeys(),
    host.calendarStatus === "connected" ? api.host.calendars() : null,
  ]);
  return {
    host: { ...host, slug: host.slug },
    bookings,
    query,
    apiKeys,
    calendars,
    apiKeyScopeLabels,
    savedHours: search.get("saved") === "hours",
    moved: search.get("moved") === "1",
  };
}

type NewApiKey = inferRouterInputs<AppRouter>["host"]["createApiKey"];

/** The new-key form as the API takes it: ticked scopes (the API checks them), and an expiry. */
function newKeyFrom(form: FormData): NewApiKey {
  const days = String(form.get("expiresInDays") ?? "");
  return {
    name: String(form.get("keyName") ?? ""),
    scopes: form.getAll("scopes").map(String) as NewApiKey["scopes"],
    expiresInDays: days ? Number(days) : null,
  };
}

/** The list the host was looking at, to return to after a change. */
function sameList(request: Request) {
  const search = new URL(request.url).searchParams;
  // Remix marks posts to an index route with `?index`; the page's own address has none.
  search.delete("index");
  return `/dashboard${search.size ? `?${search}` : ""}`;
}

/**
 * The dashboard's forms, told apart by their `intent`: calendar, bookings (cancel, retry the
 * calendar sync, put back an event the host changed in Google or accept its new time) and API keys.
 */
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
  if (intent === "retry-sync") {
    try {
      await api.host.retrySync({ bookingId: String(form.get("bookingId") ?? "") });
    } catch (error) {
      return { error: formErrors(error).form ?? "This booking's calendar could not be retried." };
    }
  }
  if (intent === "put-event-back") {
    try {
      await api.host.putEventBack({ bookingId: String(form.get("bookingId") ?? "") });
    } catch (error) {
      return { error: formErrors(error).form ?? "This booking's event could not be put back." };
    }
  }
  if (intent === "accept-google-time") {
    const bookingId = String(form.get("bookingId") ?? "");
    try {
      await api.host.acceptGoogleTime({ bookingId });
    } catch (error) {
      const message = formErrors(error).form ?? "This booking could not move to the new time.";
      return { rowError: { bookingId, message } };
    }
  }
  if (intent === "create-key") {
    try {
      // Returned, not redirected: the key is shown this once.
      return { createdKey: await api.host.createApiKey(newKeyFrom(form)) };
    } catch (error) {
      const { fields, form: other } = formErrors(error);
      const keyErrors = {
        name: fields.name,
        scopes: fields.scopes,
        expiresInDays: fields.expiresInDays,
      };
      return {
        keyErrors: Object.values(keyErrors).some(Boolean)
          ? keyErrors
          : { name: other ?? "This key could not be created." },
      };
    }
  }
  if (intent === "revoke-key") {
    await api.host.revokeApiKey({ id: String(form.get("keyId") ?? "") }).catch((error: unknown) => {
      // Already revoked (another tab): the list below shows how things stand.
      if (!(error instanceof TRPCError && error.code === "NOT_FOUND")) throw error;
    });
  }
  return redirect(sameList(request));
}
