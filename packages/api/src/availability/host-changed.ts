import type { ApiDeps } from "../deps.ts";

/**
 * What changed about a host: its bookings (one made: its own row blocks the time, Google's busy
 * times still hold), its settings (hours, date overrides, packages, limits, zone, address), its
 * calendar (connected, disconnected, other calendars chosen, changed in Google, or time freed by a
 * cancelled or moved booking whose event held it): then Google's busy times are stale too; or its
 * `backoff` (Google asked to slow down for the host): only its kept settings row is stale.
 */
export type HostChangeKind = "bookings" | "settings" | "calendar" | "backoff";

type HostCaches = Pick<ApiDeps, "busyTimes" | "slotsAnswers" | "bookables" | "bookingLedgers">;
export type HostChangeDeps = HostCaches & Pick<ApiDeps, "hostChanges" | "logger">;

/**
 * The one call every change to what a host offers makes, once it is committed: this process
 * drops what it cached about the host at once, and every other web process of the database hears
 * of it (PostgreSQL's NOTIFY; @timetap/db's host-changes.ts) and drops the same.
 */
export function hostChanged(
  deps: HostChangeDeps,
  hostId: string,
  what: HostChangeKind,
  { toldByWrite = false }: { toldByWrite?: boolean } = {},
): void {
  forgetHost(deps, hostId, what);
  // A write that sent the notification itself (hostChanges.notification) needs no second one.
  if (toldByWrite) return;
  deps.hostChanges.publish({ hostId, what }).catch((error: unknown) =>
    // The others keep their answers until they expire; this process is already up to date.
    deps.logger.warn("host_change_not_sent", { hostId, what, message: (error as Error).message }),
  );
}

function forgetHost(deps: HostCaches, hostId: string, what: string): void {
  if (what === "calendar") deps.busyTimes.drop(hostId);
  // A new booking moves the host's booking version, which tells other processes' ledgers.
  if (what !== "bookings") {
    deps.bookables.dropHost(hostId);
    deps.bookingLedgers.dropHost(hostId);
  }
  if (what !== "backoff") deps.slotsAnswers.dropHost(hostId);
}

/**
 * Hears other processes' changes for the life of the process. When some may have gone unheard
 * (the listening connection lost, or back), everything cached is dropped; while it is lost,
 * `slotsAnswers` stores nothing (it asks `hostChanges.listening`), and busy times are dropped
 * again once it is back.
 */
export function listenForHostChanges(deps: HostCaches & Pick<ApiDeps, "hostChanges">) {
  deps.hostChanges.subscribe({
    changed: ({ hostId, what }) => forgetHost(deps, hostId, what),
    missed: () => {
      deps.busyTimes.clear();
      deps.slotsAnswers.clear();
      deps.bookables.clear();
      deps.bookingLedgers.clear();
    },
  });
}
