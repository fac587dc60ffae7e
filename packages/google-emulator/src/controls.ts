import { ControlError, instant } from "./control-input.ts";
import { eventResource } from "./event-resource.ts";
import { hostEdits } from "./host-edits.ts";
import type { EmulatorState } from "./state.ts";
import {
  isOperation,
  type Emulator,
  type Operation,
  type TimeRange,
  type UserOptions,
} from "./types.ts";

export type Controls = Omit<Emulator, "url" | "close">;

function operation(value: unknown): Operation {
  if (!isOperation(value)) throw new ControlError(`Unknown operation: ${String(value)}`);
  return value;
}

function nonNegative(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ControlError(`${name} must be a non-negative number`);
  }
  return value;
}

function email(value: unknown): string {
  if (typeof value !== "string" || !value.includes("@"))
    throw new ControlError("email must be an email address");
  return value;
}

/** Control bodies are unchecked JSON, so the fields are checked here. */
function userOptions(options: UserOptions | undefined): UserOptions {
  const { sub, emailVerified }: { sub?: unknown; emailVerified?: unknown } = options ?? {};
  if (sub !== undefined && (typeof sub !== "string" || !/^[\w-]{1,255}$/.test(sub)))
    throw new ControlError("sub must be letters, digits and hyphens");
  if (emailVerified !== undefined && typeof emailVerified !== "boolean")
    throw new ControlError("emailVerified must be a boolean");
  return { sub, emailVerified };
}

/** The test-facing control surface; `dropHeld` answers nothing and frees every hung request. */
export function createControls(state: EmulatorState, dropHeld: () => void): Controls {
  return {
    reset() {
      dropHeld();
      state.reset();
    },
    createUser(address, name, options) {
      return state.oauth.upsertUser(email(address), name, userOptions(options));
    },
    issueRefreshToken(address, options) {
      return state.oauth.issueRefreshToken(email(address), options?.scopes);
    },
    addBusy(address, range: TimeRange) {
      const startMs = instant(range.start, "start");
      const endMs = instant(range.end, "end");
      if (endMs <= startMs) throw new ControlError("end must be after start");
      const calendar = state.calendars.calendar(email(address));
      calendar.busy.push({ startMs, endMs });
      state.calendars.changed(calendar);
    },
    failNext(op, failure) {
      const status = nonNegative(failure.status, "status");
      if (typeof failure.reason !== "string") throw new ControlError("reason must be a string");
      state.faults.failNext(operation(op), {
        status,
        reason: failure.reason,
        count: failure.count === undefined ? 1 : nonNegative(failure.count, "count"),
        message: failure.message,
      });
    },
    setLatency(op, ms) {
      state.faults.setLatency(operation(op), nonNegative(ms, "ms"));
    },
    hang(op, count = 1) {
      state.faults.hang(operation(op), nonNegative(count, "count"));
    },
    conferencePending(spec) {
      state.pending.set({
        polls: spec.polls === undefined ? undefined : nonNegative(spec.polls, "polls"),
        ms: spec.ms === undefined ? undefined : nonNegative(spec.ms, "ms"),
        count: spec.count === undefined ? undefined : nonNegative(spec.count, "count"),
      });
    },
    revokeUser(address) {
      state.oauth.revokeUser(email(address));
    },
    advanceTime(ms) {
      state.clock.advance(nonNegative(ms, "ms"));
    },
    requests() {
      return state.journal.requests();
    },
    invitations() {
      return state.journal.invitations();
    },
    events(address, calendarId = "primary") {
      const calendar = state.calendars.find(email(address), calendarId);
      if (!calendar) throw new ControlError(`${address} has no calendar ${calendarId}`);
      return [...calendar.events.values()].map((event) => eventResource(calendar, event));
    },
    addCalendar(address, summary) {
      if (typeof summary !== "string" || summary.trim() === "")
        throw new ControlError("summary must be a calendar name");
      const { id } = state.calendars.addCalendar(email(address), summary);
      return { id, summary };
    },
    removeCalendar(address, calendarId) {
      const calendar = state.calendars.find(email(address), calendarId);
      if (!calendar || !state.calendars.removeCalendar(calendar.id))
        throw new ControlError(`${address} has no secondary calendar ${calendarId}`);
    },
    ...hostEdits(state),
    channels() {
      return state.channels.list();
    },
    notifications() {
      return state.channels.notifications();
    },
  };
}
