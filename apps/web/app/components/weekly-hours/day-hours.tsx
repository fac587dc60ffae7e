import { IntervalRows } from "~/components/interval-rows";

/** The working day a host without hours on that day is offered: 09:00–17:00. */
const DEFAULT_INTERVAL = { startMinute: 540, endMinute: 1020 };

/**
 * One weekday of the hours form: whether the host works that day (`available-{weekday}`) and its
 * intervals as `start-{weekday}`/`end-{weekday}` time pairs.
 */
export function DayHours({
  weekday,
  name,
  rules,
  error,
}: {
  weekday: number;
  name: string;
  rules: ReadonlyArray<{ startMinute: number; endMinute: number }>;
  error: string | undefined;
}) {
  return (
    <li className="flex flex-wrap items-start gap-4 py-3">
      <label className="flex w-36 items-center gap-2 pt-2 font-medium">
        <input type="checkbox" name={`available-${weekday}`} defaultChecked={rules.length > 0} />
        {name}
      </label>
      <div className="space-y-2">
        <IntervalRows
          startName={`start-${weekday}`}
          endName={`end-${weekday}`}
          label={name}
          intervals={rules.length > 0 ? rules : [DEFAULT_INTERVAL]}
          invalid={Boolean(error)}
        />
        {error ? <p className="text-sm text-tt-danger">{error}</p> : null}
      </div>
    </li>
  );
}
