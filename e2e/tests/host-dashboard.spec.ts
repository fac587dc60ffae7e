import { expect, type Page } from "@playwright/test";
import { test } from "./page-errors";
import { emulatorUrl } from "../playwright.config.ts";
import { DEMO_HOST_EMAIL, signInAsDemoHost } from "./demo-host.ts";
import { eventsWith } from "./calendar-events.ts";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

// The demo host's own zone, so the booking page shows times as the dashboard does.
test.use({ timezoneId: "Europe/Berlin" });

const demoEventsWith = (attendee: string) => eventsWith(DEMO_HOST_EMAIL, attendee);

/**
 * Sets the demo host's weekly hours: `days` (Monday..Sunday) from `from` until 17:00, the others
 * off, with `notice` as the minimum notice.
 */
async function setWeeklyHours(page: Page, days: string[], from: string, notice: string) {
  await page.goto("/dashboard/hours");
  for (const day of WEEKDAYS) {
    const box = page.getByLabel(day, { exact: true });
    if (!days.includes(day)) {
      await box.uncheck();
      continue;
    }
    await box.check();
    await page.getByLabel(`${day} from`).fill(from);
    await page.getByLabel(`${day} until`).fill("17:00");
  }
  await page.getByLabel("Minimum notice").selectOption({ label: notice });
  await page.getByRole("button", { name: "Save hours" }).click();
  await expect(page.getByText("Your weekly hours are saved.")).toBeVisible();
}

const restoreDemoHours = (page: Page) =>
  setWeeklyHours(page, WEEKDAYS.slice(0, 5), "09:00", "2 hours");

/** Books the demo's 60-minute coaching session through the API, as another app would. */
async function bookCoaching(page: Page, startTime: string, customerEmail: string) {
  const origin = new URL(page.url()).origin;
  const catalog = await fetch(
    `${origin}/api/trpc/catalog.host?input=${encodeURIComponent(JSON.stringify({ json: { slug: "demo" } }))}`,
  );
  const { packages } = (
    (await catalog.json()) as {
      result: { data: { json: { packages: Array<{ id: string; durationMinutes: number }> } } };
    }
  ).result.data.json;
  const coaching = packages.find((pkg) => pkg.durationMinutes === 60);
  const booked = await fetch(`${origin}/api/trpc/booking.create`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      json: { hostSlug: "demo", packageId: coaching?.id, startTime, customerEmail },
    }),
  });
  expect(booked.status).toBe(200);
  return coaching?.id ?? "";
}

test("the host moves a booking half an hour later from the dashboard; the event moves and keeps its Meet link", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAsDemoHost(page);
  const email = `e2e-host-move-${Date.now()}@example.com`;
  // Thursday 4 February 2027, 10:00–11:00 in Berlin.
  await bookCoaching(page, "2027-02-04T09:00:00.000Z", email);
  await expect.poll(async () => (await demoEventsWith(email)).length).toBe(1);
  const [booked] = await demoEventsWith(email);

  try {
    // Thursdays now start at 09:30, so 10:30 is offered: it overlaps the session's own time.
    await page.goto("/dashboard/hours");
    await page.getByLabel("Thursday from").fill("09:30");
    await page.getByRole("button", { name: "Save hours" }).click();
    await expect(page.getByText("Your weekly hours are saved.")).toBeVisible();

    const row = page.getByRole("listitem").filter({ hasText: email });
    await expect(row).toContainText("10:00–11:00");
    await expect(row).toContainText("On your calendar");
    await row.getByRole("link", { name: `Move: ${email}` }).click();

    await expect(page.locator("p", { hasText: "Now booked:" })).toHaveText(
      "Now booked: Thursday, 4 February, 10:00–11:00",
    );
    const thursday = page.getByRole("group", { name: "Thursday, 4 February" });
    await thursday.getByRole("radio", { name: "10:30" }).check();
    await page.getByRole("button", { name: "Move booking" }).click();

    await expect(page).toHaveURL(/\/dashboard\?moved=1$/);
    await expect(page.getByRole("status")).toHaveText(
      "The booking is moved. Google moves its event and tells your guest.",
    );
    await expect(page.getByRole("listitem").filter({ hasText: email })).toContainText(
      "10:30–11:30",
    );
    const [moved] = await demoEventsWith(email);
    expect(moved?.["id"]).toBe(booked?.["id"]);
    expect((moved?.["start"] as { dateTime: string }).dateTime).toBe("2027-02-04T09:30:00.000Z");
    expect(moved?.["hangoutLink"]).toBe(booked?.["hangoutLink"]);
    expect(moved?.["hangoutLink"]).toMatch(/^https:\/\/meet\.google\.com\//);
  } finally {
    await restoreDemoHours(page);
  }
});

test("when Google refused a booking's event, the host retries it from the dashboard and it gets its Meet link", async ({
  page,
}) => {
  await signInAsDemoHost(page);
  const refusal = await fetch(`${emulatorUrl}/__control/fail`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operation: "events.insert", status: 400, reason: "invalid", count: 1 }),
  });
  expect(refusal.ok).toBe(true);
  const email = `e2e-retry-now-${Date.now()}@example.com`;
  // Wednesday 3 February 2027, 14:00–15:00 in Berlin.
  await bookCoaching(page, "2027-02-03T13:00:00.000Z", email);

  await page.goto("/dashboard");
  const row = page.getByRole("listitem").filter({ hasText: email });
  await expect(row).toContainText("Google refused: it did not accept the event");
  await expect(row.getByRole("link", { name: "Meet link" })).toHaveCount(0);
  await row.getByRole("button", { name: `Retry now: ${email}` }).click();

  await expect(row).toContainText("On your calendar");
  await expect(row.getByRole("button", { name: /^Retry now/ })).toHaveCount(0);
  const [event] = await demoEventsWith(email);
  await expect(row.getByRole("link", { name: "Meet link" })).toHaveAttribute(
    "href",
    String(event?.["hangoutLink"]),
  );
});

test("the booking page opens on the first week with a free time when this week has none", async ({
  page,
}) => {
  await signInAsDemoHost(page);
  // Mondays only, a day's notice: the clock's Monday morning leaves this week without a time.
  await setWeeklyHours(page, ["Monday"], "09:00", "1 day");
  try {
    await page.goto("/demo");
    await page.getByRole("link", { name: "Book Free intro call" }).click();
    const weekHeading = page.getByRole("navigation", { name: "Weeks" }).getByRole("heading");
    await expect(weekHeading).toHaveText("8–14 February 2027");
    await expect(page.getByRole("radio", { name: "09:00" })).toBeVisible();

    const overview = page.getByRole("table", { name: /Free days in February 2027/ });
    await expect(
      overview.getByRole("link", { name: "Monday, 8 February: free times" }),
    ).toBeVisible();
    await expect(overview.getByRole("link")).toHaveCount(3);
    await expect(overview.getByRole("cell", { name: "1", exact: true })).toBeVisible();

    // The week asked for has no time: the page points to the next one.
    const packageId = new URL(page.url()).searchParams.get("package") ?? "";
    await page.goto(`/demo/book?package=${packageId}&week=2027-02-01`);
    await expect(weekHeading).toHaveText("1–7 February 2027");
    await expect(page.getByText("No free times this week.")).toBeVisible();
    await page.getByRole("link", { name: "Next free time: Monday, 8 February" }).click();
    await expect(weekHeading).toHaveText("8–14 February 2027");

    // From the overview, straight to a later week.
    await overview.getByRole("link", { name: "Monday, 22 February: free times" }).click();
    await expect(weekHeading).toHaveText("22–28 February 2027");
  } finally {
    await restoreDemoHours(page);
  }
});
