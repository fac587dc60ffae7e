import { useNavigate } from "@remix-run/react";
import { useEffect, type RefObject } from "react";
import { weekSearch, type MovingRef } from "./week-search";

/**
 * The zone the page shows its times in, once its script has taken over. A visitor who picked a
 * zone before that gets their pick: it is only in the select then (hydration leaves a select as it
 * finds it, and the form's change never reached the script), so without this the select would
 * show their zone above times in another. Otherwise, on a first visit (no `tz` in the address),
 * the browser's zone when it differs from the host's. Either replaces the entry, so Back does not
 * return to the zone left.
 */
export function useBrowserZone({
  zoneInAddress,
  timeZone,
  packageId,
  week,
  moving,
  zoneSelect,
}: {
  zoneInAddress: boolean;
  timeZone: string;
  packageId: string;
  week: string;
  moving: MovingRef | null;
  /** The zone picker's select (ZonePicker). */
  zoneSelect: RefObject<HTMLSelectElement>;
}) {
  const navigate = useNavigate();
  useEffect(() => {
    const picked = zoneSelect.current?.value;
    const zone =
      picked && picked !== timeZone
        ? picked
        : zoneInAddress
          ? null
          : Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === timeZone) return;
    navigate(`?${weekSearch(packageId, zone, week, moving)}`, {
      replace: true,
      preventScrollReset: true,
    });
  }, [zoneInAddress, timeZone, packageId, week, navigate, moving, zoneSelect]);
}
