export { createApiHarness } from "./api-harness.ts";
export {
  bookingInput,
  demoWithCalendar,
  MONDAY_MORNING,
  MONDAY_TEN_BERLIN,
} from "./booking-fixtures.ts";
export { runDueSyncs } from "../services/calendar-sync.service.ts";
