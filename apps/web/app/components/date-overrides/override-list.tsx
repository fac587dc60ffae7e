import { Form } from "@remix-run/react";
import { format } from "date-fns/format";
import { parseISO } from "date-fns/parseISO";
import { minutesToTime } from "~/weekly-hours-form";

interface Override {
  id: string;
  from: string;
  to: string;
  note: string;
  dayOff: boolean;
  intervals: Array<{ startMinute: number; endMinute: number }>;
}

/** "2027-02-03" as hosts read it, the same on the server and in any browser: "Wed 3 Feb 2027". */
const formatCalendarDate = (date: string) => format(parseISO(date), "EEE d MMM yyyy");

function describe(override: Override) {
  const dates =
    override.from === override.to
      ? formatCalendarDate(override.from)
      : `${formatCalendarDate(override.from)} – ${formatCalendarDate(override.to)}`;
  const hours = override.dayOff
    ? "Day off"
    : override.intervals
        .map(
          (interval) =>
            `${minutesToTime(interval.startMinute)}–${minutesToTime(interval.endMinute)}`,
        )
        .join(", ");
  return { dates, hours };
}

/** The host's upcoming days off and special hours, each with a button that removes it. */
export function OverrideList({ overrides }: { overrides: Override[] }) {
  if (overrides.length === 0)
    return <p className="text-sm text-tt-text-muted">No days off or special hours ahead.</p>;
  return (
    <ul className="divide-y divide-tt-border" aria-label="Days off and special hours">
      {overrides.map((override) => {
        const { dates, hours } = describe(override);
        return (
          <li key={override.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-medium">{dates}</p>
              <p className="text-sm text-tt-text-muted">
                {hours}
                {override.note ? ` · ${override.note}` : null}
              </p>
            </div>
            <Form method="post">
              <input type="hidden" name="intent" value="remove-override" />
              <input type="hidden" name="id" value={override.id} />
              <button
                type="submit"
                className="text-sm text-tt-primary underline"
                aria-label={`Remove ${dates}`}
              >
                Remove
              </button>
            </Form>
          </li>
        );
      })}
    </ul>
  );
}
