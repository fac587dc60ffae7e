import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { DateHoursForm } from "~/components/date-overrides/date-hours-form";
import { DaysOffForm } from "~/components/date-overrides/days-off-form";
import { OverrideList } from "~/components/date-overrides/override-list";
import { FormError } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { DayHours } from "~/components/weekly-hours/day-hours";
import { NoticeSelect } from "~/components/weekly-hours/notice-select";
import { WEEK } from "~/weekly-hours-form";
import { changeHours, loadWeeklyHours } from "~/weekly-hours.server";

export const meta: MetaFunction = () => [{ title: "Weekly hours — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadWeeklyHours(args);

export const action = (args: ActionFunctionArgs) => changeHours(args);

export default function WeeklyHoursPage() {
  const { hours, overrides } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const weekly = result && "dayErrors" in result ? result : undefined;
  const overrideErrors = (form: string) =>
    result && "overrideForm" in result && result.overrideForm === form ? result.errors : undefined;
  const saving = useNavigation().state === "submitting";

  return (
    <div className="space-y-6">
      <section className="rounded-lg border border-tt-border bg-tt-surface p-6">
        <Link to="/dashboard" className="text-sm text-tt-primary underline">
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
                error={weekly?.dayErrors[weekday]}
              />
            ))}
          </ul>
          <NoticeSelect current={hours.minimumNoticeMinutes} />
          <FormError message={weekly && "form" in weekly ? weekly.form : undefined} />
          <SubmitButton pending={saving} pendingLabel="Saving…">
            Save hours
          </SubmitButton>
        </Form>
      </section>
      <section
        className="space-y-6 rounded-lg border border-tt-border bg-tt-surface p-6"
        aria-labelledby="overrides-heading"
      >
        <div>
          <h2 id="overrides-heading" className="text-xl font-semibold">
            Days off and special hours
          </h2>
          <p className="mt-1 text-sm text-tt-text-muted">
            Dates in your time zone ({hours.timeZone}) that replace your weekly hours.
          </p>
        </div>
        <OverrideList overrides={overrides} />
        <div className="grid gap-8 md:grid-cols-2">
          <DaysOffForm errors={overrideErrors("days-off")} />
          <DateHoursForm errors={overrideErrors("date-hours")} />
        </div>
      </section>
    </div>
  );
}
