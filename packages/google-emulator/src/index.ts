export { startEmulator, type EmulatorOptions } from "./server.ts";
export { operations } from "./types.ts";
export type {
  Emulator,
  EmulatorUser,
  EventResource,
  FailureSpec,
  Invitation,
  Operation,
  PendingConferenceSpec,
  RecordedRequest,
  TimeRange,
  UserOptions,
} from "./types.ts";
