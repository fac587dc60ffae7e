import type { GoogleErrorKind, GoogleOperation } from "./errors.ts";

/** Where failures and degraded results are reported; fields never contain tokens. */
export interface GoogleLogger {
  warn(message: string, fields: Record<string, unknown>): void;
}

/** One finished Google call: what it was, how it ended, how long it took. */
export interface GoogleCallOutcome {
  operation: GoogleOperation;
  outcome: "ok" | GoogleErrorKind;
  seconds: number;
}

export interface GoogleSettings {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** An origin such as the emulator's URL; Google's own hosts when omitted. */
  baseUrl?: string;
  /** Deadline of each HTTP call to Google. */
  timeoutMs?: number;
  /** How long createCalendarEvent waits for a pending Meet conference before returning without it. */
  conferenceWaitMs?: number;
  logger?: GoogleLogger;
  /** Told of every call as it ends, for metrics; never given tokens. */
  onCall?: (call: GoogleCallOutcome) => void;
}

export const defaultTimeoutMs = 10_000;
export const defaultConferenceWaitMs = 5_000;
