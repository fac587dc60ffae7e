import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { DayHours } from "~/components/weekly-hours/day-hours";
import { NoticeSelect } from "~/components/weekly-hours/notice-select";
import { WEEK } from "~/weekly-hours-form";
import { loadWeeklyHours, saveWeeklyHours } from "~/weekly-hours.server";

export const meta: MetaFunction = () => [{ title: "Weekly hours — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadWeeklyHours(args);

export const action = (args: ActionFunctionArgs) => saveWeeklyHours(args);

export default function WeeklyHoursPage() {
  const { hours } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";

  return (
    <section className="rounded-lg border border-tt-border bg-tt-surface p-6">
      <Link to="/dashboard" className="text-sm text-tt-primary hover:underline">
        ← Dashboard
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">Weekly hours</h1>
      <p className="mt-1 text-sm text-tt-text-muted">
        When customers can book you, in your time zone ({hours.timeZone}). Bookings already made
        keep their times.
      </p>
      <Form method="post" className="mt-6 space-y-6">
        <ul className="divide-y divide-tt-border">
          {WEEK.map(({ weekday, name }) => (
            <DayHours
              key={weekday}
              weekday={weekday}
              name={name}
              rules={hours.rules.filter((rule) => rule.weekday === weekday)}
              error={result?.dayErrors[weekday]}
            />
          ))}
        </ul>
        <NoticeSelect current={hours.minimumNoticeMinutes} />
        <FormError message={result && "form" in result ? result.form : undefined} />
        <SubmitButton pending={saving} pendingLabel="Saving…">
          Save hours
        </SubmitButton>
      </Form>
    </section>
  );
}
