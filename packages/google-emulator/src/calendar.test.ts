import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./server.ts";
import { accessTokenFor, bearer } from "./testing/index.ts";
import type { Emulator } from "./types.ts";

const emulator: Emulator = await startEmulator({ port: 0 });
afterAll(() => emulator.close());

const host = "host@example.com";
let token = "";
beforeEach(async () => {
  emulator.reset();
  emulator.createUser(host, "Host Person");
  token = await accessTokenFor(emulator, host);
});

const eventsUrl = (query = "", calendar = "primary") =>
  `${emulator.url}/calendar/v3/calendars/${encodeURIComponent(calendar)}/events${query}`;

const baseEvent = {
  summary: "[TimeTap] Session with ann@customer.test",
  start: { dateTime: "2030-01-07T10:00:00+01:00", timeZone: "Europe/Berlin" },
  end: { dateTime: "2030-01-07T11:00:00+01:00", timeZone: "Europe/Berlin" },
  attendees: [{ email: "ann@customer.test", displayName: "Ann" }],
};

const meetRequest = (requestId: string, type = "hangoutsMeet") => ({
  conferenceData: { createRequest: { requestId, conferenceSolutionKey: { type } } },
});

async function insert(body: unknown, query = "?conferenceDataVersion=1&sendUpdates=all") {
  const res = await fetch(eventsUrl(query), bearer(token, body));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function call(url: string, method: string, body?: unknown) {
  const res = await fetch(url, bearer(token, body, method));
  return {
    status: res.status,
    body: res.status === 204 ? undefined : ((await res.json()) as Record<string, unknown>),
  };
}

function expectGoogleError(body: unknown, code: number, reason: string) {
  expect(body).toEqual({
    error: {
      code,
      message: expect.any(String),
      errors: [{ domain: "global", reason, message: expect.any(String) }],
      status: expect.any(String),
    },
  });
}

describe("authentication", () => {
  it("requires a valid bearer token on every calendar endpoint", async () => {
    const endpoints: [string, string][] = [
      [eventsUrl(), "POST"],
      [eventsUrl(), "GET"],
      [eventsUrl("/abcde"), "GET"],
      [eventsUrl("/abcde"), "PATCH"],
      [eventsUrl("/abcde"), "DELETE"],
      [`${emulator.url}/calendar/v3/freeBusy`, "POST"],
    ];
    for (const [url, method] of endpoints) {
      const res = await fetch(
        url,
        bearer("ya29.invalid", method === "GET" || method === "DELETE" ? undefined : {}, method),
      );
      expect(res.status, `${method} ${url}`).toBe(401);
      expectGoogleError(await res.json(), 401, "authError");
    }
  });

  it("rejects expired access tokens", async () => {
    emulator.advanceTime(3601 * 1000);
    expect((await insert(baseEvent)).status).toBe(401);
  });

  it("rejects tokens without a calendar scope", async () => {
    const refreshToken = emulator.issueRefreshToken(host, { scopes: ["openid"] });
    const res = await fetch(`${emulator.url}/token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        client_id: "c",
        client_secret: "s",
      }),
    });
    token = ((await res.json()) as { access_token: string }).access_token;
    const { status, body } = await insert(baseEvent);
    expect(status).toBe(403);
    expectGoogleError(body, 403, "insufficientPermissions");
  });

  it("knows only the caller's own calendar", async () => {
    expect((await call(eventsUrl("", host), "GET")).status).toBe(200);
    const other = await call(eventsUrl("", "other@example.com"), "GET");
    expect(other.status).toBe(404);
    expectGoogleError(other.body, 404, "notFound");
  });
});

describe("events.insert", () => {
  it("returns the event resource like Google", async () => {
    const { status, body } = await insert({
      ...baseEvent,
      id: "booking0123456789",
      description: "Booked with TimeTap",
      extendedProperties: { private: { bookingId: "b-1" } },
      ...meetRequest("req-1"),
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      kind: "calendar#event",
      id: "booking0123456789",
      status: "confirmed",
      summary: baseEvent.summary,
      description: "Booked with TimeTap",
      start: baseEvent.start,
      end: baseEvent.end,
      attendees: [
        { email: "ann@customer.test", displayName: "Ann", responseStatus: "needsAction" },
      ],
      organizer: { email: host, self: true },
      creator: { email: host, self: true },
      extendedProperties: { private: { bookingId: "b-1" } },
      iCalUID: "booking0123456789@google.com",
      etag: expect.stringMatching(/^".+"$/),
      htmlLink: expect.stringMatching(/^https:\/\/www\.google\.com\/calendar\/event\?eid=/),
      created: expect.any(String),
      updated: expect.any(String),
    });
    const link = String(body["hangoutLink"]);
    expect(link).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(body["conferenceData"]).toMatchObject({
      createRequest: {
        requestId: "req-1",
        conferenceSolutionKey: { type: "hangoutsMeet" },
        status: { statusCode: "success" },
      },
      entryPoints: [{ entryPointType: "video", uri: link, label: link.replace("https://", "") }],
      conferenceSolution: { key: { type: "hangoutsMeet" }, name: "Google Meet" },
    });
  });

  it("generates a base32hex id when none is given", async () => {
    const { body } = await insert(baseEvent);
    expect(body["id"]).toMatch(/^[a-v0-9]{5,1024}$/);
  });

  it.each([
    ["a missing start", { start: undefined }, "required"],
    ["a missing end", { end: undefined }, "required"],
    [
      "an end before the start",
      { end: { dateTime: "2030-01-07T09:00:00+01:00" } },
      "timeRangeEmpty",
    ],
    ["a dateTime without zone", { start: { dateTime: "2030-01-07T10:00:00" } }, "required"],
    [
      "an unknown time zone",
      { start: { dateTime: "2030-01-07T10:00:00", timeZone: "Mars/Base" } },
      "invalid",
    ],
    ["mixed date and dateTime", { start: { date: "2030-01-07" } }, "invalid"],
    ["a too short id", { id: "abcd" }, "invalid"],
    ["an id outside base32hex", { id: "booking-123" }, "invalid"],
    ["an id with uppercase letters", { id: "ABCDEF" }, "invalid"],
    ["an id with w-z", { id: "wxyzwxyz" }, "invalid"],
    ["an attendee without email", { attendees: [{ displayName: "x" }] }, "required"],
  ])("rejects %s with 400", async (_name, change, reason) => {
    const { status, body } = await insert({ ...baseEvent, ...change });
    expect(status).toBe(400);
    expectGoogleError(body, 400, reason);
  });

  it("accepts ids of 5 and 1024 base32hex characters and a local dateTime with timeZone", async () => {
    expect((await insert({ ...baseEvent, id: "a0v90" })).status).toBe(200);
    expect((await insert({ ...baseEvent, id: "v".repeat(1024) })).status).toBe(200);
    expect((await insert({ ...baseEvent, id: "v".repeat(1025) })).status).toBe(400);
    const local = await insert({
      ...baseEvent,
      start: { dateTime: "2030-07-01T10:00:00", timeZone: "Europe/Berlin" },
      end: { dateTime: "2030-07-01T11:00:00", timeZone: "Europe/Berlin" },
    });
    expect(local.status).toBe(200);
    const busy = await fetch(
      `${emulator.url}/calendar/v3/freeBusy`,
      bearer(token, {
        timeMin: "2030-07-01T00:00:00Z",
        timeMax: "2030-07-02T00:00:00Z",
        items: [{ id: "primary" }],
      }),
    );
    expect(await busy.json()).toMatchObject({
      calendars: {
        primary: { busy: [{ start: "2030-07-01T08:00:00Z", end: "2030-07-01T09:00:00Z" }] },
      },
    });
  });

  it("answers 409 duplicate for a used id, even after deletion", async () => {
    expect((await insert({ ...baseEvent, id: "dup00001" })).status).toBe(200);
    const again = await insert({ ...baseEvent, id: "dup00001" });
    expect(again.status).toBe(409);
    expectGoogleError(again.body, 409, "duplicate");
    await call(eventsUrl("/dup00001"), "DELETE");
    expect((await insert({ ...baseEvent, id: "dup00001" })).status).toBe(409);
  });

  it("ignores conferenceData without conferenceDataVersion=1", async () => {
    const { body } = await insert({ ...baseEvent, ...meetRequest("req-1") }, "");
    expect(body["conferenceData"]).toBeUndefined();
    expect(body["hangoutLink"]).toBeUndefined();
  });

  it("rejects conference types other than hangoutsMeet", async () => {
    const { status, body } = await insert({
      ...baseEvent,
      ...meetRequest("req-1", "eventHangout"),
    });
    expect(status).toBe(400);
    expectGoogleError(body, 400, "invalid");
  });

  it("returns the same conference for the same requestId", async () => {
    const first = await insert({ ...baseEvent, ...meetRequest("same") });
    const second = await insert({ ...baseEvent, ...meetRequest("same") });
    const third = await insert({ ...baseEvent, ...meetRequest("other") });
    expect(second.body["hangoutLink"]).toBe(first.body["hangoutLink"]);
    expect(third.body["hangoutLink"]).not.toBe(first.body["hangoutLink"]);
  });

  it("records invitations according to sendUpdates", async () => {
    emulator.createUser("colleague@example.com", "Colleague");
    const attendees = [
      { email: "ann@customer.test" },
      { email: "colleague@example.com" },
      { email: host },
    ];
    const all = await insert(
      { ...baseEvent, attendees, ...meetRequest("r1") },
      "?conferenceDataVersion=1&sendUpdates=all",
    );
    await insert({ ...baseEvent, attendees }, "?sendUpdates=none");
    await insert({ ...baseEvent, attendees }, "");
    const external = await insert({ ...baseEvent, attendees }, "?sendUpdates=externalOnly");
    expect(emulator.invitations()).toEqual([
      {
        to: "ann@customer.test",
        eventId: all.body["id"],
        kind: "invite",
        meetLink: all.body["hangoutLink"],
      },
      {
        to: "colleague@example.com",
        eventId: all.body["id"],
        kind: "invite",
        meetLink: all.body["hangoutLink"],
      },
      { to: "ann@customer.test", eventId: external.body["id"], kind: "invite" },
    ]);
    expect((await insert(baseEvent, "?sendUpdates=sometimes")).status).toBe(400);
  });
});

describe("events.get, patch and delete", () => {
  it("gets an event and answers 404 for unknown ids", async () => {
    const { body } = await insert({ ...baseEvent, id: "getme001" });
    const got = await call(eventsUrl("/getme001"), "GET");
    expect(got).toMatchObject({ status: 200, body: { id: "getme001", summary: body["summary"] } });
    const missing = await call(eventsUrl("/unknown01"), "GET");
    expect(missing.status).toBe(404);
    expectGoogleError(missing.body, 404, "notFound");
  });

  it("patches fields, keeps the rest, and notifies attendees", async () => {
    await insert({
      ...baseEvent,
      id: "patch001",
      extendedProperties: { private: { bookingId: "b1" } },
      ...meetRequest("r"),
    });
    const patched = await call(eventsUrl("/patch001?sendUpdates=all"), "PATCH", {
      start: { dateTime: "2030-01-08T10:00:00Z", timeZone: "UTC" },
      end: { dateTime: "2030-01-08T11:00:00Z", timeZone: "UTC" },
      extendedProperties: { private: { note: "moved" } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      summary: baseEvent.summary,
      start: { dateTime: "2030-01-08T10:00:00Z", timeZone: "UTC" },
      sequence: 1,
      extendedProperties: { private: { bookingId: "b1", note: "moved" } },
      hangoutLink: expect.stringMatching(/^https:\/\/meet\.google\.com\//),
    });
    expect(emulator.invitations().at(-1)).toMatchObject({
      to: "ann@customer.test",
      eventId: "patch001",
      kind: "update",
    });
    const invalid = await call(eventsUrl("/patch001"), "PATCH", {
      end: { dateTime: "2030-01-01T00:00:00Z" },
    });
    expect(invalid.status).toBe(400);
    expect((await call(eventsUrl("/nothere1"), "PATCH", { summary: "x" })).status).toBe(404);
  });

  it("deletes with 204, then get shows cancelled and delete answers 410", async () => {
    await insert({ ...baseEvent, id: "delete01" });
    expect((await call(eventsUrl("/delete01?sendUpdates=all"), "DELETE")).status).toBe(204);
    expect(emulator.invitations().at(-1)).toEqual({
      to: "ann@customer.test",
      eventId: "delete01",
      kind: "cancel",
    });
    expect((await call(eventsUrl("/delete01"), "GET")).body).toMatchObject({
      id: "delete01",
      status: "cancelled",
    });
    const again = await call(eventsUrl("/delete01"), "DELETE");
    expect(again.status).toBe(410);
    expectGoogleError(again.body, 410, "deleted");
    expect((await call(eventsUrl("/missing1"), "DELETE")).status).toBe(404);
  });
});

describe("events.list", () => {
  it("filters by time window, private extended property and deletion", async () => {
    await insert({
      ...baseEvent,
      id: "list0001",
      extendedProperties: { private: { bookingId: "one" } },
    });
    await insert({
      ...baseEvent,
      id: "list0002",
      start: { dateTime: "2030-02-01T10:00:00Z" },
      end: { dateTime: "2030-02-01T11:00:00Z" },
      extendedProperties: { private: { bookingId: "two" } },
    });
    await insert({ ...baseEvent, id: "list0003" });
    await call(eventsUrl("/list0003"), "DELETE");

    const ids = async (query: string) =>
      ((await call(eventsUrl(query), "GET")).body?.["items"] as { id: string }[])
        .map((e) => e.id)
        .sort();
    expect(await ids("")).toEqual(["list0001", "list0002"]);
    expect(await ids("?showDeleted=true")).toEqual(["list0001", "list0002", "list0003"]);
    expect(await ids("?timeMin=2030-01-20T00:00:00Z")).toEqual(["list0002"]);
    expect(await ids("?timeMax=2030-01-20T00:00:00Z")).toEqual(["list0001"]);
    expect(await ids("?privateExtendedProperty=bookingId%3Dtwo")).toEqual(["list0002"]);
    const list = await call(eventsUrl("?maxResults=1&singleEvents=true&orderBy=startTime"), "GET");
    expect(list.body).toMatchObject({
      kind: "calendar#events",
      nextPageToken: "1",
      items: [{ id: "list0001" }],
    });
  });

  it("pages a sync, and refuses a filter together with a sync token", async () => {
    await insert({ ...baseEvent, id: "sink0001" });
    const first = await call(eventsUrl(""), "GET");
    const syncToken = first.body?.["nextSyncToken"] as string;
    await insert({ ...baseEvent, id: "sink0002" });
    await insert({ ...baseEvent, id: "sink0003" });
    const page = await call(eventsUrl(`?syncToken=${syncToken}&maxResults=1`), "GET");
    expect(page.body).toMatchObject({ items: [{ id: "sink0002" }] });
    expect(page.body?.["nextSyncToken"]).toBeUndefined();
    const pageToken = page.body?.["nextPageToken"] as string;
    const last = await call(eventsUrl(`?pageToken=${encodeURIComponent(pageToken)}`), "GET");
    expect(last.body).toMatchObject({ items: [{ id: "sink0003" }] });
    expect(last.body?.["nextSyncToken"]).toEqual(expect.any(String));
    const refused = await call(
      eventsUrl(`?syncToken=${syncToken}&privateExtendedProperty=bookingId%3Done`),
      "GET",
    );
    expect(refused.status).toBe(400);
  });

  it("never lets a sync token from before a reset skip changes made after it", async () => {
    await insert({ ...baseEvent, id: "before01" });
    await insert({ ...baseEvent, id: "before02" });
    const old = (await call(eventsUrl(""), "GET")).body?.["nextSyncToken"] as string;

    emulator.reset();
    emulator.createUser(host, "Host Person");
    token = await accessTokenFor(emulator, host);
    await insert({ ...baseEvent, id: "after001" });
    await insert({ ...baseEvent, id: "after002" });
    // As many changes as before the reset: the old token names no change of these.
    const listed = await call(eventsUrl(`?syncToken=${old}`), "GET");
    expect(listed.status).toBe(200);
    expect((listed.body?.["items"] as Array<{ id: string }>).map(({ id }) => id)).toEqual([
      "after001",
      "after002",
    ]);
  });
});

describe("freeBusy", () => {
  const query = (body: unknown) =>
    fetch(`${emulator.url}/calendar/v3/freeBusy`, bearer(token, body));

  it("returns merged busy blocks from API events and added blocks, clipped to the window", async () => {
    await insert({
      ...baseEvent,
      start: { dateTime: "2030-01-07T09:00:00Z" },
      end: { dateTime: "2030-01-07T10:00:00Z" },
    });
    await insert({
      ...baseEvent,
      id: "freeev01",
      start: { dateTime: "2030-01-07T15:00:00Z" },
      end: { dateTime: "2030-01-07T16:00:00Z" },
    });
    await call(eventsUrl("/freeev01"), "DELETE");
    await insert({
      ...baseEvent,
      transparency: "transparent",
      start: { dateTime: "2030-01-07T17:00:00Z" },
      end: { dateTime: "2030-01-07T18:00:00Z" },
    });
    emulator.addBusy(host, { start: "2030-01-07T09:30:00Z", end: "2030-01-07T11:00:00Z" });
    emulator.addBusy(host, {
      start: new Date("2030-01-07T23:00:00Z"),
      end: new Date("2030-01-08T02:00:00Z"),
    });
    emulator.addBusy("someone@else.test", {
      start: "2030-01-07T12:00:00Z",
      end: "2030-01-07T13:00:00Z",
    });

    const res = await query({
      timeMin: "2030-01-07T00:00:00Z",
      timeMax: "2030-01-08T00:00:00Z",
      items: [{ id: "primary" }],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      kind: "calendar#freeBusy",
      timeMin: "2030-01-07T00:00:00.000Z",
      timeMax: "2030-01-08T00:00:00.000Z",
      calendars: {
        primary: {
          busy: [
            { start: "2030-01-07T09:00:00Z", end: "2030-01-07T11:00:00Z" },
            { start: "2030-01-07T23:00:00Z", end: "2030-01-08T00:00:00Z" },
          ],
        },
      },
    });
  });

  it("reports notFound for calendars that are not the caller's", async () => {
    const res = await query({
      timeMin: "2030-01-07T00:00:00Z",
      timeMax: "2030-01-08T00:00:00Z",
      items: [{ id: "x@y.test" }],
    });
    expect(await res.json()).toMatchObject({
      calendars: { "x@y.test": { errors: [{ domain: "global", reason: "notFound" }], busy: [] } },
    });
  });

  it("validates the window", async () => {
    const missing = await query({ timeMax: "2030-01-08T00:00:00Z", items: [] });
    expect(missing.status).toBe(400);
    expectGoogleError(await missing.json(), 400, "required");
    const reversed = await query({
      timeMin: "2030-01-08T00:00:00Z",
      timeMax: "2030-01-07T00:00:00Z",
      items: [],
    });
    expectGoogleError(await reversed.json(), 400, "timeRangeEmpty");
  });
});
