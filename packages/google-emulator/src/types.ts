export const operations = [
  "token",
  "userinfo",
  "revoke",
  "freebusy",
  "events.insert",
  "events.get",
  "events.patch",
  "events.delete",
  "events.list",
  "events.watch",
  "channels.stop",
  "calendarList.list",
] as const;

/** The Google calls whose behaviour tests can change with fault injection. */
export type Operation = (typeof operations)[number];

export function isOperation(value: unknown): value is Operation {
  return typeof value === "string" && (operations as readonly string[]).includes(value);
}

export interface FailureSpec {
  count?: number;
  status: number;
  reason: string;
  message?: string;
}

export interface PendingConferenceSpec {
  /** Number of events.get calls that still see the conference as pending. */
  polls?: number;
  /** Time (ms) during which the conference stays pending. */
  ms?: number;
  /** How many newly created conferences this applies to; all of them until reset when omitted. */
  count?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  operation: Operation | "authorize" | "consent" | null;
  at: string;
}

export interface Invitation {
  to: string;
  eventId: string;
  kind: "invite" | "update" | "cancel";
  meetLink?: string;
}

export interface EmulatorUser {
  email: string;
  name: string;
  sub: string;
  emailVerified: boolean;
}

/** Picks (or creates) an account by `sub`, and sets whether Google reports its email verified. */
export interface UserOptions {
  sub?: string;
  emailVerified?: boolean;
}

export interface TimeRange {
  start: Date | string;
  end: Date | string;
}

/** A calendar the host keeps besides the primary one. */
export interface CalendarInfo {
  id: string;
  summary: string;
}

/** An event as the host makes it in Google's own calendar app. */
export interface HostEventSpec extends TimeRange {
  calendarId?: string;
  summary?: string;
}

export interface ChannelInfo {
  id: string;
  calendarId: string;
  address: string;
  expiration: string;
  stopped: boolean;
  /** Not stopped and not expired: changes are still pushed to it. */
  live: boolean;
}

/** One notification POSTed to a channel's address; `status` is null while in flight, 0 when unreachable. */
export interface NotificationDelivery {
  channelId: string;
  resourceState: "sync" | "exists";
  messageNumber: number;
  status: number | null;
}

export type EventResource = Record<string, unknown> & { id: string; status: string };

export interface Emulator {
  url: string;
  close(): Promise<void>;
  reset(): void;
  createUser(email: string, name?: string, options?: UserOptions): EmulatorUser;
  issueRefreshToken(email: string, options?: { scopes?: string[] }): string;
  addBusy(email: string, range: TimeRange): void;
  failNext(operation: Operation, failure: FailureSpec): void;
  setLatency(operation: Operation, ms: number): void;
  hang(operation: Operation, count?: number): void;
  conferencePending(spec: PendingConferenceSpec): void;
  revokeUser(email: string): void;
  advanceTime(ms: number): void;
  requests(): RecordedRequest[];
  invitations(): Invitation[];
  /** The events of the user's primary calendar, or of `calendarId`. */
  events(email: string, calendarId?: string): EventResource[];
  addCalendar(email: string, summary: string): CalendarInfo;
  /** The calendar is deleted or no longer shared with the user. */
  removeCalendar(email: string, calendarId: string): void;
  /** The host adds, moves and deletes events themselves; watchers are notified as by Google. */
  addEvent(email: string, spec: HostEventSpec): EventResource;
  moveEvent(email: string, eventId: string, spec: HostEventSpec): EventResource;
  deleteEvent(email: string, eventId: string, calendarId?: string): void;
  channels(): ChannelInfo[];
  notifications(): NotificationDelivery[];
}
