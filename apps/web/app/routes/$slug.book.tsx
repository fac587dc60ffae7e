import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { BookingPageHeader } from "~/components/booking/booking-page-header";
import { BookingTimeForm } from "~/components/booking/booking-time-form";
import { nextFreeDayAfterWeek } from "~/components/booking/free-days";
import { MonthOverview } from "~/components/booking/month-overview";
import { mondayOf } from "~/components/booking/time";
import { useBrowserZone } from "~/components/booking/use-browser-zone";
import { WeekNav } from "~/components/booking/week-nav";
import { weekSearch } from "~/components/booking/week-search";
import { ZonePicker } from "~/components/booking/zone-picker";
import { loadBookingPage, submitBooking } from "~/booking-page.server";

export const loader = (args: LoaderFunctionArgs) => loadBookingPage(args);

export const action = (args: ActionFunctionArgs) => submitBooking(args);

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
    freeDays,
    timeZones,
    moving,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const zoneSelect = useRef<HTMLSelectElement>(null);
  useBrowserZone({
    zoneInAddress,
    timeZone,
    packageId: pkg.id,
    week: week.start,
    moving,
    zoneSelect,
  });
  const weekHref = (start: string) => `?${weekSearch(pkg.id, chosenZone, start, moving)}`;
  const nextFreeDay = nextFreeDayAfterWeek(freeDays, week.start);

  return (
    <section className="space-y-8">
      <BookingPageHeader host={host} pkg={pkg} moving={moving} />
      <div className="space-y-6 rounded-lg border border-tt-border bg-tt-surface p-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <WeekNav week={week} weekHref={weekHref} />
          <ZonePicker
            packageId={pkg.id}
            week={week.start}
            moving={moving}
            timeZone={timeZone}
            timeZones={timeZones}
            zoneSelect={zoneSelect}
          />
        </div>
        <BookingTimeForm
          slots={slots}
          timeZone={timeZone}
          result={result}
          moving={moving}
          hostName={host.name}
          nextFree={
            nextFreeDay ? { day: nextFreeDay, href: weekHref(mondayOf(nextFreeDay)) } : null
          }
        />
        <MonthOverview day={week.start} freeDays={freeDays} weekHref={weekHref} />
      </div>
    </section>
  );
}
