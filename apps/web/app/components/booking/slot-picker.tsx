import type { ReactNode } from "react";
import { formatDayHeading, formatTime, groupByLocalDay, type Slot } from "./time";

/**
 * The free times of one week as radio buttons named `startTime` (value: the ISO instant), one
 * group per local day, so a plain HTML form submits the choice without JavaScript.
 */
export function SlotPicker({
  slots,
  timeZone,
  defaultValue,
  error,
  emptyHint,
  onSelect,
}: {
  slots: readonly Slot[];
  timeZone: string;
  defaultValue?: string | undefined;
  error?: string | undefined;
  /** Shown under "No free times this week.", typically a way to another week. */
  emptyHint?: ReactNode;
  onSelect?: (startTime: string) => void;
}) {
  const days = groupByLocalDay(slots, timeZone);
  return (
    <fieldset aria-describedby={error ? "startTime-error" : undefined}>
      <legend className="sr-only">Pick a time</legend>
      {error ? (
        <p
          id="startTime-error"
          role="alert"
          className="mb-4 rounded-md bg-tt-danger-soft px-4 py-3 text-sm text-tt-danger"
        >
          {error}
        </p>
      ) : null}
      {days.length === 0 ? (
        <div className="rounded-lg border border-dashed border-tt-border px-6 py-10 text-center">
          <p className="font-medium">No free times this week.</p>
          {emptyHint ? <div className="mt-2 text-sm">{emptyHint}</div> : null}
        </div>
      ) : (
        <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
          {days.map((day) => {
            const headingId = `day-${day.date}`;
            return (
              <div key={day.date} role="group" aria-labelledby={headingId}>
                <h3 id={headingId} className="mb-3 text-sm font-semibold">
                  {formatDayHeading(day.date)}
                </h3>
                <ul className="grid grid-cols-2 gap-2">
                  {day.slots.map((slot) => {
                    const value = slot.start.toISOString();
                    return (
                      <li key={value}>
                        <label className="relative block">
                          {/* The input covers its pill, so a click or tap lands on the radio itself. */}
                          <input
                            type="radio"
                            name="startTime"
                            value={value}
                            defaultChecked={value === defaultValue}
                            onChange={() => onSelect?.(value)}
                            className="peer absolute inset-0 h-full w-full cursor-pointer opacity-0"
                          />
                          <span className="block rounded-md border border-tt-border bg-tt-surface py-2 text-center text-sm font-medium text-tt-primary peer-checked:border-tt-primary peer-checked:bg-tt-primary peer-checked:text-white peer-hover:border-tt-primary peer-focus-visible:ring-2 peer-focus-visible:ring-tt-primary peer-focus-visible:ring-offset-2">
                            {formatTime(slot.start, timeZone)}
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
