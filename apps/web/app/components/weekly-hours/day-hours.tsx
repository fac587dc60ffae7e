import { minutesToTime } from "~/weekly-hours-form";

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
  const intervals = rules.length > 0 ? rules : [DEFAULT_INTERVAL];
  return (
    <li className="flex flex-wrap items-start gap-4 py-3">
      <label className="flex w-36 items-center gap-2 pt-2 font-medium">
        <input type="checkbox" name={`available-${weekday}`} defaultChecked={rules.length > 0} />
        {name}
      </label>
      <div className="space-y-2">
        {intervals.map((interval, index) => (
          <div key={index} className="flex items-center gap-2 text-sm">
            <TimeInput
              name={`start-${weekday}`}
              label={`${name} from`}
              minute={interval.startMinute}
              invalid={Boolean(error)}
            />
            <span aria-hidden="true">–</span>
            <TimeInput
              name={`end-${weekday}`}
              label={`${name} until`}
              minute={interval.endMinute}
              invalid={Boolean(error)}
            />
          </div>
        ))}
        {error ? <p className="text-sm text-tt-danger">{error}</p> : null}
      </div>
    </li>
  );
}

function TimeInput({
  name,
  label,
  minute,
  invalid,
}: {
  name: string;
  label: string;
  minute: number;
  invalid: boolean;
}) {
  return (
    <input
      type="time"
      name={name}
      aria-label={label}
      defaultValue={minutesToTime(minute)}
      aria-invalid={invalid}
      className="rounded-md border border-tt-border px-2 py-1 aria-[invalid=true]:border-tt-danger"
    />
  );
}
