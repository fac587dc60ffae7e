import { get, type IncomingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";
import { DEMO_HOST } from "@timetap/db";
import superjson from "superjson";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renewDueChannels } from "../calendar-push/calendar-channels.ts";
import { bookingInput, MONDAY_MORNING, MONDAY_TEN_BERLIN } from "../testing/booking-fixtures.ts";
import { serveApi } from "../testing/serve-api.ts";
import { startCalendarWebhook } from "../testing/calendar-webhook.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";
import { SlotsAnswers, slotsAnswerKey } from "./slots-answers.ts";

// Google pushes to the webhook, which must exist before the harness (its appUrl) does.
const webhook = await startCalendarWebhook(() => harness.deps);
const { harness, intro } = useBookingHarness({ appUrl: webhook.appUrl });
let api: Awaited<ReturnType<typeof serveApi>>;
beforeAll(async () => {
  api = await serveApi(harness.deps);
});
afterAll(async () => {
  await api.close();
  await webhook.close();
});
let asDemo: ReturnType<typeof harness.caller>;
beforeEach(async () => {
  const demo = await harness.db.host.findUniqueOrThrow({ where: { email: DEMO_HOST.email } });
  asDemo = harness.caller({ sessionHostId: demo.id });
});

const MINUTE_MS = 60_000;
/** The demo's Monday 2030-01-07 and the rest of its week. */
const week = () => ({
  hostSlug: "demo",
  packageId: intro.id,
  from: MONDAY_MORNING,
  to: new Date("2030-01-14T00:00:00Z"),
});

/** A booking page's view over HTTP, as tRPC's client sends it. */
async function view(input = week()) {
  const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  const response = await fetch(`${api.url}/availability.slots?input=${query}`);
  const body = await response.text();
  const { result } = JSON.parse(body) as {
    result: { data: Parameters<typeof superjson.deserialize>[0] };
  };
  const answer = superjson.deserialize<{ slots: { start: Date }[]; calendarDegraded: boolean }>(
    result.data,
  );
  return {
    status: response.status,
    headers: Object.fromEntries(
      [...response.headers].filter(([name]) => ["content-type", "vary"].includes(name)),
    ),
    body,
    starts: answer.slots.map((slot) => slot.start.toISOString()),
  };
}
/** A repeat view's raw bytes, the client asking for `acceptEncoding` (fetch would unzip them). */
function viewAsking(acceptEncoding: string) {
  const query = encodeURIComponent(JSON.stringify(superjson.serialize(week())));
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(
      `${api.url}/availability.slots?input=${query}`,
      { headers: { "accept-encoding": acceptEncoding } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    ).on("error", reject);
  });
}
const freebusyCalls = () =>
  harness.emulator.requests().filter((r) => r.operation === "freebusy").length;

describe("a slots answer kept for the next view", () => {
  it("serves a repeat view with the same bytes and headers, without reading the database again", async () => {
    const first = await view();
    expect(first.starts).toContain("2030-01-07T09:00:00.000Z");
    // Changed behind the API's back: only a view computed again would see it.
    await harness.db.availabilityRule.deleteMany();
    const second = await view();
    // The kept answer may also go out gzipped (below), so caches must tell by Accept-Encoding too.
    expect(second).toEqual({
      ...first,
      headers: { ...first.headers, vary: "trpc-accept, accept, accept-encoding" },
    });
    expect(freebusyCalls()).toBe(1);
  });

  it("gives a browser, which asks for gzip, the kept answer gzipped", async () => {
    const plain = await view();
    const zipped = await viewAsking("gzip, deflate, br");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.body.length).toBeLessThan(plain.body.length / 5);
    expect(gunzipSync(zipped.body).toString("utf8")).toBe(plain.body);
    // A client that does not take gzip, or refuses it, gets the bytes as they are.
    for (const refusing of ["identity", "gzip;q=0, identity"]) {
      const answer = await viewAsking(refusing);
      expect(answer.headers["content-encoding"]).toBeUndefined();
      expect(answer.body.toString("utf8")).toBe(plain.body);
    }
  });

  it("shows a booking made, moved or cancelled in the very next answer", async () => {
    expect((await view()).starts).toContain("2030-01-07T09:00:00.000Z");
    const booking = await harness
      .caller()
      .booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    expect((await view()).starts).not.toContain("2030-01-07T09:00:00.000Z");

    await harness.caller().booking.reschedule({
      id: booking.id,
      token: booking.token,
      startTime: new Date("2030-01-07T12:00:00Z"),
    });
    const moved = (await view()).starts;
    expect(moved).toContain("2030-01-07T09:00:00.000Z");
    expect(moved).not.toContain("2030-01-07T12:00:00.000Z");

    await harness.caller().booking.cancel({ id: booking.id, token: booking.token });
    expect((await view()).starts).toContain("2030-01-07T12:00:00.000Z");
  });

  it("shows new weekly hours and a package's new limits at once", async () => {
    expect((await view()).starts).toContain("2030-01-08T08:00:00.000Z");
    await asDemo.host.updateWeeklyHours({
      rules: [{ weekday: 1, startMinute: 9 * 60, endMinute: 12 * 60 }],
      minimumNoticeMinutes: 0,
    });
    // Mondays only, 09:00–12:00 in Berlin.
    expect((await view()).starts).toEqual(
      ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30"].map(
        (time) => `2030-01-07T${time}:00.000Z`,
      ),
    );
    await asDemo.host.updatePackageLimits({ packageId: intro.id, startIntervalMinutes: 60 });
    expect((await view()).starts).toEqual(
      ["08:00", "09:00", "10:00"].map((time) => `2030-01-07T${time}:00.000Z`),
    );
  });

  it("stops offering a slot once the clock passes its minimum notice", async () => {
    // Two hours' notice: the 08:00 slot is on offer until 06:00 exactly.
    expect((await view()).starts[0]).toBe("2030-01-07T08:00:00.000Z");
    harness.setNow(new Date(MONDAY_MORNING.getTime() + 1));
    expect((await view()).starts[0]).toBe("2030-01-07T08:30:00.000Z");
  });

  it("shows a new Google busy time once the busy times are five minutes old", async () => {
    await view();
    harness.emulator.addBusy(DEMO_HOST.email, {
      start: "2030-01-08T08:00:00Z",
      end: "2030-01-08T09:00:00Z",
    });
    harness.setNow(new Date(MONDAY_MORNING.getTime() + 2 * MINUTE_MS));
    // The 08:00 slot has gone by its notice meanwhile; the busy times still hold.
    expect((await view()).starts).toContain("2030-01-08T08:00:00.000Z");
    harness.setNow(new Date(MONDAY_MORNING.getTime() + 5 * MINUTE_MS + 1));
    expect((await view()).starts).not.toContain("2030-01-08T08:00:00.000Z");
  });

  it("drops the answer when Google says the host's calendar changed", async () => {
    // The channel keeper opens the channel on the host's calendar.
    await renewDueChannels(harness.deps);
    expect((await view()).starts).toContain(MONDAY_TEN_BERLIN.toISOString());
    harness.emulator.addEvent(DEMO_HOST.email, {
      calendarId: DEMO_HOST.email,
      start: MONDAY_TEN_BERLIN,
      end: new Date(MONDAY_TEN_BERLIN.getTime() + 30 * MINUTE_MS),
    });
    await expect
      .poll(async () => (await view()).starts, { timeout: 1_000, interval: 50 })
      .not.toContain(MONDAY_TEN_BERLIN.toISOString());
  });
});

describe("answers being kept", () => {
  const question = {
    hostSlug: "demo",
    packageId: "p1",
    from: MONDAY_MORNING,
    to: new Date("2030-01-08T00:00:00Z"),
  };
  const key = slotsAnswerKey(question);
  const later = new Date(MONDAY_MORNING.getTime() + MINUTE_MS);
  const answers = (hears = () => true) => new SlotsAnswers({ now: () => MONDAY_MORNING }, hears);

  it("does not keep an answer computed while its host changed: it may show the time before", () => {
    const kept = answers();
    const version = kept.version();
    kept.dropHost("h1");
    kept.remember(key, () => Buffer.from("old"), { hostId: "h1", validUntil: later, version });
    expect(kept.get(key)).toBeUndefined();
    kept.remember(key, () => Buffer.from("new"), {
      hostId: "h1",
      validUntil: later,
      version: kept.version(),
    });
    expect(kept.get(key)?.toString()).toBe("new");
  });

  it("keeps nothing while changes of other processes may go unheard", () => {
    let hears = false;
    const kept = answers(() => hears);
    kept.remember(key, () => Buffer.from("body"), { hostId: "h1", validUntil: later, version: 0 });
    expect(kept.get(key)).toBeUndefined();
    hears = true;
    kept.remember(key, () => Buffer.from("body"), { hostId: "h1", validUntil: later, version: 0 });
    expect(kept.get(key)?.toString()).toBe("body");
  });
});
