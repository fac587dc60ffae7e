import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { loadCalendarChoices, saveCalendarChoices } from "~/calendar-choices.server";
import { CalendarChoicesForm } from "~/components/calendar-choices/calendar-choices-form";

export const meta: MetaFunction = () => [{ title: "Your calendars — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadCalendarChoices(args);

export const action = (args: ActionFunctionArgs) => saveCalendarChoices(args);

export default function CalendarChoicesPage() {
  const { choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saved = useSearchParams()[0].has("saved");
  const saving = useNavigation().state === "submitting";
  return (
    <section className="space-y-6 rounded-lg border border-tt-border bg-tt-surface p-6">
      <div>
        <Link to="/dashboard" className="text-sm text-tt-primary underline">
          ← Dashboard
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Your calendars</h1>
        <p className="mt-1 text-sm text-tt-text-muted">
          Choose which Google calendars make you busy (their events hide those times from your
          booking page) and which one receives new sessions.
        </p>
        {saved && !result ? (
          <p role="status" className="mt-3 text-sm text-tt-success">
            Your calendars are saved. Your booking page uses them now.
          </p>
        ) : null}
      </div>
      <CalendarChoicesForm
        choices={choices}
        values={result?.values}
        errors={result?.errors}
        pending={saving}
      />
    </section>
  );
}
