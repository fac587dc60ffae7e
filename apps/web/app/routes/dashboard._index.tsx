import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ApiKeysCard } from "~/components/api-keys-card";
import { CalendarChoicesSummary } from "~/components/calendar-choices/calendar-choices-summary";
import { CalendarConnectionButton } from "~/components/calendar-connection-button";
import { CalendarStatusCard } from "~/components/calendar-status-card";
import { HostGreeting } from "~/components/host-greeting";
import { HostBookings } from "~/components/host-bookings";
import { changeFromDashboard, loadDashboard } from "~/dashboard.server";

export const meta: MetaFunction = () => [{ title: "Dashboard — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadDashboard(args);

export const action = (args: ActionFunctionArgs) => changeFromDashboard(args);

export default function Dashboard() {
  const { host, bookings, query, apiKeys, apiKeyScopeLabels, calendars, savedHours, moved } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <HostGreeting host={host} savedHours={savedHours} />
      <CalendarStatusCard status={host.calendarStatus}>
        <CalendarConnectionButton status={host.calendarStatus} />
        {calendars ? <CalendarChoicesSummary choices={calendars} /> : null}
      </CalendarStatusCard>
      {moved ? (
        <p role="status" className="text-sm text-tt-success">
          The booking is moved. Google moves its event and tells your guest.
        </p>
      ) : null}
      <HostBookings
        list={bookings}
        query={query}
        hostSlug={host.slug}
        timeZone={host.timeZone}
        error={actionData && "error" in actionData ? actionData.error : undefined}
        rowError={actionData && "rowError" in actionData ? actionData.rowError : undefined}
      />
      <ApiKeysCard
        keys={apiKeys}
        scopeLabels={apiKeyScopeLabels}
        created={actionData && "createdKey" in actionData ? actionData.createdKey : undefined}
        errors={actionData && "keyErrors" in actionData ? actionData.keyErrors : undefined}
      />
    </div>
  );
}
