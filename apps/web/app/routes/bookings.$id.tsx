import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { BookingConfirmation } from "~/components/booking/booking-confirmation";
import { canonicalTimeZone } from "~/components/booking/time";
import { loadOr404 } from "~/load-or-404.server";
import { apiFor } from "~/trpc.server";

/** How often the page asks again while the host's calendar event is being made. */
const REFRESH_MS = 3_000;
/** The sync worker's backoff outgrows a watched page; after this the email is the way. */
const REFRESH_FOR_MS = 5 * 60_000;

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const api = await apiFor(context, request);
  const booking = await loadOr404(() =>
    api.booking.get({ id: params.id ?? "", token: url.searchParams.get("token") ?? "" }),
  );
  return { booking, chosenZone: canonicalTimeZone(url.searchParams.get("tz")) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Booked: ${data.booking.package.name} — TimeTap` : "TimeTap" },
  // The address carries the booking's access token.
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "no-referrer" },
];

export default function BookingPage() {
  const { booking, chosenZone } = useLoaderData<typeof loader>();
  const [visitorTimeZone, setVisitorTimeZone] = useState(chosenZone ?? booking.host.timeZone);
  useEffect(() => {
    if (!chosenZone) setVisitorTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, [chosenZone]);
  useRefreshWhile(booking.calendarSync === "pending");

  return (
    <div className="space-y-6">
      <BookingConfirmation booking={booking} visitorTimeZone={visitorTimeZone} />
      <p className="text-center text-sm">
        <Link to={`/${booking.host.slug}`} className="text-tt-primary hover:underline">
          Book another session with {booking.host.name}
        </Link>
      </p>
    </div>
  );
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
