import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useEmulatorWithHost } from "./testing/host-grant.ts";
import { googleFor, hostEmail, startWebhookReceiver } from "./testing/index.ts";

const { emulator, grant } = await useEmulatorWithHost();
const webhook = await startWebhookReceiver();
afterAll(() => webhook.close());

beforeEach(() => {
  webhook.received.length = 0;
});

const busy = { start: "2030-03-04T09:00:00Z", end: "2030-03-04T10:00:00Z" };

async function watch(calendarId = "primary", ttlSeconds = 3600) {
  return googleFor(emulator).watchCalendar(grant.refreshToken, {
    calendarId,
    channelId: "channel-1",
    token: "secret-token",
    address: webhook.url,
    ttlSeconds,
  });
}

const states = () => webhook.received.map((h) => h["x-goog-resource-state"]);

describe("watchCalendar", () => {
  it("opens a channel that confirms with `sync` and then reports every change with `exists`", async () => {
    const work = emulator.addCalendar(hostEmail, "Work");
    const channel = await watch(work.id);
    await vi.waitFor(() => expect(states()).toEqual(["sync"]));
    const added = emulator.addEvent(hostEmail, { ...busy, calendarId: work.id });
    emulator.moveEvent(hostEmail, added.id, {
      calendarId: work.id,
      start: "2030-03-04T11:00:00Z",
      end: "2030-03-04T12:00:00Z",
    });
    emulator.deleteEvent(hostEmail, added.id, work.id);
    await vi.waitFor(() => expect(states()).toEqual(["sync", "exists", "exists", "exists"]));
    expect(webhook.received[1]).toMatchObject({
      "x-goog-channel-id": "channel-1",
      "x-goog-channel-token": "secret-token",
      "x-goog-resource-id": channel.resourceId,
      "x-goog-message-number": "2",
    });
  });

  it("does not report changes to other calendars", async () => {
    emulator.addCalendar(hostEmail, "Family");
    await watch("primary");
    const family = emulator.addCalendar(hostEmail, "Family 2");
    emulator.addEvent(hostEmail, { ...busy, calendarId: family.id });
    emulator.addEvent(hostEmail, busy);
    await vi.waitFor(() => expect(states()).toEqual(["sync", "exists"]));
  });

  it("expires after the lifetime asked for, and then stays silent", async () => {
    const channel = await watch("primary", 60);
    expect(channel.expiresAt.getTime() - Date.now()).toBeGreaterThan(55_000);
    expect(channel.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    emulator.advanceTime(61_000);
    emulator.addEvent(hostEmail, busy);
    expect(emulator.channels()).toMatchObject([{ id: "channel-1", live: false }]);
    expect(emulator.notifications().map((n) => n.resourceState)).toEqual(["sync"]);
  });

  it("refuses a second channel with the same id", async () => {
    await watch();
    await expect(watch()).rejects.toMatchObject({ status: 400, reason: "channelIdNotUnique" });
  });
});

describe("stopChannel", () => {
  it("stops notifications, and stopping again is not an error", async () => {
    const channel = await watch();
    const google = googleFor(emulator);
    await google.stopChannel(grant.refreshToken, channel);
    await google.stopChannel(grant.refreshToken, channel);
    emulator.addEvent(hostEmail, busy);
    expect(emulator.channels()).toMatchObject([{ id: "channel-1", stopped: true, live: false }]);
    expect(emulator.notifications().map((n) => n.resourceState)).toEqual(["sync"]);
  });
});
