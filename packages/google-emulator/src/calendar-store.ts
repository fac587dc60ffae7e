import type { Clock } from "./clock.ts";
import { Conferences, type Conference, type PendingPolicy } from "./conferences.ts";
import { calendarId as randomCalendarId } from "./random.ts";

export type EventStatus = "confirmed" | "tentative" | "cancelled";

export interface Attendee {
  email: string;
  displayName?: string;
  optional?: boolean;
  responseStatus: string;
}

export interface StoredEvent {
  id: string;
  status: EventStatus;
  summary?: string;
  description?: string;
  location?: string;
  start: Record<string, unknown>;
  end: Record<string, unknown>;
  startMs: number;
  endMs: number;
  attendees: Attendee[];
  extendedProperties?: { private?: Record<string, string>; shared?: Record<string, string> };
  transparency?: string;
  conference?: Conference;
  created: number;
  updated: number;
  sequence: number;
  /** The calendar's change count when this event last changed: what a sync token compares. */
  version: number;
}

export interface BusyBlock {
  startMs: number;
  endMs: number;
}

export interface Calendar {
  /** The owner's email for a primary calendar, `…@group.calendar.google.com` for others. */
  id: string;
  owner: string;
  summary: string;
  primary: boolean;
  events: Map<string, StoredEvent>;
  busy: BusyBlock[];
  conferences: Conferences;
  /** The store's change count at this calendar's last change: a sync token is "changes after N". */
  version: number;
}

/** Every calendar, keyed by id; each user has a primary calendar and may own secondary ones. */
export class CalendarStore {
  private readonly calendars = new Map<string, Calendar>();
  /**
   * Every change to any calendar, counted since the emulator started, reset() included. A sync
   * token names a count: counting again from 0 after a reset made a token taken before it valid
   * again for different changes, so a client listing from it skipped the changes numbered at or
   * below it (a test's flag lost when the previous test's token was still saved). Google's tokens
   * never come back either.
   */
  private changes = 0;
  /** Called after every change to a calendar (push channels listen here). */
  onChange: (calendar: Calendar) => void = () => undefined;

  constructor(
    private readonly clock: Clock,
    private readonly pending: PendingPolicy,
  ) {}

  reset(): void {
    this.calendars.clear();
  }

  private create(id: string, owner: string, summary: string, primary: boolean): Calendar {
    const calendar: Calendar = {
      id,
      owner,
      summary,
      primary,
      events: new Map(),
      busy: [],
      conferences: new Conferences(this.clock, this.pending),
      version: 0,
    };
    this.calendars.set(id, calendar);
    return calendar;
  }

  /** The user's primary calendar, whose id is the user's email. */
  calendar(email: string): Calendar {
    const owner = email.toLowerCase();
    return this.calendars.get(owner) ?? this.create(owner, owner, owner, true);
  }

  addCalendar(email: string, summary: string): Calendar {
    const owner = email.toLowerCase();
    this.calendar(owner);
    return this.create(randomCalendarId(), owner, summary, false);
  }

  /** The calendar is gone for its owner, as when it is deleted or unshared in Google. */
  removeCalendar(id: string): boolean {
    const calendar = this.calendars.get(id);
    if (!calendar || calendar.primary) return false;
    return this.calendars.delete(id);
  }

  /** The calendars a user sees in their list: the primary one first. */
  listFor(email: string): Calendar[] {
    const owner = email.toLowerCase();
    const primary = this.calendar(owner);
    return [
      primary,
      ...[...this.calendars.values()].filter((c) => c.owner === owner && !c.primary),
    ];
  }

  /** `primary`, the user's email, or one of their calendars' ids; others do not exist for them. */
  find(email: string, calendarId: string): Calendar | undefined {
    const owner = email.toLowerCase();
    if (calendarId === "primary" || calendarId.toLowerCase() === owner) return this.calendar(owner);
    const calendar = this.calendars.get(calendarId);
    return calendar?.owner === owner ? calendar : undefined;
  }

  /** Records a change (of `event`, when one changed) and tells the listeners. */
  changed(calendar: Calendar, event?: StoredEvent): void {
    calendar.version = ++this.changes;
    if (event) event.version = calendar.version;
    this.onChange(calendar);
  }
}
