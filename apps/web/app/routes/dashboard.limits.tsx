import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { hostLimitsFormValues } from "~/booking-limits-form";
import { loadBookingLimits, saveBookingLimits } from "~/booking-limits.server";
import { HostLimitsForm } from "~/components/booking-limits/host-limits-form";
import { SettingsPage, useSaving } from "~/components/settings-page";

export const meta: MetaFunction = () => [{ title: "Booking rules — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadBookingLimits(args);

export const action = (args: ActionFunctionArgs) => saveBookingLimits(args);

export default function BookingRulesPage() {
  const { defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <SettingsPage
      title="Booking rules"
      intro={
        <>
          Your defaults for every package; each package can set its own on the{" "}
          <Link to="/dashboard/packages" className="text-tt-primary underline">
            packages page
          </Link>
          . They apply to the times offered from now on; bookings already made keep their times.
        </>
      }
      savedMessage="Your booking rules are saved. Your booking page uses them now."
      refused={Boolean(result)}
    >
      <HostLimitsForm
        values={result?.values ?? hostLimitsFormValues(defaults)}
        errors={result?.errors}
        pending={useSaving()}
      />
    </SettingsPage>
  );
}
