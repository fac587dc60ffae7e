import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { daysWithTimes, firstFreeWeek } from "~/components/booking/free-days";
import { canonicalTimeZone, chooseWeek } from "~/components/booking/time";
import type { MovingRef } from "~/components/booking/week-search";
import { zoneOptions } from "~/components/zone-options";
import { loadCustomerBooking } from "~/customer-booking.server";
import { formErrors } from "~/form-errors.server";
import { loadHostCatalog } from "~/host-address.server";
import { loadOr404 } from "~/load-or-404.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

/** How far ahead visitors can page; well inside the 62 days `availability.slots` allows. */
const WEEKS_AHEAD = 8;
/** The most one `availability.slots` call may cover (the API's MAX_RANGE_DAYS). */
const MAX_RANGE_MS = 62 * 86_400_000;

type Api = Awaited<ReturnType<typeof apiFor>>;
type PageArgs = LoaderFunctionArgs | ActionFunctionArgs;

/**
 * The booking the page moves instead of making a new one. `?reschedule={id}&token={token}`: the
 * customer's, the address being their proof, as on the confirmation page. `?move={id}`: the
 * host's, from the dashboard, proven by the host's session.
 */
function movingIn(url: URL): MovingRef | null {
  const id = url.searchParams.get("reschedule");
  if (id !== null) return { id, token: url.searchParams.get("token") ?? "" };
  const hostMove = url.searchParams.get("move");
  return hostMove === null ? null : { id: hostMove, token: null };
}

/** The booking being moved, when it can still move; otherwise back to where it came from. */
async function loadMoving(api: Api, { context, request }: PageArgs, packageId: string) {
  const url = new URL(request.url);
  const which = movingIn(url);
  if (!which) return null;
  const { token } = which;
  if (token === null) {
    await requireHostId(context, request);
    const booking = await loadOr404(() => api.host.booking({ bookingId: which.id }));
    if (booking.package.id !== packageId) throw new Response("Not found", { status: 404 });
    if (booking.status !== "CONFIRMED") throw redirect("/dashboard");
    const { id, startTime: start, endTime: end } = booking;
    return { id, token, start, end, backHref: "/dashboard" };
  }
  const { booking, status } = await loadCustomerBooking(api, { id: which.id, token });
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

function confirmationHref(booking: { id: string; token: string }, url: URL) {
  const search = new URLSearchParams({ token: booking.token });
  const zone = canonicalTimeZone(url.searchParams.get("tz"));
  if (zone) search.set("tz", zone);
  return `/bookings/${booking.id}?${search}`;
}

/**
 * The package of a customer's booking that the host no longer offers: the customer holds a session
 * of it, so it can still move.
 */
async function heldPackage(
  api: Api,
  moving: { id: string; token: string | null } | null,
  now: Date,
) {
  if (!moving?.token) return undefined;
  const { token } = moving;
  const { package: pkg } = await loadOr404(() =>
    api.booking.rescheduleSlots({
      id: moving.id,
      token,
      from: now,
      to: new Date(now.getTime() + 1),
    }),
  );
  return pkg;
}

/**
 * The booking page's week of free times, in the visitor's zone, to book or to move a booking.
 * The free times of every week a visitor may page to are read at once: without a `?week=` the
 * page opens on the first week that has one, and the month overview marks the days with times.
 */
export async function loadBookingPage(args: LoaderFunctionArgs) {
  const { params, context, request } = args;
  const url = new URL(request.url);
  const api = await apiFor(context, request);
  const { host, packages } = await loadHostCatalog(api, params.slug ?? "", request);
  const packageId = url.searchParams.get("package") ?? "";
  const moving = await loadMoving(api, args, packageId);
  const now = context.api.clock.now();
  const pkg =
    packages.find((candidate) => candidate.id === packageId) ??
    (await heldPackage(api, moving, now));
  if (!pkg) throw new Response("Not found", { status: 404 });

  const chosenZone = canonicalTimeZone(url.searchParams.get("tz"));
  const timeZone = chosenZone ?? host.timeZone;
  const slotsIn = (from: Date, to: Date) =>
    loadOr404(() =>
      api.availability.slots({
        hostSlug: host.slug,
        packageId: pkg.id,
        from,
        to,
        reschedule: moving ? { id: moving.id, token: moving.token ?? undefined } : undefined,
      }),
    ).then((answer) => answer.slots);

  // A week past the horizon falls back to the last one visitors may page to.
  const lastWeek = chooseWeek("9999-12-31", now, timeZone, WEEKS_AHEAD);
  // The current week has already begun; asking only for what lies ahead keeps the range valid.
  const ahead = new Date(Math.min(lastWeek.to.getTime(), now.getTime() + MAX_RANGE_MS));
  const upcoming = await slotsIn(now, ahead);
  const freeDays = daysWithTimes(upcoming, timeZone);

  const { week, previous, next, from, to } = chooseWeek(
    url.searchParams.get("week") ?? firstFreeWeek(freeDays),
    now,
    timeZone,
    WEEKS_AHEAD,
  );
  const slots =
    to <= ahead
      ? upcoming.filter((slot) => slot.start >= from && slot.start < to)
      : await slotsIn(from < now ? now : from, to);
  return {
    host,
    package: pkg,
    timeZone,
    chosenZone,
    // Any `tz` in the address, valid or not, means the browser's zone was already offered.
    zoneInAddress: url.searchParams.has("tz"),
    week: { start: week, previous, next },
    slots,
    freeDays,
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
  try {
    if (moving?.token === null) {
      await api.host.rescheduleBooking({ bookingId: moving.id, startTime });
      return redirect("/dashboard?moved=1");
    }
    const booking = moving
      ? await api.booking.reschedule({ id: moving.id, token: moving.token, startTime })
      : await api.booking.create({
          hostSlug: params.slug ?? "",
          packageId: url.searchParams.get("package") ?? "",
          startTime,
          customerEmail: values.customerEmail,
          customerName: values.customerName || undefined,
          customerTimeZone: canonicalTimeZone(url.searchParams.get("tz")) ?? undefined,
        });
    return redirect(confirmationHref(booking, url));
  } catch (error) {
    return {
      errors: formErrors(error, { CONFLICT: "startTime", BAD_REQUEST: "startTime" }),
      values,
    };
  }
}
