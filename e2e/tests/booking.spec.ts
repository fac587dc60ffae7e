import { expect, type Page } from "@playwright/test";
import { test } from "./page-errors";
import { emulatorUrl } from "../playwright.config.ts";
import { eventsWith } from "./calendar-events.ts";

const DEMO_HOST_EMAIL = "demo@timetap.local";
const MEET_LINK = /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

// A zone other than the host's (Europe/Berlin), so the page has to pick up the browser's.
test.use({ timezoneId: "Europe/Lisbon" });

async function control(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}/__control/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `emulator ${path}`).toBe(true);
  return response.json();
}

const demoEventsWith = (attendee: string) => eventsWith(DEMO_HOST_EMAIL, attendee);

/** Pages ahead from the week shown until one offers at least `count` times (at most 3 weeks). */
async function showWeekWithTimes(page: Page, count: number) {
  const enough = page.getByRole("radio").nth(count - 1);
  const emptyWeek = page.getByText("No free times this week.");
  const weekHeading = page.getByRole("navigation", { name: "Weeks" }).getByRole("heading");
  for (let pages = 0; pages < 3; pages += 1) {
    await expect(page.getByRole("radio").first().or(emptyWeek)).toBeVisible();
    if (await enough.isVisible()) return;
    const shownWeek = await weekHeading.textContent();
    await page.getByRole("link", { name: "Next week", exact: true }).click();
    await expect(weekHeading).not.toHaveText(shownWeek ?? "");
  }
  await expect(enough).toBeVisible();
}

/** Opens the free intro call's booking page and picks its first free slot, paging ahead if needed. */
async function pickFirstFreeSlot(page: Page) {
  await page.goto("/demo");
  await page.getByRole("link", { name: "Book Free intro call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Free intro call" })).toBeVisible();
  await expect(page.getByText("30 minutes with Dana Demo")).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Lisbon");

  await showWeekWithTimes(page, 1);
  const firstSlot = page.getByRole("radio").first();
  await firstSlot.check();
  return firstSlot.getAttribute("value");
}

test("a visitor books the free intro call and gets a Meet link", async ({ page }) => {
  const email = `e2e-${Date.now()}@example.com`;
  await pickFirstFreeSlot(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Confirm booking" }).click();

  await expect(page).toHaveURL(/\/bookings\/[^/?]+\?token=/);
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText(/\(Europe\/Lisbon\)$/)).toBeVisible();
  await expect(page.getByText(/in Dana Demo's time zone \(Europe\/Berlin\)$/)).toBeVisible();
  const join = page.getByRole("link", { name: "Join with Google Meet" });
  await expect(join).toHaveAttribute("href", MEET_LINK);

  const events = await demoEventsWith(email);
  expect(events).toHaveLength(1);
  expect(events[0]?.["hangoutLink"]).toBe(await join.getAttribute("href"));
});

test("when Google fails at first, the Meet link appears once the retry succeeds", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await control("fail", {
    operation: "events.insert",
    status: 503,
    reason: "backendError",
    count: 1,
  });
  const email = `e2e-retry-${Date.now()}@example.com`;
  await pickFirstFreeSlot(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Confirm booking" }).click();

  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await expect(page.getByText(`Your Meet link will be sent to ${email} by email.`)).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Adding to the host's calendar…");

  // No reload: the page asks again by itself while the calendar event is pending.
  const join = page.getByRole("link", { name: "Join with Google Meet" });
  await expect(join).toHaveAttribute("href", MEET_LINK, { timeout: 30_000 });
  await expect(page.getByRole("status")).toHaveCount(0);
  expect(await demoEventsWith(email)).toHaveLength(1);
});

test("an invalid email is shown under the field and books nothing", async ({ page }) => {
  const slot = await pickFirstFreeSlot(page);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Confirm booking" }).click();

  const email = page.getByLabel("Email");
  await expect(email).toHaveAccessibleDescription("Enter a valid email address.");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveValue("not-an-email");
  await expect(page).toHaveURL(/\/demo\/book\?/);
  // The slot is still free, and still chosen.
  await expect(page.locator(`input[name="startTime"][value="${slot}"]`)).toBeChecked();
  expect(await demoEventsWith("not-an-email")).toHaveLength(0);
});

test("a customer cancels from their confirmation page; the event goes and the time is free again", async ({
  page,
}) => {
  const email = `e2e-cancel-${Date.now()}@example.com`;
  const slot = await pickFirstFreeSlot(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("link", { name: "Join with Google Meet" })).toBeVisible();

  await page.getByText("Need to cancel?").click();
  await page.getByRole("button", { name: "Cancel booking" }).click();

  await expect(page.getByRole("heading", { name: "Booking cancelled" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Join with Google Meet" })).toHaveCount(0);
  await expect(page.getByText("Need to cancel?")).toHaveCount(0);
  const events = await demoEventsWith(email);
  expect(events.map((event) => event.status)).toEqual(["cancelled"]);
  const invitations = (await control("invitations")) as Array<{ to: string; kind: string }>;
  expect(invitations.filter((sent) => sent.to === email).map((sent) => sent.kind)).toEqual([
    "invite",
    "cancel",
  ]);

  // The freed time is the first one offered again.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Booking cancelled" })).toBeVisible();
  expect(await pickFirstFreeSlot(page)).toBe(slot);
});

test("a customer moves their booking to another time; the event moves and keeps its Meet link", async ({
  page,
}) => {
  const email = `e2e-move-${Date.now()}@example.com`;
  await pickFirstFreeSlot(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  const join = page.getByRole("link", { name: "Join with Google Meet" });
  await expect(join).toBeVisible();
  const meetLink = await join.getAttribute("href");
  const [booked] = await demoEventsWith(email);

  await page.getByRole("link", { name: "Reschedule" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Move your Free intro call" }),
  ).toBeVisible();
  await expect(page.getByText(/^Now booked:/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "← Keep my current time" })).toHaveAttribute(
    "href",
    /^\/bookings\/[^/?]+\?token=/,
  );
  await showWeekWithTimes(page, 2);
  const newSlot = page.getByRole("radio").nth(1);
  const newStart = await newSlot.getAttribute("value");
  await newSlot.check();
  await page.getByRole("button", { name: "Move booking" }).click();

  await expect(page).toHaveURL(/\/bookings\/[^/?]+\?token=/);
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await expect(join).toHaveAttribute("href", meetLink ?? "");
  const events = await demoEventsWith(email);
  expect(events).toHaveLength(1);
  expect(events[0]?.["id"]).toBe(booked?.["id"]);
  expect((events[0]?.["start"] as { dateTime: string }).dateTime).toBe(newStart);
});

test("when someone else takes the chosen time first, the form says so and offers fresh times", async ({
  page,
}) => {
  const slot = await pickFirstFreeSlot(page);
  const packageId = new URL(page.url()).searchParams.get("package");
  // Another customer books the same time through the API while this visitor is typing.
  const taken = await fetch(`${new URL(page.url()).origin}/api/trpc/booking.create`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      json: { hostSlug: "demo", packageId, startTime: slot, customerEmail: "first@example.com" },
    }),
  });
  expect(taken.status).toBe(200);

  await page.getByLabel("Email").fill(`e2e-second-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Confirm booking" }).click();

  await expect(page.getByText("This time was just booked. Please pick another.")).toBeVisible();
  await expect(page).toHaveURL(/\/demo\/book\?/);
  await expect(page.locator(`input[name="startTime"][value="${slot}"]`)).toHaveCount(0);
  await expect(page.getByRole("radio").first()).toBeVisible();
});
