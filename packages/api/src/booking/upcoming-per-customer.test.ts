import { describe, expect, it } from "vitest";
import { bookingInput, MONDAY_TEN_BERLIN } from "../testing/booking-fixtures.ts";
import { useBookingHarness } from "../testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness();
const hour = 3_600_000;
const at = (hours: number) => new Date(MONDAY_TEN_BERLIN.getTime() + hours * hour);

describe("upcoming bookings per customer", () => {
  it("lets one email hold three upcoming sessions with a host, whatever its case, and refuses a fourth, writing nothing", async () => {
    const book = (hours: number, email: string) =>
      harness.caller().booking.create(bookingInput(intro.id, at(hours), email));
    await book(0, "cora@example.com");
    await book(1, "Cora@Example.com");
    await book(2, "CORA@example.com");

    await expect(book(3, "cora@example.com")).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "You already have 3 upcoming sessions with Dana Demo. Please book another once one has taken place, or cancel one first.",
    });
    expect(await harness.db.booking.count()).toBe(3);
    await expect(book(3, "someone-else@example.com")).resolves.toMatchObject({
      customerEmail: "someone-else@example.com",
    });
  });

  it("frees a place when a session is cancelled or has taken place, and follows the host's own number", async () => {
    const book = (hours: number) =>
      harness.caller().booking.create(bookingInput(intro.id, at(hours), "cora@example.com"));
    const first = await book(0);
    await book(1);
    await book(2);
    await harness.caller().booking.cancel({ id: first.id, token: first.token });
    await expect(book(3)).resolves.toMatchObject({ startTime: at(3) });

    const demo = await harness.db.host.findUniqueOrThrow({ where: { slug: "demo" } });
    const asHost = harness.caller({ sessionHostId: demo.id });
    const limits = await asHost.host.bookingLimits();
    expect(limits.upcomingPerCustomer).toBe(3);
    await asHost.host.updateBookingLimits({ ...limits, upcomingPerCustomer: 4 });
    await expect(book(4)).resolves.toMatchObject({ startTime: at(4) });
    await expect(book(5)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      asHost.host.updateBookingLimits({ ...limits, upcomingPerCustomer: 0 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // Once the first two sessions are over, two more fit.
    harness.setNow(new Date(at(2).getTime() - 1));
    await expect(book(6)).resolves.toMatchObject({ startTime: at(6) });
  });
});
