import { DEMO_HOST } from "@timetap/db";
import { afterAll, describe, expect, it } from "vitest";
import { MONDAY_MORNING, MONDAY_TEN_BERLIN } from "../testing/booking-fixtures.ts";
import { startCalendarWebhook } from "../testing/calendar-webhook.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { renewDueChannels } from "./calendar-channels.ts";

const webhook = await startCalendarWebhook(() => harness.deps);
const { appUrl, received } = webhook;
afterAll(() => webhook.close());

const { harness, intro } = useBookingHarness({ appUrl });

const demoHost = () => harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
const asHost = async () => harness.caller({ sessionHostId: (await demoHost()).id }).host;
const offered = async () =>
  (
    await harness.caller().availability.slots({
      hostSlug: "demo",
      packageId: intro.id,
      from: MONDAY_MORNING,
      to: new Date("2030-01-08T00:00:00Z"),
    })
  ).slots.map((s) => s.start.toISOString());
const tenBerlin = MONDAY_TEN_BERLIN.toISOString();
const busyAtTen = (calendarId: string) =>
  harness.emulator.addEvent(DEMO_HOST.email, {
    calendarId,
    start: MONDAY_TEN_BERLIN,
    end: new Date(MONDAY_TEN_BERLIN.getTime() + 30 * 60_000),
  });
const freebusyCalls = () =>
  harness.emulator.requests().filter((r) => r.operation === "freebusy").length;

/** The demo host counts a "Work" calendar as busy besides the primary one. */
async function withWorkCalendar() {
  const work = harness.emulator.addCalendar(DEMO_HOST.email, "Work");
  await (
    await asHost()
  ).updateCalendars({
    busyCalendarIds: [DEMO_HOST.email, work.id],
    sessionCalendarId: DEMO_HOST.email,
  });
  return work;
}

const live = () => harness.emulator.channels().filter((c) => c.live);

describe("push channels", () => {
  it("watches each chosen calendar, so a busy event added in a secondary one leaves the offered times within a second", async () => {
    const work = await withWorkCalendar();
    expect(
      live()
        .map((c) => c.calendarId)
        .sort(),
    ).toEqual([DEMO_HOST.email, work.id].sort());
    expect(live()[0]?.address).toBe(`${appUrl}/webhooks/google/calendar`);
    expect(await offered()).toContain(tenBerlin);
    busyAtTen(work.id);
    await expect.poll(offered, { timeout: 1_000, interval: 50 }).not.toContain(tenBerlin);
  });

  it("renews a channel before it expires: a new one opens, the old one stops, changes are still heard", async () => {
    const work = await withWorkCalendar();
    const before = live().find((c) => c.calendarId === work.id);
    const { channelTtlMs, channelRenewBeforeMs } = harness.deps.settings;
    harness.setNow(
      new Date(MONDAY_MORNING.getTime() + channelTtlMs - channelRenewBeforeMs + 60_000),
    );
    await renewDueChannels(harness.deps);
    harness.setNow(MONDAY_MORNING);
    const channels = harness.emulator.channels().filter((c) => c.calendarId === work.id);
    expect(channels).toEqual([
      expect.objectContaining({ id: before?.id, stopped: true }),
      expect.objectContaining({ live: true }),
    ]);
    expect(await offered()).toContain(tenBerlin);
    busyAtTen(work.id);
    await expect.poll(offered, { timeout: 1_000, interval: 50 }).not.toContain(tenBerlin);
  });

  it("refuses a forged or stale notification, which changes nothing", async () => {
    await withWorkCalendar();
    await expect.poll(() => received.length).toBeGreaterThanOrEqual(2);
    const channelId = live()[0]?.id;
    const genuine = received.find((h) => h["x-goog-channel-id"] === channelId) ?? {};
    const exists = { ...genuine, "x-goog-resource-state": "exists" };
    const post = (headers: Record<string, string>) =>
      fetch(`${appUrl}/webhooks/google/calendar`, { method: "POST", headers }).then(
        (r) => r.status,
      );
    // The same channel once renewed: its old id and token no longer count.
    const { channelTtlMs, channelRenewBeforeMs } = harness.deps.settings;
    harness.setNow(
      new Date(MONDAY_MORNING.getTime() + channelTtlMs - channelRenewBeforeMs + 60_000),
    );
    await renewDueChannels(harness.deps);
    harness.setNow(MONDAY_MORNING);
    await offered();
    const calls = freebusyCalls();
    expect(await post({ ...exists, "x-goog-channel-token": "guessed" })).toBe(404);
    expect(await post({ ...exists, "x-goog-channel-id": "made-up" })).toBe(404);
    expect(await post({ ...exists, "x-goog-resource-id": "another-resource" })).toBe(404);
    expect(await post(exists)).toBe(404);
    await offered();
    expect(freebusyCalls()).toBe(calls);
  });

  it("opens one channel per calendar when two processes renew at once", async () => {
    const host = await demoHost();
    await harness.db.calendarChannel.deleteMany();
    await harness.db.calendarChannel.create({ data: { hostId: host.id, calendarId: "primary" } });
    await Promise.all([renewDueChannels(harness.deps), renewDueChannels(harness.deps)]);
    expect(harness.emulator.channels()).toHaveLength(1);
    expect(harness.emulator.requests().filter((r) => r.operation === "events.watch")).toHaveLength(
      1,
    );
  });

  it("stops every channel when the host disconnects Google", async () => {
    await withWorkCalendar();
    expect(live()).toHaveLength(2);
    await (await asHost()).disconnectCalendar();
    expect(live()).toEqual([]);
    expect(await harness.db.calendarChannel.count()).toBe(0);
  });
});
