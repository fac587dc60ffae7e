export { createGoogle, type GoogleClient } from "./google.ts";
export type { GoogleCallOutcome, GoogleLogger, GoogleSettings } from "./settings.ts";
export { scopes as googleScopes, type ConnectedAccount } from "./auth.ts";
export type { BusyTime } from "./calendar.ts";
export type { CalendarListEntry } from "./calendar-list.ts";
export type { OpenedChannel, WatchRequest } from "./push-channels.ts";
export type { EventChange, EventChanges } from "./event-changes.ts";
export type {
  CalendarEventInput,
  CalendarEventResult,
  CalendarEventTimes,
  ConferenceStatus,
} from "./calendar-event.ts";
export { eventIdForBooking } from "./event-id.ts";
export { googleEndpoints } from "./endpoints.ts";
export {
  classifyGoogleError,
  GoogleApiError,
  type GoogleErrorKind,
  type GoogleOperation,
} from "./errors.ts";
