import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { canonicalTimeZone, chooseWeek } from "~/components/booking/time";
import { zoneOptions } from "~/components/booking/zone-options";
import { loadCustomerBooking, type CustomerBookingRef } from "~/customer-booking.server";
import { formErrors } from "~/form-errors.server";
import { loadHostCatalog } from "~/host-address.server";
import { loadOr404 } from "~/load-or-404.server";
import { apiFor } from "~/trpc.server";

/** How far ahead visitors can page; well inside the 62 days `availability.slots` allows. */
const WEEKS_AHEAD = 8;

type Api = Awaited<ReturnType<typeof apiFor>>;

/**
 * With `?reschedule={id}&token={token}` the page moves that booking instead of making a new one:
 * the address is the customer's proof, as on the confirmation page.
 */
function movingIn(url: URL): CustomerBookingRef | null {
  const id = url.searchParams.get("reschedule");
  return id === null ? null : { id, token: url.searchParams.get("token") ?? "" };
}

/** The booking being moved, when it can still move; a cancelled one goes back to its own page. */
async function loadMoving(api: Api, url: URL, packageId: string) {
  const which = movingIn(url);
  if (!which) return null;
  const { booking, status } = await loadCustomerBooking(api, which);
  if (booking.package.id !== packageId) throw new Response("Not found", { status: 404 });
  if (status.status !== "CONFIRMED") throw redirect(confirmationHref(booking, url));
  return {
    id: booking.id,
    token: booking.token,
    start: booking.startTime,
    end: booking.endTime,
    backHref: confirmationHref(booking, url),
  };
}

function confirmationHref(booking: CustomerBookingRef, url: URL) {
  const search = new URLSearchParams({ token: booking.token });
  const zone = canonicalTimeZone(url.searchParams.get("tz"));
  if (zone) search.set("tz", zone);
  return `/bookings/${booking.id}?${search}`;
}

/** The booking page's week of free times, in the visitor's zone, to book or to move a booking. */
export async function loadBookingPage({ params, context, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const api = await apiFor(context, request);
  const { host, packages } = await loadHostCatalog(api, params.slug ?? "", request);
  const pkg = packages.find((candidate) => candidate.id === url.searchParams.get("package"));
  if (!pkg) throw new Response("Not found", { status: 404 });
  const moving = await loadMoving(api, url, pkg.id);

  const chosenZone = canonicalTimeZone(url.searchParams.get("tz"));
  const timeZone = chosenZone ?? host.timeZone;
  const now = context.api.clock.now();
  const { week, previous, next, from, to } = chooseWeek(
    url.searchParams.get("week"),
    now,
    timeZone,
    WEEKS_AHEAD,
  );
  const { slots } = await loadOr404(() =>
    api.availability.slots({
      hostSlug: host.slug,
      packageId: pkg.id,
      // The current week has already begun; asking only for what lies ahead keeps the range valid.
      from: from < now ? now : from,
      to,
    }),
  );
  return {
    host,
    package: pkg,
    timeZone,
    chosenZone,
    // Any `tz` in the address, valid or not, means the browser's zone was already offered.
    zoneInAddress: url.searchParams.has("tz"),
    week: { start: week, previous, next },
    slots,
    timeZones: zoneOptions(timeZone, host.timeZone),
    moving,
  };
}

/** Books the chosen time, or moves the booking in the address to it; then its confirmation. */
export async function submitBooking({ params, context, request }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const form = await request.formData();
  const values = {
    startTime: String(form.get("startTime") ?? ""),
    customerEmail: String(form.get("customerEmail") ?? "").trim(),
    customerName: String(form.get("customerName") ?? "").trim(),
  };
  const startTime = new Date(values.startTime);
  // Errors come back as a 200 so Remix re-runs the loader: after a conflict the visitor must see
  // the slots as they are now, without the one just taken.
  if (!values.startTime || Number.isNaN(startTime.getTime())) {
    return { errors: { fields: { startTime: "Pick a time." } }, values };
  }
  const api = await apiFor(context, request);
  const moving = movingIn(url);
  let booking;
  try {
    booking = moving
      ? await api.booking.reschedule({ ...moving, startTime })
      : await api.booking.create({
          hostSlug: params.slug ?? "",
          packageId: url.searchParams.get("package") ?? "",
          startTime,
          customerEmail: values.customerEmail,
          customerName: values.customerName || undefined,
        });
  } catch (error) {
    return {
      errors: formErrors(error, { CONFLICT: "startTime", BAD_REQUEST: "startTime" }),
      values,
    };
  }
  return redirect(confirmationHref(booking, url));
}
