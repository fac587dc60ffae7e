/** Where failures and degraded results are reported; fields never contain tokens. */
export interface GoogleLogger {
  warn(message: string, fields: Record<string, unknown>): void;
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
}

export const defaultTimeoutMs = 10_000;
export const defaultConferenceWaitMs = 5_000;
