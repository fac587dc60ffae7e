import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./server.ts";
import { bearer, postToken } from "./testing/index.ts";
import type { Emulator } from "./types.ts";

const emulator: Emulator = await startEmulator({ port: 0 });
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

async function control(route: string, body?: unknown) {
  const res = await fetch(`${emulator.url}/__control/${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

async function accessToken(email: string) {
  const { body } = await control("refresh-tokens", { email });
  const res = await postToken(emulator, {
    grant_type: "refresh_token",
    refresh_token: (body as { refreshToken: string }).refreshToken,
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe("control HTTP API", () => {
  it("creates users and issues usable refresh tokens", async () => {
    const user = await control("users", { email: "host@example.com", name: "Host" });
    expect(user).toMatchObject({ status: 200, body: { email: "host@example.com", name: "Host" } });
    const token = await accessToken("host@example.com");
    const info = await fetch(`${emulator.url}/oauth2/v3/userinfo`, bearer(token));
    expect(await info.json()).toMatchObject({ email: "host@example.com", name: "Host" });
  });

  it("creates a second account with the same email, by sub, with its email unverified", async () => {
    await control("users", { email: "host@example.com", name: "Host" });
    const other = await control("users", {
      email: "host@example.com",
      sub: "987654321",
      emailVerified: false,
    });
    expect(other).toMatchObject({
      status: 200,
      body: { email: "host@example.com", sub: "987654321", emailVerified: false },
    });
    const first = await control("users", { email: "host@example.com" });
    expect(first.body).toMatchObject({ name: "Host", emailVerified: true });
    expect(await control("users", { email: "a@example.com", sub: "not ok" })).toMatchObject({
      status: 400,
    });
    expect(await control("users", { email: "a@example.com", emailVerified: "no" })).toMatchObject({
      status: 400,
    });
  });

  it("adds busy blocks, injects failures and lists requests, events and invitations", async () => {
    const token = await accessToken("host@example.com");
    expect(
      (
        await control("busy", {
          email: "host@example.com",
          start: "2030-01-01T10:00:00Z",
          end: "2030-01-01T11:00:00Z",
        })
      ).status,
    ).toBe(200);
    await control("fail", { operation: "freebusy", status: 503, reason: "backendError" });
    const body = {
      timeMin: "2030-01-01T00:00:00Z",
      timeMax: "2030-01-02T00:00:00Z",
      items: [{ id: "primary" }],
    };
    expect((await fetch(`${emulator.url}/calendar/v3/freeBusy`, bearer(token, body))).status).toBe(
      503,
    );
    const ok = await fetch(`${emulator.url}/calendar/v3/freeBusy`, bearer(token, body));
    expect(await ok.json()).toMatchObject({
      calendars: { primary: { busy: [{ start: "2030-01-01T10:00:00Z" }] } },
    });

    await fetch(
      `${emulator.url}/calendar/v3/calendars/primary/events?sendUpdates=all`,
      bearer(token, {
        id: "ctrl0001",
        start: { dateTime: "2030-01-01T12:00:00Z" },
        end: { dateTime: "2030-01-01T13:00:00Z" },
        attendees: [{ email: "c@x.test" }],
      }),
    );
    expect((await control("events?email=host%40example.com")).body).toMatchObject([
      { id: "ctrl0001" },
    ]);
    expect((await control("invitations")).body).toEqual([
      { to: "c@x.test", eventId: "ctrl0001", kind: "invite" },
    ]);
    expect(
      ((await control("requests")).body as { operation: string }[]).map((r) => r.operation),
    ).toEqual(["token", "freebusy", "freebusy", "events.insert"]);
  });

  it("sets latency, hangs, pending conferences, revokes users and advances time", async () => {
    const token = await accessToken("host@example.com");
    expect((await control("latency", { operation: "userinfo", ms: 0 })).status).toBe(200);
    expect((await control("hang", { operation: "events.get", count: 1 })).status).toBe(200);
    expect((await control("conference-pending", { polls: 1 })).status).toBe(200);
    expect((await control("advance-time", { ms: 3600 * 1000 })).status).toBe(200);
    expect((await fetch(`${emulator.url}/oauth2/v3/userinfo`, bearer(token))).status).toBe(401);

    const fresh = await accessToken("host@example.com");
    expect((await control("revoke-user", { email: "host@example.com" })).status).toBe(200);
    expect((await fetch(`${emulator.url}/oauth2/v3/userinfo`, bearer(fresh))).status).toBe(401);
  });

  it("refuses a control request that is not JSON, which a page on another site could send", async () => {
    for (const type of ["application/x-www-form-urlencoded", "text/plain"]) {
      const res = await fetch(`${emulator.url}/__control/revoke-user`, {
        method: "POST",
        headers: { "content-type": type },
        body: JSON.stringify({ email: "host@example.com" }),
      });
      expect(res.status).toBe(415);
    }
    const token = await accessToken("host@example.com");
    expect((await fetch(`${emulator.url}/oauth2/v3/userinfo`, bearer(token))).status).toBe(200);
  });

  it("resets all state", async () => {
    await control("users", { email: "host@example.com" });
    await control("reset", {});
    expect((await control("requests")).body).toEqual([]);
  });

  it("answers 400 for bad input and 404 for unknown routes", async () => {
    expect(await control("fail", { operation: "nope", status: 500, reason: "x" })).toEqual({
      status: 400,
      body: { error: "Unknown operation: nope" },
    });
    expect((await control("busy", { email: "host@example.com", start: "soon" })).status).toBe(400);
    expect((await control("users", { name: "no email" })).status).toBe(400);
    expect((await control("whatever", {})).status).toBe(404);
  });
});

describe("the host's own calendar edits over HTTP", () => {
  it("adds a calendar, adds, moves and deletes events in it, and refuses a bad range", async () => {
    await control("users", { email: "host@example.com" });
    const work = (await control("calendars", { email: "host@example.com", summary: "Work" }))
      .body as { id: string };
    expect(work.id).toMatch(/@group\.calendar\.google\.com$/);
    const added = await control("host-events", {
      email: "host@example.com",
      calendarId: work.id,
      start: "2030-03-04T09:00:00Z",
      end: "2030-03-04T10:00:00Z",
    });
    const eventId = (added.body as { id: string }).id;
    await control("host-events/move", {
      email: "host@example.com",
      calendarId: work.id,
      eventId,
      start: "2030-03-04T11:00:00Z",
      end: "2030-03-04T12:00:00Z",
    });
    const query = `events?email=host%40example.com&calendarId=${encodeURIComponent(work.id)}`;
    expect((await control(query)).body).toMatchObject([
      { id: eventId, start: { dateTime: "2030-03-04T11:00:00.000Z" } },
    ]);
    await control("host-events/delete", {
      email: "host@example.com",
      calendarId: work.id,
      eventId,
    });
    expect((await control(query)).body).toMatchObject([{ id: eventId, status: "cancelled" }]);
    expect(
      await control("host-events", {
        email: "host@example.com",
        start: "2030-03-04T11:00:00Z",
        end: "2030-03-04T10:00:00Z",
      }),
    ).toMatchObject({ status: 400, body: { error: "end must be after start" } });
    await control("remove-calendar", { email: "host@example.com", calendarId: work.id });
    expect(await control(query)).toMatchObject({ status: 400 });
    expect(await control("channels")).toMatchObject({ status: 200, body: [] });
  });
});
