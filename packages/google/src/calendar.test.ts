import { describe, expect, it } from "vitest";
import { GoogleApiError } from "./errors.ts";
import { eventIdForBooking } from "./event-id.ts";
import { sessionEvent as booking, useEmulatorWithHost } from "./testing/host-grant.ts";
import { googleFor, hostEmail } from "./testing/index.ts";

const { emulator, grant } = await useEmulatorWithHost();

const meetLinkPattern = /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

async function failure(promise: Promise<unknown>): Promise<GoogleApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GoogleApiError);
  return error as GoogleApiError;
}

describe("getCalendarBusyTimes", () => {
  it("returns busy times of the primary calendar, including added blocks", async () => {
    const google = googleFor(emulator);
    await google.createCalendarEvent(grant.refreshToken, booking());
    emulator.addBusy(hostEmail, { start: "2030-03-04T12:00:00Z", end: "2030-03-04T13:30:00Z" });
    const busy = await google.getCalendarBusyTimes(
      grant.refreshToken,
      new Date("2030-03-04T00:00:00Z"),
      new Date("2030-03-05T00:00:00Z"),
    );
    expect(busy).toEqual([
      { start: new Date("2030-03-04T09:00:00Z"), end: new Date("2030-03-04T10:00:00Z") },
      { start: new Date("2030-03-04T12:00:00Z"), end: new Date("2030-03-04T13:30:00Z") },
    ]);
    expect(emulator.requests().at(-1)).toMatchObject({
      operation: "freebusy",
      body: {
        timeMin: "2030-03-04T00:00:00.000Z",
        timeMax: "2030-03-05T00:00:00.000Z",
        items: [{ id: "primary" }],
      },
    });
  });
});

describe("createCalendarEvent", () => {
  it("sends the event exactly as specified and returns the Meet link", async () => {
    const result = await googleFor(emulator).createCalendarEvent(grant.refreshToken, booking());
    const insert = emulator.requests().find((r) => r.operation === "events.insert");
    expect(insert).toMatchObject({
      method: "POST",
      path: "/calendar/v3/calendars/primary/events",
      query: { conferenceDataVersion: "1", sendUpdates: "all" },
    });
    expect(insert?.body).toEqual({
      id: eventIdForBooking("booking-1"),
      summary: "[TimeTap] Session with ann@customer.test",
      description: "Intro call with Host Person.\nBooked with TimeTap.",
      start: { dateTime: "2030-03-04T09:00:00.000Z", timeZone: "Europe/Berlin" },
      end: { dateTime: "2030-03-04T10:00:00.000Z", timeZone: "Europe/Berlin" },
      attendees: [{ email: "ann@customer.test", displayName: "Ann Customer" }],
      conferenceData: {
        createRequest: { requestId: "booking-1", conferenceSolutionKey: { type: "hangoutsMeet" } },
      },
      extendedProperties: { private: { bookingId: "booking-1" } },
    });
    expect(result).toEqual({
      googleEventId: eventIdForBooking("booking-1"),
      meetLink: expect.stringMatching(meetLinkPattern),
      conferenceStatus: "success",
    });
    expect(emulator.invitations()).toEqual([
      {
        to: "ann@customer.test",
        eventId: result.googleEventId,
        kind: "invite",
        meetLink: result.meetLink,
      },
    ]);
  });

  it("omits displayName when the customer has no name", async () => {
    await googleFor(emulator).createCalendarEvent(grant.refreshToken, {
      ...booking(),
      customerName: null,
    });
    const insert = emulator.requests().find((r) => r.operation === "events.insert");
    expect((insert?.body as { attendees: unknown }).attendees).toEqual([
      { email: "ann@customer.test" },
    ]);
  });

  it("never creates a second event for the same booking", async () => {
    const google = googleFor(emulator);
    const first = await google.createCalendarEvent(grant.refreshToken, booking());
    const second = await google.createCalendarEvent(grant.refreshToken, booking());
    expect(second).toEqual(first);
    expect(emulator.events(hostEmail)).toHaveLength(1);
    expect(emulator.requests().map((r) => r.operation)).toContain("events.get");
  });

  it("polls a pending conference until the link exists", async () => {
    emulator.conferencePending({ polls: 2 });
    const result = await googleFor(emulator).createCalendarEvent(grant.refreshToken, booking());
    expect(result.conferenceStatus).toBe("success");
    expect(result.meetLink).toMatch(meetLinkPattern);
    expect(emulator.requests().filter((r) => r.operation === "events.get")).toHaveLength(3);
  });

  it("returns pending without a link when the wait budget runs out", async () => {
    emulator.conferencePending({ ms: 60_000 });
    const warnings: unknown[] = [];
    const google = googleFor(emulator, {
      conferenceWaitMs: 300,
      logger: { warn: (...args) => warnings.push(args) },
    });
    const started = Date.now();
    const result = await google.createCalendarEvent(grant.refreshToken, booking());
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result).toEqual({
      googleEventId: eventIdForBooking("booking-1"),
      meetLink: null,
      conferenceStatus: "pending",
    });
    expect(warnings).toHaveLength(1);
  });

  it("classifies a 503 as retryable backendError", async () => {
    emulator.failNext("events.insert", { status: 503, reason: "backendError" });
    const error = await failure(
      googleFor(emulator).createCalendarEvent(grant.refreshToken, booking()),
    );
    expect(error).toMatchObject({
      kind: "retryable",
      status: 503,
      reason: "backendError",
      operation: "events.insert",
    });
  });

  it("classifies a 403 rateLimitExceeded as retryable", async () => {
    emulator.failNext("events.insert", { status: 403, reason: "rateLimitExceeded" });
    const error = await failure(
      googleFor(emulator).createCalendarEvent(grant.refreshToken, booking()),
    );
    expect(error).toMatchObject({ kind: "retryable", status: 403, reason: "rateLimitExceeded" });
  });

  it("classifies a revoked user as revoked (invalid_grant)", async () => {
    emulator.revokeUser(hostEmail);
    const error = await failure(
      googleFor(emulator).createCalendarEvent(grant.refreshToken, booking()),
    );
    expect(error).toMatchObject({
      kind: "revoked",
      status: 400,
      reason: "invalid_grant",
      operation: "token",
    });
  });

  it("classifies a 401 after a fresh token as revoked", async () => {
    emulator.failNext("events.insert", { status: 401, reason: "authError" });
    const error = await failure(
      googleFor(emulator).createCalendarEvent(grant.refreshToken, booking()),
    );
    expect(error).toMatchObject({ kind: "revoked", status: 401 });
  });

  it("classifies a 400 invalid as permanent", async () => {
    const error = await failure(
      googleFor(emulator).createCalendarEvent(grant.refreshToken, {
        ...booking(),
        eventId: "not-base32hex!",
      }),
    );
    expect(error).toMatchObject({
      kind: "permanent",
      status: 400,
      reason: "invalid",
      operation: "events.insert",
    });
  });

  it("times out a hung request within timeoutMs as retryable", async () => {
    emulator.hang("events.insert", 1);
    const google = googleFor(emulator, { timeoutMs: 300 });
    const started = Date.now();
    const error = await failure(google.createCalendarEvent(grant.refreshToken, booking()));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({
      kind: "retryable",
      reason: "timeout",
      operation: "events.insert",
    });
  });

  it("times out a hung token refresh as retryable", async () => {
    emulator.hang("token", 1);
    const error = await failure(
      googleFor(emulator, { timeoutMs: 300 }).getCalendarBusyTimes(
        grant.refreshToken,
        new Date(),
        new Date(),
      ),
    );
    expect(error).toMatchObject({ kind: "retryable", reason: "timeout", operation: "token" });
  });

  it("does not retry on its own", async () => {
    emulator.failNext("token", { status: 503, reason: "backendError" });
    emulator.failNext("events.insert", { status: 503, reason: "backendError" });
    const google = googleFor(emulator);
    await failure(google.createCalendarEvent(grant.refreshToken, booking()));
    await failure(google.createCalendarEvent(grant.refreshToken, booking()));
    expect(emulator.requests().map((r) => r.operation)).toEqual([
      "token",
      "token",
      "events.insert",
    ]);
  });

  it("reports a network error as retryable", async () => {
    const google = googleFor(emulator, { baseUrl: "http://127.0.0.1:9" });
    const error = await failure(
      google.getCalendarBusyTimes(grant.refreshToken, new Date(), new Date()),
    );
    expect(error.kind).toBe("retryable");
  });

  it("never puts tokens in errors or logs", async () => {
    const logged: string[] = [];
    const logger = {
      warn: (message: string, fields: Record<string, unknown>) =>
        logged.push(message + JSON.stringify(fields)),
    };
    const google = googleFor(emulator, { logger, timeoutMs: 300 });
    const unreachable = googleFor(emulator, { logger, baseUrl: "http://127.0.0.1:9" });
    const errors: GoogleApiError[] = [];
    emulator.failNext("events.insert", {
      status: 503,
      reason: "backendError",
      message: `echo ${grant.refreshToken}`,
    });
    errors.push(await failure(google.createCalendarEvent(grant.refreshToken, booking())));
    emulator.failNext("token", { status: 400, reason: "invalid_grant" });
    // A new client holds no token yet, so it asks for one.
    const refreshing = googleFor(emulator, { logger });
    errors.push(await failure(refreshing.createCalendarEvent(grant.refreshToken, booking())));
    emulator.hang("freebusy", 1);
    errors.push(
      await failure(google.getCalendarBusyTimes(grant.refreshToken, new Date(), new Date())),
    );
    errors.push(await failure(unreachable.revokeToken(grant.refreshToken)));
    errors.push(
      await failure(unreachable.getCalendarBusyTimes(grant.refreshToken, new Date(), new Date())),
    );

    expect(errors.map((e) => e.kind)).toEqual([
      "retryable",
      "revoked",
      "retryable",
      "retryable",
      "retryable",
    ]);
    for (const error of errors) {
      const text = [
        JSON.stringify(error),
        error.message,
        String(error),
        error.stack,
        JSON.stringify(Object.entries(error)),
      ].join();
      expect(text).not.toContain(grant.refreshToken);
      expect(text).not.toContain("ya29.");
      expect(Object.keys(error)).not.toContain("config");
    }
    expect(logged).toHaveLength(errors.length);
    expect(logged.join("\n")).not.toContain(grant.refreshToken);
    expect(logged.join("\n")).not.toContain("ya29.");
  });
});

describe("updateCalendarEvent and deleteCalendarEvent", () => {
  it("moves the event and notifies the customer", async () => {
    const google = googleFor(emulator);
    const { googleEventId } = await google.createCalendarEvent(grant.refreshToken, booking());
    const result = await google.updateCalendarEvent(grant.refreshToken, googleEventId, {
      start: new Date("2030-03-05T09:00:00Z"),
      end: new Date("2030-03-05T10:00:00Z"),
      timeZone: "Europe/Berlin",
    });
    expect(result.meetLink).toMatch(meetLinkPattern);
    expect(emulator.requests().at(-1)).toMatchObject({
      method: "PATCH",
      query: { sendUpdates: "all" },
      body: {
        start: { dateTime: "2030-03-05T09:00:00.000Z", timeZone: "Europe/Berlin" },
        end: { dateTime: "2030-03-05T10:00:00.000Z", timeZone: "Europe/Berlin" },
      },
    });
    expect(emulator.invitations().at(-1)).toMatchObject({
      to: "ann@customer.test",
      kind: "update",
    });
  });

  it("fails permanently updating an unknown event", async () => {
    const error = await failure(
      googleFor(emulator).updateCalendarEvent(grant.refreshToken, "unknown00", {
        start: new Date(),
        end: new Date(),
        timeZone: "UTC",
      }),
    );
    expect(error).toMatchObject({ kind: "permanent", status: 404, operation: "events.patch" });
  });

  it("deletes with cancellation emails and treats 404 and 410 as done", async () => {
    const google = googleFor(emulator);
    const { googleEventId } = await google.createCalendarEvent(grant.refreshToken, booking());
    await google.deleteCalendarEvent(grant.refreshToken, googleEventId);
    expect(emulator.requests().at(-1)).toMatchObject({
      method: "DELETE",
      query: { sendUpdates: "all" },
    });
    expect(emulator.invitations().at(-1)).toEqual({
      to: "ann@customer.test",
      eventId: googleEventId,
      kind: "cancel",
    });
    expect(emulator.events(hostEmail)[0]?.status).toBe("cancelled");
    await expect(
      google.deleteCalendarEvent(grant.refreshToken, googleEventId),
    ).resolves.toBeUndefined();
    await expect(
      google.deleteCalendarEvent(grant.refreshToken, "neverexisted"),
    ).resolves.toBeUndefined();
  });

  it("propagates other delete failures", async () => {
    emulator.failNext("events.delete", { status: 503, reason: "backendError" });
    const error = await failure(
      googleFor(emulator).deleteCalendarEvent(grant.refreshToken, "abcdef"),
    );
    expect(error).toMatchObject({ kind: "retryable", operation: "events.delete" });
  });
});

describe("access tokens", () => {
  const tokenRequests = () => emulator.requests().filter((r) => r.operation === "token").length;
  const week = [new Date("2030-03-04T00:00:00Z"), new Date("2030-03-11T00:00:00Z")] as const;

  it("asks for one token for many calendar calls, even concurrent ones", async () => {
    const google = googleFor(emulator);
    await Promise.all(
      Array.from({ length: 5 }, () => google.getCalendarBusyTimes(grant.refreshToken, ...week)),
    );
    await google.createCalendarEvent(grant.refreshToken, booking());
    await google.deleteCalendarEvent(grant.refreshToken, eventIdForBooking("booking-1"));
    expect(tokenRequests()).toBe(1);
  });

  it("refreshes a token Google stopped taking, and the call goes through", async () => {
    const google = googleFor(emulator);
    await google.getCalendarBusyTimes(grant.refreshToken, ...week);
    // Google's clock passes the token's hour while this process still holds it.
    emulator.advanceTime(2 * 3_600_000);
    await expect(google.getCalendarBusyTimes(grant.refreshToken, ...week)).resolves.toEqual([]);
    expect(tokenRequests()).toBe(2);
  });

  it("fails as revoked once the user revoked the grant, though a token was held", async () => {
    const google = googleFor(emulator);
    await google.getCalendarBusyTimes(grant.refreshToken, ...week);
    emulator.revokeUser(hostEmail);
    const error = await failure(google.createCalendarEvent(grant.refreshToken, booking()));
    expect(error).toMatchObject({ kind: "revoked", reason: "invalid_grant", operation: "token" });
  });
});
