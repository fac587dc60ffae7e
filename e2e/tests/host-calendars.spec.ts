import { expect, type Locator, type Page } from "@playwright/test";
import { test } from "./page-errors";
import type { ChannelInfo } from "@timetap/google-emulator";
import { emulatorUrl } from "../playwright.config.ts";
import { DEMO_HOST_EMAIL, signInAsDemoHost } from "./demo-host.ts";
import { eventsWith } from "./calendar-events.ts";
import { messagesTo } from "./caught-mail.ts";

// Thursday 4 February 2027, 10:00 in Berlin: inside the demo host's hours, days after the pinned clock.
const THURSDAY_TEN = "2027-02-04T09:00:00.000Z";
const THURSDAY_ELEVEN = "2027-02-04T10:00:00.000Z";

async function control<T>(route: string, body: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl}/__control/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.ok, `emulator ${route}`).toBe(true);
  return (await response.json()) as T;
}

/** A tRPC query, as any client makes it. */
async function call(page: Page, path: string, input: unknown): Promise<unknown> {
  const origin = new URL(page.url()).origin;
  const response = await fetch(
    `${origin}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

/** The start times the demo's intro call offers on Thursday. */
async function thursdayStarts(page: Page): Promise<string[]> {
  const { packages } = (await call(page, "catalog.host", { slug: "demo" })) as {
    packages: { id: string; durationMinutes: number }[];
  };
  const intro = packages.find((pkg) => pkg.durationMinutes === 30);
  const { slots } = (await call(page, "availability.slots", {
    hostSlug: "demo",
    packageId: intro?.id,
    from: "2027-02-04T00:00:00.000Z",
    to: "2027-02-05T00:00:00.000Z",
  })) as { slots: { start: string }[] };
  return slots.map((slot) => slot.start);
}

/** Books the demo's 30-minute intro call through the API, as another app would. */
async function bookIntro(page: Page, startTime: string, customerEmail: string) {
  const origin = new URL(page.url()).origin;
  const { packages } = (await call(page, "catalog.host", { slug: "demo" })) as {
    packages: { id: string; durationMinutes: number }[];
  };
  const booked = await fetch(`${origin}/api/trpc/booking.create`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      json: {
        hostSlug: "demo",
        packageId: packages.find((pkg) => pkg.durationMinutes === 30)?.id,
        startTime,
        customerEmail,
      },
    }),
  });
  expect(booked.status).toBe(200);
}

/**
 * The demo host signed in, its primary calendar watched (the keeper opens the channel shortly
 * after sign-in), and a session booked at `startTime` for `email`: its event in Google.
 */
async function bookedWithPrimaryWatched(page: Page, startTime: string, email: string) {
  await signInAsDemoHost(page);
  await expect
    .poll(
      async () =>
        ((await (await fetch(`${emulatorUrl}/__control/channels`)).json()) as ChannelInfo[]).some(
          (channel) => channel.calendarId === DEMO_HOST_EMAIL && channel.live,
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  await bookIntro(page, startTime, email);
  await expect.poll(async () => (await eventsWith(DEMO_HOST_EMAIL, email)).length).toBe(1);
  const [event] = await eventsWith(DEMO_HOST_EMAIL, email);
  return event;
}

/** Opens the dashboard until `text` shows (a notification's reconciliation runs in the background). */
async function dashboardUntil(page: Page, text: Locator) {
  await expect
    .poll(
      async () => {
        await page.goto("/dashboard");
        return text.count();
      },
      { timeout: 10_000 },
    )
    .toBe(1);
}

async function chooseBusyCalendars(page: Page, names: string[], all: string[]) {
  await page.goto("/dashboard/calendars");
  const busy = page.getByRole("group", { name: "Calendars that make you busy" });
  for (const name of all) {
    const box = busy.getByRole("checkbox", { name, exact: false });
    if (names.includes(name)) await box.check();
    else await box.uncheck();
  }
  await page.getByRole("button", { name: "Save calendars" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Your calendars are saved. Your booking page uses them now.",
  );
}

test("the host makes a second calendar count as busy; its events leave the booking page at once, and a lost calendar is reported", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAsDemoHost(page);
  const summary = `Work ${Date.now()}`;
  const work = await control<{ id: string }>("calendars", {
    email: DEMO_HOST_EMAIL,
    summary,
  });
  await control("host-events", {
    email: DEMO_HOST_EMAIL,
    calendarId: work.id,
    start: THURSDAY_TEN,
    end: "2027-02-04T10:00:00.000Z",
  });
  expect(await thursdayStarts(page)).toContain(THURSDAY_TEN);

  try {
    await chooseBusyCalendars(page, [DEMO_HOST_EMAIL, summary], [DEMO_HOST_EMAIL, summary]);
    await expect(
      page.getByRole("group", { name: "Calendar for new sessions" }).getByRole("radio", {
        name: DEMO_HOST_EMAIL,
      }),
    ).toBeChecked();
    expect(await thursdayStarts(page)).not.toContain(THURSDAY_TEN);

    // Google pushes the next change to the app, which drops its cached busy times at once.
    expect(await thursdayStarts(page)).toContain(THURSDAY_ELEVEN);
    await control("host-events", {
      email: DEMO_HOST_EMAIL,
      calendarId: work.id,
      start: THURSDAY_ELEVEN,
      end: "2027-02-04T11:00:00.000Z",
    });
    await expect
      .poll(() => thursdayStarts(page), { timeout: 3_000 })
      .not.toContain(THURSDAY_ELEVEN);

    await control("remove-calendar", { email: DEMO_HOST_EMAIL, calendarId: work.id });
    await page.goto("/dashboard");
    await expect(page.getByRole("alert")).toContainText(
      "A calendar you chose is no longer in your Google account",
    );
    await expect(page.getByText(`Busy times from: ${DEMO_HOST_EMAIL}`)).toBeVisible();
  } finally {
    await chooseBusyCalendars(page, [DEMO_HOST_EMAIL], [DEMO_HOST_EMAIL]);
  }
});

test("a session's event the host deletes in Google is flagged on the dashboard, and restored when the host says so", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const email = `e2e-removed-${Date.now()}@example.com`;
  // Friday 5 February 2027, 14:00–14:30 in Berlin.
  const event = await bookedWithPrimaryWatched(page, "2027-02-05T13:00:00.000Z", email);

  await control("host-events/delete", { email: DEMO_HOST_EMAIL, eventId: event?.id });
  await dashboardUntil(page, page.getByText("Removed from your calendar in Google"));
  await page.getByRole("button", { name: `Restore the event: ${email}` }).click();
  await expect(page.getByText("Removed from your calendar in Google")).toHaveCount(0);
  await expect
    .poll(async () => (await eventsWith(DEMO_HOST_EMAIL, email))[0]?.status)
    .toBe("confirmed");
});

test("a session's event the host moves in Google shows both times on the dashboard; accepting the new time moves the booking and emails the customer", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const email = `e2e-moved-${Date.now()}@example.com`;
  // Friday 5 February 2027, 15:00–15:30 in Berlin, moved by the host to 16:00–16:30.
  const event = await bookedWithPrimaryWatched(page, "2027-02-05T14:00:00.000Z", email);
  await control("host-events/move", {
    email: DEMO_HOST_EMAIL,
    eventId: event?.id,
    start: "2027-02-05T15:00:00.000Z",
    end: "2027-02-05T15:30:00.000Z",
  });

  const row = page.getByRole("listitem").filter({ hasText: email });
  await dashboardUntil(page, row.getByText("Moved in your Google calendar"));
  await expect(row).toContainText("Friday, 5 February 2027, 15:00–15:30");
  await expect(row).toContainText(
    "Moved in your Google calendar to Friday, 5 February 2027, 16:00–16:30",
  );

  await page.getByRole("button", { name: `Accept the new time: ${email}` }).click();
  await expect(row.getByText("Moved in your Google calendar")).toHaveCount(0);
  await expect(row).toContainText("Friday, 5 February 2027, 16:00–16:30");
  await expect
    .poll(async () => (await messagesTo(email)).map((message) => message.subject))
    .toContain("Moved: Free intro call with Dana Demo");
  const moved = (await messagesTo(email)).filter((m) => m.subject.startsWith("Moved:"));
  expect(moved).toHaveLength(1);
  expect(moved[0]?.text).toContain("When: Friday, 5 February 2027, 16:00–16:30 (Europe/Berlin)");
});
