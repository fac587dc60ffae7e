import { useState } from "react";
import { useHydrated } from "~/components/use-hydrated";
import { INTERVAL_ROWS, minutesToTime } from "~/weekly-hours-form";

interface Row {
  key: number;
  start: string;
  end: string;
}

/**
 * A day's intervals as `startName`/`endName` time pairs. Without JavaScript the form shows a fixed
 * number of rows (empty ones are ignored); with it, rows are added and removed one by one.
 */
export function IntervalRows({
  startName,
  endName,
  label,
  intervals,
  invalid,
}: {
  startName: string;
  endName: string;
  /** What the day is called in the inputs' labels: "Monday", "Special hours". */
  label: string;
  intervals: ReadonlyArray<{ startMinute: number; endMinute: number }>;
  invalid: boolean;
}) {
  const hydrated = useHydrated();
  const [rows, setRows] = useState<Row[]>(() =>
    intervals.map((interval, key) => ({
      key,
      start: minutesToTime(interval.startMinute),
      end: minutesToTime(interval.endMinute),
    })),
  );
  const shown = hydrated
    ? rows
    : [
        ...rows,
        ...Array.from({ length: Math.max(0, INTERVAL_ROWS - rows.length) }, (_, index) => ({
          key: rows.length + index,
          start: "",
          end: "",
        })),
      ];
  // The first row keeps the plain labels ("Monday from"); later ones say which interval they are.
  const rowLabel = (index: number) => (index === 0 ? label : `${label}, interval ${index + 1},`);

  return (
    <>
      {shown.map((row, index) => (
        <div key={row.key} className="flex items-center gap-2 text-sm">
          <TimeInput
            name={startName}
            label={`${rowLabel(index)} from`}
            value={row.start}
            invalid={invalid}
          />
          <span aria-hidden="true">–</span>
          <TimeInput
            name={endName}
            label={`${rowLabel(index)} until`}
            value={row.end}
            invalid={invalid}
          />
          {hydrated && rows.length > 1 ? (
            <button
              type="button"
              onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
              className="text-tt-primary underline"
              aria-label={`Remove ${label} interval ${index + 1}`}
            >
              Remove
            </button>
          ) : null}
        </div>
      ))}
      {hydrated ? (
        <button
          type="button"
          onClick={() =>
            setRows([
              ...rows,
              { key: Math.max(-1, ...rows.map((r) => r.key)) + 1, start: "", end: "" },
            ])
          }
          className="text-sm text-tt-primary underline"
          aria-label={`Add interval on ${label}`}
        >
          Add interval
        </button>
      ) : null}
    </>
  );
}

function TimeInput({
  name,
  label,
  value,
  invalid,
}: {
  name: string;
  label: string;
  value: string;
  invalid: boolean;
}) {
  return (
    <input
      type="time"
      name={name}
      aria-label={label}
      defaultValue={value}
      aria-invalid={invalid}
      className="rounded-md border border-tt-border px-2 py-1 aria-[invalid=true]:border-tt-danger"
    />
  );
}
