import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./server.ts";
import { accessTokenFor, bearer, postToken } from "./testing/index.ts";
import type { Emulator } from "./types.ts";

const emulator: Emulator = await startEmulator({ port: 0 });
afterAll(() => emulator.close());

const host = "host@example.com";
let token = "";
beforeEach(async () => {
  emulator.reset();
  token = await accessTokenFor(emulator, host);
});

const event = (id: string) => ({
  id,
  start: { dateTime: "2030-01-07T10:00:00Z" },
  end: { dateTime: "2030-01-07T11:00:00Z" },
  attendees: [{ email: "ann@customer.test" }],
  conferenceData: {
    createRequest: { requestId: id, conferenceSolutionKey: { type: "hangoutsMeet" } },
  },
});
const eventsUrl = () => `${emulator.url}/calendar/v3/calendars/primary/events`;
const insert = (id: string) =>
  fetch(`${eventsUrl()}?conferenceDataVersion=1&sendUpdates=all`, bearer(token, event(id)));
interface EventJson {
  hangoutLink?: string;
  conferenceData?: {
    createRequest: { status: { statusCode: string } };
    entryPoints?: { uri: string }[];
  };
}
const get = async (id: string) =>
  (await (await fetch(`${eventsUrl()}/${id}`, bearer(token))).json()) as EventJson;
const statusOf = (event: EventJson) => event.conferenceData?.createRequest.status.statusCode;

describe("failNext", () => {
  it("answers the queued failures in Google's shape, then recovers", async () => {
    emulator.failNext("events.insert", { status: 503, reason: "backendError", count: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await insert("fault0001");
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        error: {
          code: 503,
          message: "Backend Error",
          errors: [{ domain: "global", reason: "backendError", message: "Backend Error" }],
          status: "UNAVAILABLE",
        },
      });
    }
    expect((await insert("fault0001")).status).toBe(200);
  });

  it("uses the given message and applies queued failures in order", async () => {
    emulator.failNext("freebusy", { status: 403, reason: "rateLimitExceeded" });
    emulator.failNext("freebusy", { status: 500, reason: "backendError", message: "boom" });
    const body = {
      timeMin: "2030-01-07T00:00:00Z",
      timeMax: "2030-01-08T00:00:00Z",
      items: [{ id: "primary" }],
    };
    const first = await fetch(`${emulator.url}/calendar/v3/freeBusy`, bearer(token, body));
    expect(first.status).toBe(403);
    expect(await first.json()).toMatchObject({
      error: { errors: [{ reason: "rateLimitExceeded", message: "Rate Limit Exceeded" }] },
    });
    const second = await fetch(`${emulator.url}/calendar/v3/freeBusy`, bearer(token, body));
    expect(await second.json()).toMatchObject({ error: { code: 500, message: "boom" } });
  });

  it("answers token and revoke failures in the OAuth shape", async () => {
    const refreshToken = emulator.issueRefreshToken(host);
    emulator.failNext("token", { status: 400, reason: "invalid_grant" });
    const res = await postToken(emulator, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "invalid_grant",
      error_description: "Token has been expired or revoked.",
    });
    emulator.failNext("revoke", {
      status: 503,
      reason: "temporarily_unavailable",
      message: "later",
    });
    const revoke = await fetch(`${emulator.url}/revoke?token=${refreshToken}`, { method: "POST" });
    expect(await revoke.json()).toEqual({
      error: "temporarily_unavailable",
      error_description: "later",
    });
  });

  it("only affects the named operation", async () => {
    emulator.failNext("events.get", { status: 503, reason: "backendError" });
    expect((await insert("fault0002")).status).toBe(200);
    const res = await fetch(`${eventsUrl()}/fault0002`, bearer(token));
    expect(res.status).toBe(503);
  });

  it("rejects unknown operations", () => {
    expect(() => emulator.failNext("events.move" as never, { status: 500, reason: "x" })).toThrow(
      /Unknown operation/,
    );
  });
});

describe("latency and hang", () => {
  it("delays answers by the configured latency", async () => {
    emulator.setLatency("userinfo", 150);
    const started = Date.now();
    await fetch(`${emulator.url}/oauth2/v3/userinfo`, bearer(token));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("leaves hung requests unanswered until reset, then answers normally", async () => {
    emulator.hang("events.list", 1);
    const hung = fetch(eventsUrl(), bearer(token)).then(
      () => "answered",
      () => "dropped",
    );
    const early = await Promise.race([
      hung,
      new Promise((r) => setTimeout(() => r("waiting"), 200)),
    ]);
    expect(early).toBe("waiting");
    emulator.reset();
    expect(await hung).toBe("dropped");
    token = await accessTokenFor(emulator, host);
    expect((await fetch(eventsUrl(), bearer(token))).status).toBe(200);
  });

  it("close() ends hung requests so the process can exit", async () => {
    const other = await startEmulator({ port: 0 });
    other.hang("userinfo", 1);
    const hung = fetch(`${other.url}/oauth2/v3/userinfo`).then(
      () => "answered",
      () => "dropped",
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await other.close();
    expect(await hung).toBe("dropped");
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("conferencePending", () => {
  it("keeps new conferences pending for N events.get polls", async () => {
    emulator.conferencePending({ polls: 2 });
    const created = (await (await insert("pending01")).json()) as EventJson;
    expect(created.conferenceData).toEqual({
      createRequest: {
        requestId: "pending01",
        conferenceSolutionKey: { type: "hangoutsMeet" },
        status: { statusCode: "pending" },
      },
    });
    expect(created.hangoutLink).toBeUndefined();
    expect(emulator.invitations()).toEqual([
      { to: "ann@customer.test", eventId: "pending01", kind: "invite" },
    ]);
    expect(statusOf(await get("pending01"))).toBe("pending");
    expect(statusOf(await get("pending01"))).toBe("pending");
    const done = await get("pending01");
    expect(statusOf(done)).toBe("success");
    const uri = done.conferenceData?.entryPoints?.[0]?.uri;
    expect(uri).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(done.hangoutLink).toBe(uri);
  });

  it("keeps new conferences pending for a duration, for the next count events only", async () => {
    emulator.conferencePending({ ms: 60_000, count: 1 });
    await insert("pending02");
    const second = (await (await insert("pending03")).json()) as EventJson;
    expect(statusOf(second)).toBe("success");
    expect(statusOf(await get("pending02"))).toBe("pending");
    emulator.advanceTime(60_000);
    expect((await get("pending02")).hangoutLink).toMatch(/^https:\/\/meet\.google\.com\//);
  });
});

describe("requests()", () => {
  it("records every Google request in order with its operation, query and body", async () => {
    await insert("record01");
    await fetch(`${eventsUrl()}/record01`, bearer(token));
    await fetch(`${emulator.url}/nowhere`);
    const recorded = emulator.requests();
    expect(recorded.map((r) => r.operation)).toEqual([
      "token",
      "events.insert",
      "events.get",
      null,
    ]);
    expect(recorded[1]).toMatchObject({
      method: "POST",
      path: "/calendar/v3/calendars/primary/events",
      query: { conferenceDataVersion: "1", sendUpdates: "all" },
      body: { id: "record01" },
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(recorded[0]?.body).toMatchObject({ grant_type: "refresh_token" });
  });
});
