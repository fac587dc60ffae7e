import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TRPCError } from "@trpc/server";
import { FormError } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { formErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";
import { hoursFromForm, minutesToTime, NOTICE_CHOICES, WEEK } from "~/weekly-hours-form";

export const meta: MetaFunction = () => [{ title: "Weekly hours — TimeTap" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  return { hours: await (await apiFor(context, request)).host.weeklyHours() };
}

export async function action({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const parsed = hoursFromForm(await request.formData());
  if ("dayErrors" in parsed) return { dayErrors: parsed.dayErrors };
  try {
    await (await apiFor(context, request)).host.updateWeeklyHours(parsed.hours);
  } catch (error) {
    return { dayErrors: dayErrorsOf(error, parsed.hours.rules), form: formErrors(error).form };
  }
  return redirect("/dashboard?saved=hours");
}

/** The API names the interval at fault by its index; the page shows it on that interval's day. */
function dayErrorsOf(error: unknown, rules: Array<{ weekday: number }>): Record<number, string> {
  const issues =
    error instanceof TRPCError && error.cause && "issues" in error.cause
      ? (error.cause.issues as Array<{ path: PropertyKey[]; message: string }>)
      : [];
  const errors: Record<number, string> = {};
  for (const issue of issues) {
    const rule = issue.path[0] === "rules" ? rules[Number(issue.path[1])] : undefined;
    if (rule) errors[rule.weekday] ??= issue.message;
  }
  return errors;
}

const noticeLabel = (minutes: number) =>
  minutes === 0
    ? "No notice"
    : minutes < 1440
      ? `${minutes / 60} hour${minutes === 60 ? "" : "s"}`
      : `${minutes / 1440} day${minutes === 1440 ? "" : "s"}`;

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
          {WEEK.map(({ weekday, name }) => {
            const rules = hours.rules.filter((rule) => rule.weekday === weekday);
            const intervals = rules.length > 0 ? rules : [{ startMinute: 540, endMinute: 1020 }];
            const error = result?.dayErrors[weekday];
            return (
              <li key={weekday} className="flex flex-wrap items-start gap-4 py-3">
                <label className="flex w-36 items-center gap-2 pt-2 font-medium">
                  <input
                    type="checkbox"
                    name={`available-${weekday}`}
                    defaultChecked={rules.length > 0}
                  />
                  {name}
                </label>
                <div className="space-y-2">
                  {intervals.map((interval, index) => (
                    <div key={index} className="flex items-center gap-2 text-sm">
                      <input
                        type="time"
                        name={`start-${weekday}`}
                        aria-label={`${name} from`}
                        defaultValue={minutesToTime(interval.startMinute)}
                        aria-invalid={Boolean(error)}
                        className="rounded-md border border-tt-border px-2 py-1 aria-[invalid=true]:border-tt-danger"
                      />
                      <span aria-hidden="true">–</span>
                      <input
                        type="time"
                        name={`end-${weekday}`}
                        aria-label={`${name} until`}
                        defaultValue={minutesToTime(interval.endMinute)}
                        aria-invalid={Boolean(error)}
                        className="rounded-md border border-tt-border px-2 py-1 aria-[invalid=true]:border-tt-danger"
                      />
                    </div>
                  ))}
                  {error ? <p className="text-sm text-tt-danger">{error}</p> : null}
                </div>
              </li>
            );
          })}
        </ul>
        <div className="space-y-1">
          <label htmlFor="notice" className="block text-sm font-medium">
            Minimum notice
          </label>
          <select
            id="notice"
            name="notice"
            defaultValue={hours.minimumNoticeMinutes}
            className="rounded-md border border-tt-border bg-tt-surface px-3 py-2 text-sm"
          >
            {[...new Set([...NOTICE_CHOICES, hours.minimumNoticeMinutes])]
              .sort((a, b) => a - b)
              .map((minutes) => (
                <option key={minutes} value={minutes}>
                  {noticeLabel(minutes)}
                </option>
              ))}
          </select>
        </div>
        <FormError message={result && "form" in result ? result.form : undefined} />
        <SubmitButton pending={saving} pendingLabel="Saving…">
          Save hours
        </SubmitButton>
      </Form>
    </section>
  );
}
