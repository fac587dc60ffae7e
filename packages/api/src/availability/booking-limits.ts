import type { Host, Prisma, SessionPackage } from "@timetap/db";

const DAY_MS = 24 * 60 * 60_000;

/** The package columns its effective limits are read from. */
export const packageLimitsSelect = {
  durationMinutes: true,
  horizonDays: true,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  startIntervalMinutes: true,
  minimumNoticeMinutes: true,
} satisfies Prisma.SessionPackageSelect;

type HostLimits = Pick<
  Host,
  | "horizonDays"
  | "bufferBeforeMinutes"
  | "bufferAfterMinutes"
  | "dailyMaximum"
  | "startIntervalMinutes"
  | "minimumNoticeMinutes"
>;
type PackageLimits = Pick<SessionPackage, keyof typeof packageLimitsSelect>;

/**
 * The limits one package books under: each of its overrides, or else the host's default. The
 * daily maximum is the host's alone (it counts every package), and a start interval set nowhere
 * means the package's own length.
 */
export function effectiveLimits(host: HostLimits, pkg: PackageLimits) {
  return {
    horizonDays: pkg.horizonDays ?? host.horizonDays,
    bufferBeforeMinutes: pkg.bufferBeforeMinutes ?? host.bufferBeforeMinutes,
    bufferAfterMinutes: pkg.bufferAfterMinutes ?? host.bufferAfterMinutes,
    minimumNoticeMinutes: pkg.minimumNoticeMinutes ?? host.minimumNoticeMinutes,
    startIntervalMinutes:
      pkg.startIntervalMinutes ?? host.startIntervalMinutes ?? pkg.durationMinutes,
    dailyMaximum: host.dailyMaximum,
  };
}

export type BookingLimits = ReturnType<typeof effectiveLimits>;

/** The first instant past the horizon: a session may start before it, not at or after it. */
export function horizonEnd(now: Date, horizonDays: number): Date {
  return new Date(now.getTime() + horizonDays * DAY_MS);
}
