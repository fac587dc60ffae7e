import { useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { weekSearch, type MovingRef } from "./week-search";

/**
 * On a first visit (no `tz` in the address) the page switches to the browser's zone when it
 * differs from the host's, replacing the entry so Back does not return to the host's zone.
 */
export function useBrowserZone({
  zoneInAddress,
  timeZone,
  packageId,
  week,
  moving,
}: {
  zoneInAddress: boolean;
  timeZone: string;
  packageId: string;
  week: string;
  moving: MovingRef | null;
}) {
  const navigate = useNavigate();
  useEffect(() => {
    if (zoneInAddress) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browserZone || browserZone === timeZone) return;
    navigate(`?${weekSearch(packageId, browserZone, week, moving)}`, {
      replace: true,
      preventScrollReset: true,
    });
  }, [zoneInAddress, timeZone, packageId, week, navigate, moving]);
}
