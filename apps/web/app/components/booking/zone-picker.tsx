import { Form, useSubmit } from "@remix-run/react";
import type { RefObject } from "react";
import { useHydrated } from "../use-hydrated";
import { movingParams, type MovingRef } from "./week-search";

/**
 * The visitor's time zone, as a GET form that keeps the package, week and booking being moved.
 * With JavaScript a change applies at once; without it, a button submits the choice.
 */
export function ZonePicker({
  packageId,
  week,
  moving,
  timeZone,
  timeZones,
  zoneSelect,
}: {
  packageId: string;
  week: string;
  moving: MovingRef | null;
  timeZone: string;
  timeZones: readonly string[];
  /** The select, for a zone picked before the page's script took over (useBrowserZone). */
  zoneSelect: RefObject<HTMLSelectElement>;
}) {
  const submit = useSubmit();
  const hydrated = useHydrated();
  return (
    <Form
      method="get"
      className="flex items-end gap-2"
      onChange={(event) => submit(event.currentTarget, { replace: true, preventScrollReset: true })}
    >
      <input type="hidden" name="package" value={packageId} />
      <input type="hidden" name="week" value={week} />
      {movingParams(moving).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="space-y-1">
        <label htmlFor="tz" className="block text-sm font-medium">
          Time zone
        </label>
        <select
          key={timeZone}
          ref={zoneSelect}
          id="tz"
          name="tz"
          defaultValue={timeZone}
          className="rounded-md border border-tt-border bg-tt-surface px-3 py-2 text-sm"
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      </div>
      {hydrated ? null : (
        <button
          type="submit"
          className="rounded-md border border-tt-border px-3 py-2 text-sm font-medium hover:bg-tt-background"
        >
          Show times
        </button>
      )}
    </Form>
  );
}
