import type { ApiDeps } from "../deps.ts";

const hostPrefix = (hostId: string) => `${hostId}|`;

/** The cache key of one host's busy times in one window. */
export const busyTimesKey = (hostId: string, from: Date, to: Date) =>
  `${hostPrefix(hostId)}${from.toISOString()}|${to.toISOString()}`;

/** After every booking change and calendar (re)connection: the host's calendar has changed. */
export function invalidateBusyTimes(deps: Pick<ApiDeps, "busyTimes">, hostId: string): void {
  deps.busyTimes.deletePrefix(hostPrefix(hostId));
}
