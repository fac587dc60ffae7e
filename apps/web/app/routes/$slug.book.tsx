import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigate,
  useNavigation,
  useSubmit,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import { BookingFormFields } from "~/components/booking/booking-form";
import { canonicalTimeZone, chooseWeek, formatWeekRange } from "~/components/booking/time";
import { formatPrice } from "~/format";
import { loadCustomerBooking } from "~/customer-booking.server";
import { formErrors } from "~/form-errors.server";
import { loadOr404 } from "~/load-or-404.server";
import { apiFor } from "~/trpc.server";

/** How far ahead visitors can page; well inside the 62 days `availability.slots` allows. */
const WEEKS_AHEAD = 8;

type Api = Awaited<ReturnType<typeof apiFor>>;

/**
 * With `?reschedule={id}&token={token}` the page moves that booking instead of making a new one:
 * the address is the customer's proof, as on the confirmation page.
 */
function movingIn(url: URL) {
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

function confirmationHref(booking: { id: string; token: string }, url: URL) {
  const search = new URLSearchParams({ token: booking.token });
  const zone = canonicalTimeZone(url.searchParams.get("tz"));
  if (zone) search.set("tz", zone);
  return `/bookings/${booking.id}?${search}`;
}

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const api = await apiFor(context, request);
  const { host, packages } = await loadOr404(() => api.catalog.host({ slug: params.slug ?? "" }));
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

export async function action({ params, context, request }: ActionFunctionArgs) {
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.moving ? "Move" : "Book"} ${data.package.name} with ${data.host.name} — TimeTap`
      : "TimeTap",
  },
  // While moving a booking the address carries its access token.
  ...(data?.moving ? [{ name: "referrer", content: "no-referrer" }] : []),
];

export default function BookPage() {
  const {
    host,
    package: pkg,
    timeZone,
    chosenZone,
    zoneInAddress,
    week,
    slots,
    timeZones,
    moving,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const submit = useSubmit();
  const hydrated = useHydrated();

  useEffect(() => {
    if (zoneInAddress) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone || browserZone === timeZone) return;
    navigate(`?${weekSearch(pkg.id, browserZone, week.start, moving)}`, {
      replace: true,
      preventScrollReset: true,
    });
  }, [zoneInAddress, timeZone, pkg.id, week.start, navigate, moving]);

  const weekHref = (start: string) => `?${weekSearch(pkg.id, chosenZone, start, moving)}`;

  return (
    <section className="space-y-8">
      <div>
        {moving ? (
          <Link to={moving.backHref} className="text-sm text-tt-primary hover:underline">
            ← Keep my current time
          </Link>
        ) : (
          <Link to={`/${host.slug}`} className="text-sm text-tt-primary hover:underline">
            ← {host.name}
          </Link>
        )}
        <h1 className="mt-2 text-3xl font-bold">{moving ? `Move your ${pkg.name}` : pkg.name}</h1>
        <p className="mt-1 text-tt-text-muted">
          {pkg.durationMinutes} minutes with {host.name} · {formatPrice(pkg.priceCents)}
        </p>
      </div>

      <div className="space-y-6 rounded-lg border border-tt-border bg-tt-surface p-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <nav aria-label="Weeks" className="flex w-full items-center gap-3 sm:w-auto">
            <WeekLink to={week.previous ? weekHref(week.previous) : null} rel="prev">
              Previous week
            </WeekLink>
            <h2 className="flex-1 text-center font-semibold sm:min-w-48">
              {formatWeekRange(week.start)}
            </h2>
            <WeekLink to={week.next ? weekHref(week.next) : null} rel="next">
              Next week
            </WeekLink>
          </nav>
          <Form
            method="get"
            className="flex items-end gap-2"
            onChange={(event) =>
              submit(event.currentTarget, { replace: true, preventScrollReset: true })
            }
          >
            <input type="hidden" name="package" value={pkg.id} />
            <input type="hidden" name="week" value={week.start} />
            {moving ? (
              <>
                <input type="hidden" name="reschedule" value={moving.id} />
                <input type="hidden" name="token" value={moving.token} />
              </>
            ) : null}
            <div className="space-y-1">
              <label htmlFor="tz" className="block text-sm font-medium">
                Time zone
              </label>
              <select
                key={timeZone}
                id="tz"
                name="tz"
                defaultValue={timeZone}
                className="rounded-md border border-tt-border bg-tt-surface px-3 py-2 text-sm"
              >
                {timeZones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll("_", " ")}
                  </option>
                ))}
              </select>
            </div>
            {hydrated ? null : (
              <button
                type="submit"
                className="rounded-md border border-tt-border px-3 py-2 text-sm font-medium hover:bg-tt-background"
              >
                Show times
              </button>
            )}
          </Form>
        </div>

        <Form method="post" noValidate>
          <BookingFormFields
            slots={slots}
            timeZone={timeZone}
            errors={result?.errors}
            values={result?.values}
            submitting={navigation.state === "submitting"}
            moving={moving ?? undefined}
            emptyHint={
              week.next ? (
                <Link
                  to={weekHref(week.next)}
                  preventScrollReset
                  className="text-tt-primary hover:underline"
                >
                  Try next week
                </Link>
              ) : (
                <span className="text-tt-text-muted">
                  {host.name} has no free times in the coming weeks.
                </span>
              )
            }
          />
        </Form>
      </div>
    </section>
  );
}

function WeekLink({
  to,
  rel,
  children,
}: {
  to: string | null;
  rel: "prev" | "next";
  children: string;
}) {
  const className =
    "flex shrink-0 items-center gap-1 rounded-md border border-tt-border px-3 py-1.5 text-sm font-medium";
  const label = (
    <>
      {rel === "prev" ? <span aria-hidden="true">←</span> : null}
      {/* Narrow screens show the arrow alone; the name stays for assistive technology. */}
      <span className="sr-only sm:not-sr-only">{children}</span>
      {rel === "next" ? <span aria-hidden="true">→</span> : null}
    </>
  );
  if (!to) {
    return (
      <span
        aria-disabled="true"
        className={`${className} cursor-not-allowed text-tt-text-muted opacity-60`}
      >
        {label}
      </span>
    );
  }
  return (
    <Link to={to} rel={rel} preventScrollReset className={`${className} hover:bg-tt-background`}>
      {label}
    </Link>
  );
}

/** The address of a week, keeping the visitor's zone only when they have one. */
function weekSearch(
  packageId: string,
  timeZone: string | null,
  week: string,
  moving: { id: string; token: string } | null,
) {
  const search = new URLSearchParams({ package: packageId });
  if (moving) {
    search.set("reschedule", moving.id);
    search.set("token", moving.token);
  }
  if (timeZone) search.set("tz", timeZone);
  search.set("week", week);
  return search;
}

/** Every zone the runtime knows, plus the ones on this page if it spells them differently. */
function zoneOptions(...current: string[]) {
  return [...new Set([...Intl.supportedValuesOf("timeZone"), ...current])].sort();
}

/** False during the server render and hydration, true after: for no-JavaScript fallbacks. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
