/**
 * A booking being moved, as the booking page's address names it: with the customer's token
 * (`reschedule` and `token`), or by its host, signed in (`move`, token null).
 */
export interface MovingRef {
  id: string;
  token: string | null;
}

/** The address parameters that keep a booking being moved across weeks and zones. */
export function movingParams(moving: MovingRef | null): Array<[string, string]> {
  if (!moving) return [];
  return moving.token === null
    ? [["move", moving.id]]
    : [
        ["reschedule", moving.id],
        ["token", moving.token],
      ];
}

/** The address of a week, keeping the visitor's zone only when they have one. */
export function weekSearch(
  packageId: string,
  timeZone: string | null,
  week: string,
  moving: MovingRef | null,
): URLSearchParams {
  const search = new URLSearchParams([["package", packageId], ...movingParams(moving)]);
  if (timeZone) search.set("tz", timeZone);
  search.set("week", week);
  return search;
}
