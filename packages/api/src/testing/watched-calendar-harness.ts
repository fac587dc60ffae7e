import { DEMO_HOST } from "@timetap/db";
import { afterAll, beforeEach, expect } from "vitest";
import { renewDueChannels } from "../calendar-push/calendar-channels.ts";
import { startCalendarWebhook } from "./calendar-webhook.ts";
import { useBookingHarness } from "./suite-hooks.ts";

/**
 * How long a test waits for what Google's push sets off (the notification, the look at the
 * calendar, the flag written): well under a second alone, but once not within 3 s on a loaded CI
 * machine (turbo runs the packages' suites side by side on two cores).
 */
export const heardWithin = { timeout: 10_000 };

/**
 * A booking harness whose demo host's primary calendar is watched before each test (its channel
 * open, Google's first sync token taken), so what the host changes in Google is heard through
 * the webhook; with the host's own API and their upcoming booking rows as the dashboard lists them.
 */
export async function useWatchedCalendarHarness() {
  const webhook = await startCalendarWebhook(() => harness.deps);
  afterAll(() => webhook.close());
  const { harness, intro } = useBookingHarness({ appUrl: webhook.appUrl });
  beforeEach(async () => {
    await renewDueChannels(harness.deps);
    // The first sync token arrives with the channel's sync notification.
    await expect
      .poll(
        async () => (await harness.db.calendarChannel.findFirst())?.syncToken ?? null,
        heardWithin,
      )
      .not.toBeNull();
  });
  const asHost = async () => {
    const host = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    return harness.caller({ sessionHostId: host.id }).host;
  };
  const rowOf = async (bookingId: string) =>
    (await (await asHost()).bookings({ when: "upcoming", page: 1 })).bookings.find(
      (b) => b.id === bookingId,
    );
  return { harness, intro, webhook, asHost, rowOf };
}

export const minutesAfter = (date: Date, minutes: number) =>
  new Date(date.getTime() + minutes * 60_000);
