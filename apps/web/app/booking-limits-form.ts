import type { AppRouter, inferRouterInputs, inferRouterOutputs } from "@timetap/api";
import { noticeLabel } from "~/weekly-hours-form";

type HostInputs = inferRouterInputs<AppRouter>["host"];
type HostOutputs = inferRouterOutputs<AppRouter>["host"];
type BookingLimitsUpdate = HostInputs["updateBookingLimits"];
type StartInterval = NonNullable<BookingLimitsUpdate["startIntervalMinutes"]>;

/** The host's defaults, and the minimum notice they set with their weekly hours. */
export type HostDefaults = HostOutputs["bookingLimits"] &
  Pick<HostOutputs["weeklyHours"], "minimumNoticeMinutes">;

export const START_INTERVALS = [5, 10, 15, 30, 60] as const satisfies readonly StartInterval[];

const HOST_FIELDS = [
  "horizonDays",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "dailyMaximum",
  "startIntervalMinutes",
  "upcomingPerCustomer",
] as const;

export const PACKAGE_LIMIT_FIELDS = [
  "horizonDays",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "startIntervalMinutes",
  "minimumNoticeMinutes",
] as const;

type PackageLimitField = (typeof PACKAGE_LIMIT_FIELDS)[number];

/** The limits forms' fields as typed, so a refused form comes back as the host left it. */
export type HostLimitsFormValues = Record<(typeof HOST_FIELDS)[number], string>;
export type PackageLimitsFormValues = Record<PackageLimitField, string>;

/** Reads a form's fields: typed text by name, and a sentence for each that is not a number. */
function reader<Field extends string>(form: FormData, fields: readonly Field[]) {
  const values = Object.fromEntries(
    fields.map((field) => [field, String(form.get(field) ?? "").trim()]),
  ) as Record<Field, string>;
  const errors: Partial<Record<Field, string>> = {};
  /** Empty is null; a number out of range is the API's to refuse, with its own sentence. */
  const number = (field: Field) => {
    if (values[field] === "") return null;
    const value = Number(values[field]);
    if (!Number.isFinite(value)) errors[field] = "Give a number, like 15.";
    return value;
  };
  const startInterval = (field: Field): StartInterval | null => {
    const value = number(field);
    if (value === null || errors[field]) return null;
    const choice = START_INTERVALS.find((minutes) => minutes === value);
    if (choice === undefined) errors[field] = "Pick one of the choices.";
    return choice ?? null;
  };
  return { values, errors, number, startInterval };
}

/**
 * The host-defaults form: days ahead are needed, an empty buffer is none, an empty daily maximum
 * is no limit, and no start interval is the session's length.
 */
export function hostLimitsFromForm(form: FormData) {
  const read = reader(form, HOST_FIELDS);
  const horizonDays = read.number("horizonDays");
  if (horizonDays === null) read.errors.horizonDays = "Give a number of days.";
  const upcomingPerCustomer = read.number("upcomingPerCustomer");
  if (upcomingPerCustomer === null) read.errors.upcomingPerCustomer = "Give a number of sessions.";
  const limits: BookingLimitsUpdate = {
    horizonDays: horizonDays ?? 0,
    bufferBeforeMinutes: read.number("bufferBeforeMinutes") ?? 0,
    bufferAfterMinutes: read.number("bufferAfterMinutes") ?? 0,
    dailyMaximum: read.number("dailyMaximum"),
    startIntervalMinutes: read.startInterval("startIntervalMinutes"),
    upcomingPerCustomer: upcomingPerCustomer ?? 0,
  };
  if (Object.keys(read.errors).length > 0) return { values: read.values, errors: read.errors };
  return { values: read.values, limits };
}

export function hostLimitsFormValues(limits: BookingLimitsUpdate): HostLimitsFormValues {
  return {
    horizonDays: String(limits.horizonDays),
    bufferBeforeMinutes: String(limits.bufferBeforeMinutes),
    bufferAfterMinutes: String(limits.bufferAfterMinutes),
    dailyMaximum: limits.dailyMaximum === null ? "" : String(limits.dailyMaximum),
    startIntervalMinutes:
      limits.startIntervalMinutes === null ? "" : String(limits.startIntervalMinutes),
    upcomingPerCustomer: String(limits.upcomingPerCustomer ?? ""),
  };
}

/** A package's overrides from its form: each empty field is null, the host's default. */
export function packageLimitsFromForm(form: FormData) {
  const read = reader(form, PACKAGE_LIMIT_FIELDS);
  const limits = {
    horizonDays: read.number("horizonDays"),
    bufferBeforeMinutes: read.number("bufferBeforeMinutes"),
    bufferAfterMinutes: read.number("bufferAfterMinutes"),
    startIntervalMinutes: read.startInterval("startIntervalMinutes"),
    minimumNoticeMinutes: read.number("minimumNoticeMinutes"),
  } satisfies Omit<HostInputs["updatePackageLimits"], "packageId">;
  return { values: read.values, errors: read.errors, limits };
}

export function packageLimitsFormValues(
  pkg: Record<PackageLimitField, number | null>,
): PackageLimitsFormValues {
  return Object.fromEntries(
    PACKAGE_LIMIT_FIELDS.map((field) => [field, pkg[field] === null ? "" : String(pkg[field])]),
  ) as PackageLimitsFormValues;
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** Each limit's value in words, as the forms' hints and the packages list say it. */
export const limitWords = {
  horizonDays: (days: number) => plural(days, "day"),
  bufferMinutes: (minutes: number) => (minutes === 0 ? "none" : `${minutes} min`),
  startInterval: (minutes: number | null) =>
    minutes === null ? "the session's length" : `every ${minutes} minutes`,
  notice: (minutes: number) => noticeLabel(minutes).toLowerCase(),
};

/** A package's own limits in one short line ("15 min buffer after · books up to 30 days ahead"). */
export function limitsSummary(pkg: Record<PackageLimitField, number | null>): string {
  const parts = [
    pkg.bufferBeforeMinutes === null ? null : `${pkg.bufferBeforeMinutes} min buffer before`,
    pkg.bufferAfterMinutes === null ? null : `${pkg.bufferAfterMinutes} min buffer after`,
    pkg.startIntervalMinutes === null ? null : `starts every ${pkg.startIntervalMinutes} min`,
    pkg.minimumNoticeMinutes === null
      ? null
      : pkg.minimumNoticeMinutes === 0
        ? "no notice needed"
        : `${noticeLabel(pkg.minimumNoticeMinutes)} notice`,
    pkg.horizonDays === null
      ? null
      : `books up to ${limitWords.horizonDays(pkg.horizonDays)} ahead`,
  ];
  return parts.filter((part) => part !== null).join(" · ");
}
