import { describe, expect, it } from "vitest";
import { bookingInput, MONDAY_TEN_BERLIN } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness({
  limits: { slotsPerIp: { points: 1, durationSeconds: 60 } },
});

/** One sample of the scraped text, found by its name and labels; 0 when it is absent. */
async function sample(name: string, labels: Record<string, string> = {}) {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = (await harness.deps.metrics.render())
    .split("\n")
    .find(
      (text) =>
        (text.startsWith(`${name}{`) || text.startsWith(`${name} `)) &&
        wanted.every((label) => text.includes(label)),
    );
  return line ? Number(line.split(" ").at(-1)) : 0;
}

describe("/metrics", () => {
  it("counts bookings made, the race lost for a taken time, and the Google calls behind them", async () => {
    const created = await sample("timetap_bookings_created_total");
    const conflicts = await sample("timetap_booking_conflicts_total", {
      procedure: "booking.create",
    });
    const inserts = await sample("timetap_google_calls_total", {
      operation: "events.insert",
      outcome: "ok",
    });

    await harness.caller().booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    await expect(
      harness.caller().booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN, "b@example.com")),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await sample("timetap_bookings_created_total")).toBe(created + 1);
    expect(await sample("timetap_booking_conflicts_total", { procedure: "booking.create" })).toBe(
      conflicts + 1,
    );
    expect(
      await sample("timetap_google_calls_total", { operation: "events.insert", outcome: "ok" }),
    ).toBe(inserts + 1);
    expect(
      await sample("timetap_google_call_seconds_count", { operation: "events.insert" }),
    ).toBeGreaterThanOrEqual(inserts + 1);
  });

  it("counts a Google failure by its class", async () => {
    const before = await sample("timetap_google_calls_total", {
      operation: "events.insert",
      outcome: "retryable",
    });
    harness.emulator.failNext("events.insert", { status: 503, reason: "backendError" });
    await harness.caller().booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    expect(
      await sample("timetap_google_calls_total", {
        operation: "events.insert",
        outcome: "retryable",
      }),
    ).toBe(before + 1);
  });

  it("counts requests held by an abuse limit, by limit", async () => {
    const before = await sample("timetap_rate_limited_total", { limit: "slotsPerIp" });
    const range = {
      hostSlug: "demo",
      packageId: intro.id,
      from: MONDAY_TEN_BERLIN,
      to: new Date(MONDAY_TEN_BERLIN.getTime() + 86_400_000),
    };
    const client = harness.caller({ clientIp: "203.0.113.9" });
    await client.availability.slots(range);
    await expect(client.availability.slots(range)).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(await sample("timetap_rate_limited_total", { limit: "slotsPerIp" })).toBe(before + 1);
  });

  it("reports the outbox from the database: rows by state and kind, and how long the oldest due one waited", async () => {
    await harness.db.email.deleteMany();
    await harness.caller().booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN));
    const confirmations = { outbox: "email", state: "pending", kind: "booking_confirmed" };
    expect(await sample("timetap_outbox_rows", confirmations)).toBe(1);
    expect(await sample("timetap_outbox_oldest_due_seconds", { outbox: "email" })).toBe(0);

    harness.setNow(new Date(harness.deps.clock.now().getTime() + 90_000));
    expect(await sample("timetap_outbox_oldest_due_seconds", { outbox: "email" })).toBe(90);
    expect(
      await sample("timetap_outbox_rows", {
        outbox: "calendar_sync",
        state: "done",
        kind: "create",
      }),
    ).toBe(1);
  });
});
