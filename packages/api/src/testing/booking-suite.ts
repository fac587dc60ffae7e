import { afterAll, beforeAll, beforeEach } from "vitest";
import { createApiHarness } from "./api-harness.ts";
import { demoWithCalendar, MONDAY_MORNING, type Harness } from "./booking-fixtures.ts";

// Kept apart from booking-fixtures.ts: importing vitest outside a test run throws, and the
// fixtures also serve `pnpm bench`.

/**
 * Registers the hooks of a booking test file: one harness for the file, and before each test an
 * empty emulator, no bookings, the clock at MONDAY_MORNING and the demo host connected. Read the
 * returned object's fields inside tests (they are set by the hooks).
 */
export function useBookingHarness() {
  const suite = {} as { harness: Harness; intro: { id: string } };
  beforeAll(async () => {
    suite.harness = await createApiHarness({ now: MONDAY_MORNING });
  });
  afterAll(() => suite.harness?.close());
  beforeEach(async () => {
    const { harness } = suite;
    harness.emulator.reset();
    harness.setNow(MONDAY_MORNING);
    harness.logger.lines.length = 0;
    await harness.db.calendarSync.deleteMany();
    await harness.db.booking.deleteMany();
    ({ intro: suite.intro } = await demoWithCalendar(harness));
  });
  return suite;
}
