import type { Clock } from "./clock.ts";
import { Conferences, type Conference, type PendingPolicy } from "./conferences.ts";

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
}

export interface BusyBlock {
  startMs: number;
  endMs: number;
}

export interface Calendar {
  owner: string;
  events: Map<string, StoredEvent>;
  busy: BusyBlock[];
  conferences: Conferences;
}

/** Every user's primary calendar, keyed by email. */
export class CalendarStore {
  private readonly calendars = new Map<string, Calendar>();

  constructor(
    private readonly clock: Clock,
    private readonly pending: PendingPolicy,
  ) {}

  reset(): void {
    this.calendars.clear();
  }

  calendar(email: string): Calendar {
    const owner = email.toLowerCase();
    let calendar = this.calendars.get(owner);
    if (!calendar) {
      calendar = {
        owner,
        events: new Map(),
        busy: [],
        conferences: new Conferences(this.clock, this.pending),
      };
      this.calendars.set(owner, calendar);
    }
    return calendar;
  }
}
