/** Typed service errors; the base procedure maps them to tRPC codes in one place (trpc.ts). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

export class SlugTakenError extends Error {
  override name = "SlugTakenError";
}

/** Someone else holds an overlapping time: the database's exclusion constraint said so. */
export class SlotTakenError extends Error {
  override name = "SlotTakenError";
  constructor() {
    super("This time was just booked. Please pick another.");
  }
}

/** The requested start is not one of the host's offered slots (off the grid, too soon, past). */
export class SlotNotOfferedError extends Error {
  override name = "SlotNotOfferedError";
  constructor() {
    super("This time is not offered. Please pick another.");
  }
}

/** A session that has begun (or ended) can no longer be cancelled or moved. */
export class BookingStartedError extends Error {
  override name = "BookingStartedError";
  constructor(change: "cancelled" | "moved") {
    super(`This session has already started, so it can no longer be ${change}.`);
  }
}

/** A cancelled booking stays cancelled: it cannot be moved. */
export class BookingCancelledError extends Error {
  override name = "BookingCancelledError";
  constructor() {
    super("This booking was cancelled, so it cannot be moved. Please book a new time.");
  }
}

/** A calendar sync the host asked to retry cannot go now; the message says what to do instead. */
export class RetryRefusedError extends Error {
  override name = "RetryRefusedError";
}

/** The time the host moved a session's event to in Google cannot hold the booking; the message says why. */
export class GoogleTimeRefusedError extends Error {
  override name = "GoogleTimeRefusedError";
}

/** Days off and special hours are for today or later, in the host's zone. */
export class PastDateError extends Error {
  override name = "PastDateError";
  constructor() {
    super("Pick today or a later date.");
  }
}

/** Each date has at most one override: days off and special hours on it would contradict. */
export class DateOverrideConflictError extends Error {
  override name = "DateOverrideConflictError";
  constructor() {
    super("You already have days off or special hours on these dates. Remove them first.");
  }
}

/** A client (an address or a customer email) went past an abuse limit; try again later. */
export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  constructor(
    readonly limit: string,
    readonly retryAfterSeconds: number,
  ) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      `Too many attempts. Please try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.`,
    );
  }
}

/** The requested time lies further ahead than the package lets customers book. */
export class BeyondHorizonError extends Error {
  override name = "BeyondHorizonError";
  constructor(horizonDays: number) {
    super(`Bookings open at most ${horizonDays} ${horizonDays === 1 ? "day" : "days"} ahead.`);
  }
}

/** The host's day already holds their daily maximum of bookings. */
export class DayFullError extends Error {
  override name = "DayFullError";
  constructor() {
    super("This day is fully booked. Please pick another day.");
  }
}

/** A new order of a host's packages must name each of their current packages exactly once. */
export class PackageOrderError extends Error {
  override name = "PackageOrderError";
  constructor() {
    super("List each of your packages exactly once, in the order you want them.");
  }
}

/** Google does not vouch for the account's email, so it proves nothing about who signs in. */
export class UnverifiedEmailError extends Error {
  override name = "UnverifiedEmailError";
  constructor() {
    super(
      "Google has not verified the email address of this account, so it cannot sign in to TimeTap. Verify it with Google, then try again.",
    );
  }
}

/** The email is a host's who signs in with another Google account (another `sub`). */
export class EmailOfAnotherAccountError extends Error {
  override name = "EmailOfAnotherAccountError";
  constructor() {
    super(
      "This email already belongs to another TimeTap account, which signs in with a different Google account. Please sign in with that Google account.",
    );
  }
}

/** The customer already holds as many upcoming sessions with this host as the host allows. */
export class TooManyUpcomingError extends Error {
  override name = "TooManyUpcomingError";
  constructor(limit: number, hostName: string) {
    super(
      `You already have ${limit} upcoming ${limit === 1 ? "session" : "sessions"} with ${hostName}. Please book another once one has taken place, or cancel one first.`,
    );
  }
}

/** TimeTap cannot read the host's list of Google calendars; the message says what to do. */
export class CalendarListUnavailableError extends Error {
  override name = "CalendarListUnavailableError";
}

/** A chosen calendar is not one the host may use that way (unknown, gone, or read-only for sessions). */
export class UnusableCalendarError extends Error {
  override name = "UnusableCalendarError";
}

/** An API key past the expiry its host chose: refused as if it were not a key at all. */
export class ApiKeyExpiredError extends Error {
  override name = "ApiKeyExpiredError";
  constructor(expiredAt: Date) {
    super(
      `This API key expired on ${expiredAt.toISOString().slice(0, 10)}. Make a new one on the dashboard.`,
    );
  }
}

/** The API key works, but its host did not let it do this. */
export class ApiKeyScopeError extends Error {
  override name = "ApiKeyScopeError";
  constructor(scopeLabel: string) {
    super(
      `This API key may not do this: it needs “${scopeLabel}”. Make a key with that ticked on the dashboard.`,
    );
  }
}
