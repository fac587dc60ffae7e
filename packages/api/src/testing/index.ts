export { createApiHarness } from "./api-harness.ts";
export {
  bookingInput,
  createAllDayHost,
  demoWithCalendar,
  MONDAY_MORNING,
  MONDAY_TEN_BERLIN,
} from "./booking-fixtures.ts";
export { legacyEncrypt } from "./legacy-token.ts";
export { serveApi } from "./serve-api.ts";
export { runDueSyncs } from "../calendar-sync/calendar-sync.service.ts";
