import { DEMO_HOST } from "@timetap/db";
import { eventIdForBooking } from "@timetap/google";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import {
  bookingInput,
  demoWithCalendar,
  liveDemoEvents,
  MONDAY_MORNING,
  MONDAY_TEN_BERLIN,
  withOwnHarness,
} from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { runDueSyncs } from "../calendar-sync/calendar-sync.service.ts";

const MEET_LINK = /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

const { harness, intro } = useBookingHarness();

const demoEvents = () => liveDemoEvents(harness);

describe("booking.create, Google healthy", () => {
  it("confirms, creates the event exactly as specified, invites the customer and returns the Meet link", async () => {
    const confirmation = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));

    expect(confirmation).toMatchObject({
      startTime: MONDAY_TEN_BERLIN,
      endTime: new Date("2030-01-07T09:30:00Z"),
      customerEmail: "cora@example.com",
      host: { name: "Dana Demo", slug: "demo", timeZone: "Europe/Berlin" },
      package: { id: intro.id, name: "Free intro call", durationMinutes: 30 },
      calendarSync: "synced",
    });
    expect(confirmation.meetLink).toMatch(MEET_LINK);
    // The external contract's shape, and nothing more.
    expect(Object.keys(confirmation).sort()).toEqual([
      "calendarSync",
      "customerEmail",
      "endTime",
      "host",
      "id",
      "meetLink",
      "package",
      "startTime",
      "token",
    ]);
    expect(confirmation.token.length).toBeGreaterThanOrEqual(40);

    const inserts = harness.emulator.requests().filter((r) => r.operation === "events.insert");
    expect(inserts).toHaveLength(1);
    const insert = inserts[0]!;
    expect(insert.path).toBe("/calendar/v3/calendars/primary/events");
    expect(insert.query).toMatchObject({ conferenceDataVersion: "1", sendUpdates: "all" });
    expect(insert.body).toEqual({
      id: eventIdForBooking(confirmation.id),
      summary: "[TimeTap] Session with cora@example.com",
      description: expect.stringMatching(/Free intro call[\s\S]*Dana Demo[\s\S]*TimeTap/),
      start: { dateTime: "2030-01-07T09:00:00.000Z", timeZone: "Europe/Berlin" },
      end: { dateTime: "2030-01-07T09:30:00.000Z", timeZone: "Europe/Berlin" },
      attendees: [{ email: "cora@example.com", displayName: "Cora Customer" }],
      conferenceData: {
        createRequest: {
          requestId: confirmation.id,
          conferenceSolutionKey: { type: "hangoutsMeet" },
        },
      },
      extendedProperties: { private: { bookingId: confirmation.id } },
    });
    expect(harness.emulator.invitations()).toEqual([
      expect.objectContaining({
        to: "cora@example.com",
        kind: "invite",
        meetLink: confirmation.meetLink,
      }),
    ]);

    const stored = await harness.db.booking.findUniqueOrThrow({
      where: { id: confirmation.id },
      include: { calendarSyncs: true },
    });
    expect(stored).toMatchObject({ status: "CONFIRMED", meetLink: confirmation.meetLink });
    expect(stored.googleEventId).toBe(eventIdForBooking(confirmation.id));
    expect(stored.calendarSyncs).toMatchObject([
      { action: "create", state: "done", attempts: 1, lockedUntil: null },
    ]);
  });

  it("lets the customer read their booking with its token only", async () => {
    const confirmation = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    await expect(
      harness.caller().booking.get({ id: confirmation.id, token: confirmation.token }),
    ).resolves.toEqual(confirmation);
    await expect(
      harness
        .caller()
        .booking.get({ id: confirmation.id, token: `${confirmation.token.slice(0, -1)}x` }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("takes the slot off the offered list for everyone else", async () => {
    const week = {
      hostSlug: "demo",
      packageId: intro.id,
      from: MONDAY_MORNING,
      to: new Date("2030-01-08T00:00:00Z"),
    };
    const before = await harness.caller().availability.slots(week);
    await harness.caller().booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    const after = await harness.caller().availability.slots(week);
    expect(before.slots.map((s) => s.start)).toContainEqual(MONDAY_TEN_BERLIN);
    expect(after.slots.map((s) => s.start)).not.toContainEqual(MONDAY_TEN_BERLIN);
    expect(after.slots).toHaveLength(before.slots.length - 1);
  });
});

describe("booking.create, Google failing", () => {
  it("on a 503 confirms without a link, logs one JSON line, and the worker later creates exactly one event", async () => {
    harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" });
    const confirmation = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    expect(confirmation).toMatchObject({ meetLink: null, calendarSync: "pending" });
    expect(await harness.db.booking.count({ where: { status: "CONFIRMED" } })).toBe(1);

    const failures = harness.logger.lines.filter((line) => line.event === "calendar_sync_failed");
    expect(failures).toEqual([
      expect.objectContaining({
        bookingId: confirmation.id,
        googleStatus: 503,
        googleReason: "backendError",
        next: "pending",
      }),
    ]);
    const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    const refreshToken = harness.tokens.decrypt(demo.googleRefreshToken!, demo.id);
    expect(JSON.stringify(failures)).not.toContain(refreshToken);

    // Not due yet: the worker leaves it alone.
    expect(await runDueSyncs(harness.deps)).toEqual([]);
    harness.setNow(new Date(MONDAY_MORNING.getTime() + 60_000));
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);

    const later = await harness
      .caller()
      .booking.get({ id: confirmation.id, token: confirmation.token });
    expect(later).toMatchObject({
      calendarSync: "synced",
      meetLink: expect.stringMatching(MEET_LINK),
    });
    expect(demoEvents()).toHaveLength(1);
    expect(harness.emulator.invitations()).toEqual([
      expect.objectContaining({ to: "cora@example.com", meetLink: later.meetLink }),
    ]);
  });

  it("answers within its deadline while Google hangs, and the sync finishes later", async () => {
    // Google's own timeout (4 s) is far beyond the deadline: only the deadline can answer fast.
    const options = { google: { timeoutMs: 4_000 }, settings: { syncDeadlineMs: 300 } };
    await withOwnHarness(options, async (slow, slowIntro) => {
      slow.emulator.hang("events.insert", 1);
      const started = performance.now();
      const confirmation = await slow
        .caller()
        .booking.create(bookingInput(slowIntro.id, MONDAY_TEN_BERLIN));
      const elapsed = performance.now() - started;
      expect(confirmation).toMatchObject({ calendarSync: "pending", meetLink: null });
      expect(elapsed).toBeLessThan(2_500);

      // The attempt goes on in the background until Google's own timeout, then reschedules.
      await expect
        .poll(async () => (await slow.db.calendarSync.findFirstOrThrow()).attempts, {
          timeout: 10_000,
        })
        .toBe(1);
      slow.setNow(new Date(MONDAY_MORNING.getTime() + 60_000));
      expect(await runDueSyncs(slow.deps)).toEqual(["synced"]);
      expect(liveDemoEvents(slow)).toHaveLength(1);
    });
  });

  it("on invalid_grant keeps the booking, marks the host needs_reauth, and syncs after the host reconnects", async () => {
    harness.emulator.revokeUser(DEMO_HOST.email);
    const confirmation = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    expect(confirmation).toMatchObject({ meetLink: null, calendarSync: "pending" });
    const host = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    expect(host.calendarStatus).toBe("needs_reauth");
    expect(await harness.db.calendarSync.findFirstOrThrow()).toMatchObject({ state: "parked" });

    // Parked rows are not retried on their own...
    harness.setNow(new Date(MONDAY_MORNING.getTime() + 3_600_000));
    expect(await runDueSyncs(harness.deps)).toEqual([]);
    // ...but resume once the host signs in with Google again.
    const { consentAndGetCode } = await import("../testing/google-consent.ts");
    const code = await consentAndGetCode(harness.deps.google, harness.emulator, {
      email: DEMO_HOST.email,
      name: DEMO_HOST.name,
    });
    await harness.caller().auth.signInWithGoogle({ code });
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
    await expect(
      harness.caller().booking.get({ id: confirmation.id, token: confirmation.token }),
    ).resolves.toMatchObject({
      calendarSync: "synced",
      meetLink: expect.stringMatching(MEET_LINK),
    });
  });

  it("marks a permanent Google refusal failed instead of retrying forever", async () => {
    harness.emulator.failNext("events.insert", { status: 400, reason: "invalid" });
    const confirmation = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    expect(confirmation).toMatchObject({ meetLink: null, calendarSync: "skipped" });
    expect(await harness.db.calendarSync.findFirstOrThrow()).toMatchObject({
      state: "failed",
      attempts: 1,
    });
  });

  it("gets the link by polling while Google's conference is still pending", async () => {
    harness.emulator.conferencePending({ polls: 2 });
    const confirmation = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    expect(confirmation).toMatchObject({
      calendarSync: "synced",
      meetLink: expect.stringMatching(MEET_LINK),
    });
    expect(
      harness.emulator.requests().filter((r) => r.operation === "events.get").length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("ends with exactly one event when a worker crashed after Google answered but before recording it", async () => {
    harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" });
    const confirmation = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    // The crashed worker's Google call went through; nothing of it reached the database.
    const stored = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
    const created = await harness.deps.google.createCalendarEvent(
      harness.tokens.decrypt(stored.googleRefreshToken!, stored.id),
      {
        eventId: eventIdForBooking(confirmation.id),
        requestId: confirmation.id,
        bookingId: confirmation.id,
        start: confirmation.startTime,
        end: confirmation.endTime,
        timeZone: "Europe/Berlin",
        customerEmail: confirmation.customerEmail,
        hostName: "Dana Demo",
        packageName: "Free intro call",
      },
    );
    harness.setNow(new Date(MONDAY_MORNING.getTime() + 120_000));
    expect(await runDueSyncs(harness.deps)).toEqual(["synced"]);
    expect(demoEvents()).toHaveLength(1);
    const later = await harness
      .caller()
      .booking.get({ id: confirmation.id, token: confirmation.token });
    expect(later.meetLink).toBe(created.meetLink);
  });
});

describe("booking.create without a connected calendar", () => {
  it("confirms with calendarSync skipped and never calls Google", async () => {
    await demoWithCalendar(harness, { connected: false });
    const confirmation = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    expect(confirmation).toMatchObject({ calendarSync: "skipped", meetLink: null });
    expect(harness.emulator.requests()).toEqual([]);
    const slots = await harness.caller().availability.slots({
      hostSlug: "demo",
      packageId: intro.id,
      from: MONDAY_MORNING,
      to: new Date("2030-01-08T00:00:00Z"),
    });
    expect(slots.calendarDegraded).toBe(true);
    expect(slots.slots.length).toBeGreaterThan(0);
  });
});

describe("booking.create, bad input and taken times", () => {
  async function rejection(
    input: Parameters<ReturnType<typeof harness.caller>["booking"]["create"]>[0],
  ) {
    const error = await harness
      .caller()
      .booking.create(input)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }

  it("rejects a malformed email with a zod message on customerEmail, and books nothing", async () => {
    const error = await rejection(bookingInput(intro.id, MONDAY_TEN_BERLIN, "not-an-email"));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("Enter a valid email address.");
    expect(await harness.db.booking.count()).toBe(0);
  });

  it("rejects a time that is not offered: off the grid, outside hours, or too soon", async () => {
    for (const startTime of [
      new Date("2030-01-07T09:10:00Z"),
      new Date("2030-01-07T19:00:00Z"),
      new Date("2030-01-05T10:00:00Z"),
      new Date("2030-01-07T07:00:00Z"),
    ]) {
      const error = await rejection(bookingInput(intro.id, startTime));
      expect(error).toMatchObject({
        code: "BAD_REQUEST",
        message: "This time is not offered. Please pick another.",
      });
    }
    expect(await harness.db.booking.count()).toBe(0);
  });

  it("is NOT_FOUND for an unknown host or package", async () => {
    expect(
      (await rejection({ ...bookingInput(intro.id, MONDAY_TEN_BERLIN), hostSlug: "nobody" })).code,
    ).toBe("NOT_FOUND");
    expect((await rejection(bookingInput(crypto.randomUUID(), MONDAY_TEN_BERLIN))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("is CONFLICT for a time the host's Google Calendar has busy", async () => {
    harness.emulator.addBusy(DEMO_HOST.email, {
      start: "2030-01-07T09:15:00Z",
      end: "2030-01-07T09:45:00Z",
    });
    const error = await rejection(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "This time was just booked. Please pick another.",
    });
  });

  it("lets exactly one of 50 concurrent bookings of one slot through; the other 49 get CONFLICT", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        harness
          .caller()
          .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN, `racer-${i}@example.com`)),
      ),
    );
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.flatMap((r) =>
      r.status === "rejected" ? [r.reason as TRPCError] : [],
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(49);
    expect(new Set(rejected.map((e) => e.code))).toEqual(new Set(["CONFLICT"]));
    expect(await harness.db.booking.count({ where: { status: "CONFIRMED" } })).toBe(1);
    expect(await harness.db.calendarSync.count()).toBe(1);
    // On a loaded machine the winner's Google attempt may outlast its answer's deadline (the
    // booking then answers "pending"): the attempt carries on, and still makes one event.
    await vi.waitFor(
      async () => expect((await harness.db.calendarSync.findFirstOrThrow()).state).toBe("done"),
      { timeout: 10_000, interval: 100 },
    );
    expect(demoEvents()).toHaveLength(1);
  });
});
