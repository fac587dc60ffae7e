import { Link } from "@remix-run/react";
import { monthOverview } from "./free-days";
import { formatDayHeading, formatMonth, mondayOf, type LocalDate } from "./time";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * The month of the week shown, as a table: a day with free times is an underlined, bold link to
 * its week; a day without is plain text. Marked by shape and words, not by colour alone.
 */
export function MonthOverview({
  day,
  freeDays,
  weekHref,
}: {
  day: LocalDate;
  freeDays: readonly LocalDate[];
  weekHref: (start: LocalDate) => string;
}) {
  const weeks = monthOverview(day, freeDays);
  return (
    <table className="text-center text-sm">
      <caption className="mb-2 text-left font-semibold">
        Free days in {formatMonth(day)}
        <span className="block text-xs font-normal text-tt-text-muted">
          Underlined days have free times.
        </span>
      </caption>
      <thead>
        <tr>
          {WEEKDAYS.map((weekday) => (
            <th key={weekday} scope="col" className="px-1 font-medium text-tt-text-muted">
              <abbr title={weekday} className="no-underline">
                {weekday.slice(0, 2)}
              </abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week.find(Boolean)?.date}>
            {week.map((cell, index) => (
              <td key={cell?.date ?? index} className="h-8 w-8">
                {cell === null ? null : cell.hasTimes ? (
                  <Link
                    to={weekHref(mondayOf(cell.date))}
                    preventScrollReset
                    aria-label={`${formatDayHeading(cell.date)}: free times`}
                    className="block rounded-md font-bold text-tt-primary underline hover:bg-tt-background"
                  >
                    {Number(cell.date.slice(8))}
                  </Link>
                ) : (
                  <span className="text-tt-text-muted">{Number(cell.date.slice(8))}</span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
