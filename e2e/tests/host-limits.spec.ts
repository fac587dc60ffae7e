import { expect, type Page } from "@playwright/test";
import { test } from "./page-errors";
import { signInNewHost } from "./new-host";

/** The start instants offered on the booking page on one date, in order. */
const startsOn = (page: Page, date: string) =>
  page
    .locator(`input[name="startTime"][value^="${date}"]`)
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

// The app's clock stands at Monday 2027-02-01 07:00Z; a new host works weekdays 9:00–17:00.
test("a host's booking rules and a package's own buffer shape the times customers see", async ({
  page,
}) => {
  const slug = await signInNewHost(page, {
    prefix: "lou",
    name: "Lou Limits",
    // Lisbon keeps UTC in February, so the times below read as the instants offered.
    timeZone: "Europe/Lisbon",
  });

  await page.getByRole("link", { name: "Booking rules" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Booking rules" })).toBeVisible();
  const horizon = page.getByLabel("How far ahead customers may book (days)");
  // The server refuses what is out of range, by its field, and the form keeps what was typed.
  await horizon.fill("400");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Open bookings at most 365 days ahead.")).toBeVisible();
  await expect(horizon).toHaveValue("400");
  await horizon.fill("14");
  await page.getByLabel("Start times every").selectOption({ label: "15 minutes" });
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("status")).toHaveText(/Your booking rules are saved\./);
  await page.reload();
  await expect(horizon).toHaveValue("14");
  await expect(page.getByLabel("Start times every")).toHaveValue("15");

  await page.getByRole("link", { name: "packages page" }).click();
  const newPackage = page.getByRole("region", { name: "New package" });
  await expect(newPackage.getByLabel("Start times every")).toContainText(
    "Use my default (every 15 minutes)",
  );
  await newPackage.getByLabel("Name").fill("Deep dive");
  await newPackage.getByLabel("Length in minutes").fill("45");
  await newPackage.getByLabel("Buffer after (minutes)").fill("15");
  await newPackage.getByRole("button", { name: "Add package" }).click();
  await expect(page.getByRole("status")).toHaveText("“Deep dive” is saved.");
  const deepDive = page
    .getByRole("list", { name: "Your packages" })
    .getByRole("listitem")
    .filter({ hasText: "Deep dive" });
  await expect(deepDive.getByText("Own rules: 15 min buffer after")).toBeVisible();

  await page.goto(`/${slug}`);
  await page.getByRole("link", { name: "Book Deep dive" }).click();
  await expect(page).toHaveURL(/\/book\?package=/);
  await expect(page.getByRole("radio").first()).toBeVisible();
  const packageId = new URL(page.url()).searchParams.get("package");
  // A free Tuesday: a time every 15 minutes from 9:00.
  expect((await startsOn(page, "2027-02-02")).slice(0, 3)).toEqual([
    "2027-02-02T09:00:00.000Z",
    "2027-02-02T09:15:00.000Z",
    "2027-02-02T09:30:00.000Z",
  ]);
  await page.locator('input[value="2027-02-02T09:00:00.000Z"]').check();
  await page.getByLabel("Email").fill(`lou-customer-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();

  // The 9:00 session ends at 9:45 and keeps 15 minutes free after it: the next time is 10:00.
  await page.goto(`/${slug}/book?package=${packageId}&week=2027-02-01`);
  await expect(page.getByRole("radio").first()).toBeVisible();
  expect((await startsOn(page, "2027-02-02"))[0]).toBe("2027-02-02T10:00:00.000Z");

  // 14 days ahead of Monday 07:00 ends before the hours of Monday the 15th.
  await page.goto(`/${slug}/book?package=${packageId}&week=2027-02-08`);
  await expect(page.getByRole("radio").first()).toBeVisible();
  expect(await startsOn(page, "2027-02-12")).toContain("2027-02-12T16:15:00.000Z");
  await page.goto(`/${slug}/book?package=${packageId}&week=2027-02-15`);
  await expect(page.getByRole("link", { name: "Previous week" })).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(0);
});
