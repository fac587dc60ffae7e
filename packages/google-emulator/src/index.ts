export { startEmulator, type EmulatorOptions } from "./server.ts";
export { operations } from "./types.ts";
export type {
  CalendarInfo,
  ChannelInfo,
  Emulator,
  EmulatorUser,
  EventResource,
  FailureSpec,
  HostEventSpec,
  Invitation,
  NotificationDelivery,
  Operation,
  PendingConferenceSpec,
  RecordedRequest,
  TimeRange,
  UserOptions,
} from "./types.ts";
