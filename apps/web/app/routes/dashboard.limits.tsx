import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { hostLimitsFormValues } from "~/booking-limits-form";
import { loadBookingLimits, saveBookingLimits } from "~/booking-limits.server";
import { HostLimitsForm } from "~/components/booking-limits/host-limits-form";

export const meta: MetaFunction = () => [{ title: "Booking rules — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadBookingLimits(args);

export const action = (args: ActionFunctionArgs) => saveBookingLimits(args);

export default function BookingRulesPage() {
  const { defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saved = useSearchParams()[0].has("saved");
  const saving = useNavigation().state === "submitting";

  return (
    <section className="space-y-6 rounded-lg border border-tt-border bg-tt-surface p-6">
      <div>
        <Link to="/dashboard" className="text-sm text-tt-primary underline">
          ← Dashboard
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Booking rules</h1>
        <p className="mt-1 text-sm text-tt-text-muted">
          Your defaults for every package; each package can set its own on the{" "}
          <Link to="/dashboard/packages" className="text-tt-primary underline">
            packages page
          </Link>
          . They apply to the times offered from now on; bookings already made keep their times.
        </p>
        {saved && !result ? (
          <p role="status" className="mt-3 text-sm text-tt-success">
            Your booking rules are saved. Your booking page uses them now.
          </p>
        ) : null}
      </div>
      <HostLimitsForm
        values={result?.values ?? hostLimitsFormValues(defaults)}
        errors={result?.errors}
        pending={saving}
      />
    </section>
  );
}
