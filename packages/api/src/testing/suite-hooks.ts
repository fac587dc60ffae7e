import { afterAll, beforeAll, beforeEach } from "vitest";
import { createApiHarness } from "./api-harness.ts";
import { demoWithCalendar, MONDAY_MORNING, type Harness } from "./booking-fixtures.ts";

// Kept apart from booking-fixtures.ts: importing vitest outside a test run throws, and the
// fixtures also serve `pnpm bench`.

/**
 * Registers the hooks that give a test file one harness of its own, closed after the file, and
 * returns it as a live view: read it inside tests, where it exists.
 */
export function useApiHarness(options: Parameters<typeof createApiHarness>[0] = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await createApiHarness(options);
  });
  afterAll(() => current?.close());
  return new Proxy({} as Harness, {
    get(_, property) {
      if (!current) throw new Error("The harness exists only inside tests and their hooks.");
      return Reflect.get(current, property);
    },
  });
}

/**
 * A harness for booking tests: before each test an empty emulator and inbox, no bookings, the clock at
 * MONDAY_MORNING and the demo host connected; `intro` is the demo's 30-minute package.
 */
export function useBookingHarness(
  options: Omit<Parameters<typeof createApiHarness>[0] & object, "now"> = {},
) {
  const harness = useApiHarness({ ...options, now: MONDAY_MORNING });
  const intro = { id: "" };
  beforeEach(async () => {
    harness.emulator.reset();
    harness.catcher.clear();
    harness.setNow(MONDAY_MORNING);
    harness.logger.lines.length = 0;
    await harness.db.calendarSync.deleteMany();
    await harness.db.booking.deleteMany();
    intro.id = (await demoWithCalendar(harness)).intro.id;
  });
  return { harness, intro };
}
