import { CalendarStore } from "./calendar-store.ts";
import { Channels } from "./channels.ts";
import { Clock } from "./clock.ts";
import { PendingPolicy } from "./conferences.ts";
import { Faults } from "./faults.ts";
import { Journal } from "./journal.ts";
import { OAuthStore } from "./oauth-store.ts";

/** All in-memory state of one emulator instance. */
export class EmulatorState {
  readonly clock = new Clock();
  readonly oauth = new OAuthStore(this.clock);
  readonly pending = new PendingPolicy();
  readonly calendars = new CalendarStore(this.clock, this.pending);
  readonly journal = new Journal();
  readonly faults = new Faults();
  readonly channels = new Channels(this.clock);

  constructor() {
    this.calendars.onChange = (calendar) => this.channels.changed(calendar);
  }

  reset(): void {
    this.clock.reset();
    this.oauth.reset();
    this.pending.reset();
    this.calendars.reset();
    this.journal.reset();
    this.faults.reset();
    this.channels.reset();
  }
}
