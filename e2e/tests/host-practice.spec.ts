import { expect } from "@playwright/test";
import { test } from "./page-errors";
import { eventsWith } from "./calendar-events.ts";

// Lisbon keeps UTC in February: the times on the pages read as the instants below.
test.use({ timezoneId: "Europe/Lisbon" });

// The app's clock stands at Monday 2027-02-01 07:00Z; a new host works weekdays 9:00–17:00.
test("a host shapes their offering; a customer books around the day off; the host moves the booking and its event follows", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const hostEmail = `practice-${Date.now()}@example.com`;
  const slug = `practice-${Date.now()}`;
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByLabel("Email").fill(hostEmail);
  await page.getByRole("button", { name: "Allow" }).click();
  await page.getByLabel("Page address").fill(slug);
  await page.getByLabel("Your name").fill("Petra Practice");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // A 45-minute package with 15 minutes kept free after each session.
  await page.getByRole("link", { name: "Packages" }).click();
  const newPackage = page.getByRole("region", { name: "New package" });
  await newPackage.getByLabel("Name").fill("Deep dive");
  await newPackage.getByLabel("Length in minutes").fill("45");
  await newPackage.getByLabel("Buffer after (minutes)").fill("15");
  await newPackage.getByRole("button", { name: "Add package" }).click();
  await expect(page.getByRole("status")).toHaveText("“Deep dive” is saved.");

  // Wednesday off.
  await page.goto("/dashboard/hours");
  await page.getByLabel("First day off").fill("2027-02-03");
  await page.getByRole("button", { name: "Add days off" }).click();
  await expect(
    page.getByRole("list", { name: "Days off and special hours" }).getByText("Wed 3 Feb 2027"),
  ).toBeVisible();

  // A customer sees no times on the day off and books Tuesday 9:00.
  const customer = `practice-customer-${Date.now()}@example.com`;
  await page.goto(`/${slug}`);
  await page.getByRole("link", { name: "Book Deep dive" }).click();
  await expect(page.getByRole("radio").first()).toBeVisible();
  await expect(page.getByRole("group", { name: "Tuesday, 2 February" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Wednesday, 3 February" })).toHaveCount(0);
  const tuesday = page.getByRole("group", { name: "Tuesday, 2 February" });
  // 45 minutes and a 15-minute buffer: the grid of a 45-minute session steps by its length.
  await tuesday.getByRole("radio", { name: "09:00" }).check();
  await page.getByLabel("Email").fill(customer);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  const join = page.getByRole("link", { name: "Join with Google Meet" });
  await expect(join).toHaveAttribute("href", /^https:\/\/meet\.google\.com\//);
  const meetLink = await join.getAttribute("href");
  const [booked] = await eventsWith(hostEmail, customer);
  expect((booked?.["start"] as { dateTime: string }).dateTime).toBe("2027-02-02T09:00:00.000Z");

  // The host moves it to Thursday from the dashboard; the same event moves, Meet link and all.
  await page.goto("/dashboard");
  const row = page.getByRole("listitem").filter({ hasText: customer });
  await row.getByRole("link", { name: `Move: ${customer}` }).click();
  await expect(page.locator("p", { hasText: "Now booked:" })).toContainText("Tuesday, 2 February");
  await expect(page.getByRole("group", { name: "Wednesday, 3 February" })).toHaveCount(0);
  await page
    .getByRole("group", { name: "Thursday, 4 February" })
    .getByRole("radio", { name: "09:45" })
    .check();
  await page.getByRole("button", { name: "Move booking" }).click();
  await expect(page).toHaveURL(/\/dashboard\?moved=1$/);
  await expect(page.getByRole("listitem").filter({ hasText: customer })).toContainText(
    "09:45–10:30",
  );
  await expect
    .poll(async () => {
      const [event] = await eventsWith(hostEmail, customer);
      return (event?.["start"] as { dateTime: string } | undefined)?.dateTime;
    })
    .toBe("2027-02-04T09:45:00.000Z");
  const [moved] = await eventsWith(hostEmail, customer);
  expect(moved?.["id"]).toBe(booked?.["id"]);
  expect(moved?.["hangoutLink"]).toBe(meetLink);
});
