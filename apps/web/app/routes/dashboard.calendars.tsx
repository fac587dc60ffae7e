import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadCalendarChoices, saveCalendarChoices } from "~/calendar-choices.server";
import { CalendarChoicesForm } from "~/components/calendar-choices/calendar-choices-form";
import { SettingsPage, useSaving } from "~/components/settings-page";

export const meta: MetaFunction = () => [{ title: "Your calendars — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadCalendarChoices(args);

export const action = (args: ActionFunctionArgs) => saveCalendarChoices(args);

export default function CalendarChoicesPage() {
  const { choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <SettingsPage
      title="Your calendars"
      intro="Choose which Google calendars make you busy (their events hide those times from your booking page) and which one receives new sessions."
      savedMessage="Your calendars are saved. Your booking page uses them now."
      refused={Boolean(result)}
    >
      <CalendarChoicesForm
        choices={choices}
        values={result?.values}
        errors={result?.errors}
        pending={useSaving()}
      />
    </SettingsPage>
  );
}
