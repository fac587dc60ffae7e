import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { BookingConfirmation } from "~/components/booking/booking-confirmation";
import { ChangeBooking } from "~/components/booking/change-booking";
import { canonicalTimeZone } from "~/components/booking/time";
import { loadCustomerBooking } from "~/customer-booking.server";
import { formErrors } from "~/form-errors.server";
import { apiFor } from "~/trpc.server";

/** How often the page asks again while the host's calendar event is being made. */
const REFRESH_MS = 3_000;
/** The sync worker's backoff outgrows a watched page; after this the email is the way. */
const REFRESH_FOR_MS = 5 * 60_000;

/** The booking the address names: its id, and the token that proves the visitor may see it. */
function customerBooking(params: LoaderFunctionArgs["params"], url: URL) {
  return { id: params.id ?? "", token: url.searchParams.get("token") ?? "" };
}

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const api = await apiFor(context, request);
  const which = customerBooking(params, url);
  const { booking, status } = await loadCustomerBooking(api, which);
  return {
    booking,
    cancelledAt: status.cancelledAt,
    changeable: status.status === "CONFIRMED" && booking.startTime > context.api.clock.now(),
    chosenZone: canonicalTimeZone(url.searchParams.get("tz")),
  };
}

export async function action({ params, context, request }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const api = await apiFor(context, request);
  try {
    await api.booking.cancel(customerBooking(params, url));
  } catch (error) {
    return { error: formErrors(error).form ?? "This booking could not be cancelled." };
  }
  // Back to the page itself, now showing the cancellation; a reload will not post again.
  return redirect(`${url.pathname}${url.search}`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.cancelledAt ? "Cancelled" : "Booked"}: ${data.booking.package.name} — TimeTap`
      : "TimeTap",
  },
  // The address carries the booking's access token.
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export default function BookingPage() {
  const { booking, cancelledAt, changeable, chosenZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [visitorTimeZone, setVisitorTimeZone] = useState(chosenZone ?? booking.host.timeZone);
  useEffect(() => {
    if (!chosenZone) setVisitorTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, [chosenZone]);
  useRefreshWhile(!cancelledAt && booking.calendarSync === "pending");

  return (
    <div className="space-y-6">
      <BookingConfirmation
        booking={booking}
        visitorTimeZone={visitorTimeZone}
        cancelledAt={cancelledAt}
      />
      {changeable ? (
        <ChangeBooking
          hostName={booking.host.name}
          rescheduleHref={rescheduleHref(booking)}
          error={actionData?.error}
        />
      ) : null}
      <p className="text-center text-sm">
        <Link to={`/${booking.host.slug}`} className="text-tt-primary underline">
          {cancelledAt ? "Pick another time" : "Book another session"} with {booking.host.name}
        </Link>
      </p>
    </div>
  );
}

/** The booking page of the same package, moving this booking rather than making a new one. */
function rescheduleHref(booking: {
  id: string;
  token: string;
  host: { slug: string };
  package: { id: string };
}) {
  const search = new URLSearchParams({
    package: booking.package.id,
    reschedule: booking.id,
    token: booking.token,
  });
  return `/${booking.host.slug}/book?${search}`;
}

/** Re-runs the loader every few seconds while `active`, for a while after the page opened. */
function useRefreshWhile(active: boolean) {
  const { revalidate, state } = useRevalidator();
  const [openedAt] = useState(() => Date.now());
  useEffect(() => {
    if (!active || state !== "idle" || Date.now() - openedAt > REFRESH_FOR_MS) return;
    const timer = setTimeout(revalidate, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [active, state, revalidate, openedAt]);
}
