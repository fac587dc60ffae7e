import { expect, type Page } from "@playwright/test";
import { test } from "./page-errors";

// The host and the visitor share a zone, so the booking page's days are the host's dates.
test.use({ timezoneId: "Europe/Berlin" });

/** A new host, signed in through the Google emulator, with a page at `/{slug}` in Berlin. */
async function signUp(page: Page, slug: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByLabel("Email").fill(`${slug}@example.com`);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/dashboard\/welcome$/);
  await page.getByLabel("Page address").fill(slug);
  await page.getByLabel("Your name").fill("Hana Host");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** The booking page's day group, e.g. "Wednesday, 3 February", for the week the clock is in. */
async function openIntroCall(page: Page, slug: string) {
  await page.goto(`/${slug}`);
  await page.getByRole("link", { name: "Book Intro call" }).click();
  await expect(page.getByRole("radio").first()).toBeVisible();
}
const day = (page: Page, name: string) => page.getByRole("group", { name });

test("a host takes a day off, works two intervals on a weekday and moves their page", async ({
  page,
}) => {
  const slug = `hana-${Date.now()}`;
  await signUp(page, slug);

  // The e2e clock is Monday 2027-02-01: Wednesday of this week off.
  await page.getByRole("link", { name: "Weekly hours" }).click();
  await page.getByLabel("First day off").fill("2027-02-03");
  await page.getByLabel("Note", { exact: true }).fill("Dentist");
  await page.getByRole("button", { name: "Add days off" }).click();
  const overrides = page.getByRole("list", { name: "Days off and special hours" });
  await expect(overrides.getByText("Wed 3 Feb 2027")).toBeVisible();
  await expect(overrides.getByText("Day off · Dentist")).toBeVisible();

  // Thursday: a morning and an afternoon.
  await page.getByLabel("Thursday until").fill("12:00");
  await page.getByRole("button", { name: "Add interval on Thursday" }).click();
  await page.getByLabel("Thursday, interval 2, from").fill("14:00");
  await page.getByLabel("Thursday, interval 2, until").fill("16:00");
  await page.getByRole("button", { name: "Save hours" }).click();
  await expect(page).toHaveURL(/\/dashboard\?saved=hours$/);
  await page.getByRole("link", { name: "Weekly hours" }).click();
  await expect(page.getByLabel("Thursday, interval 2, from")).toHaveValue("14:00");

  await openIntroCall(page, slug);
  await expect(day(page, "Tuesday, 2 February").getByRole("radio")).not.toHaveCount(0);
  await expect(day(page, "Wednesday, 3 February")).toHaveCount(0);
  const thursday = day(page, "Thursday, 4 February");
  await expect(thursday.getByRole("radio", { name: "11:30" })).toBeVisible();
  await expect(thursday.getByRole("radio", { name: "12:30" })).toHaveCount(0);
  await expect(thursday.getByRole("radio", { name: "15:30" })).toBeVisible();
  await expect(thursday.getByRole("radio", { name: "16:00" })).toHaveCount(0);

  // A new address; the old one answers with a permanent redirect, keeping the rest of the link.
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  const moved = `${slug}-coaching`;
  await page.getByLabel("Page address").fill(moved);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Your profile is saved.");

  const old = await page.request.get(`/${slug}/book?package=p1&tz=Europe%2FBerlin`, {
    maxRedirects: 0,
  });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toBe(`/${moved}/book?package=p1&tz=Europe%2FBerlin`);
  await page.goto(`/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/${moved}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Hana Host" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a host sets two intervals on one date and removes them again", async ({ page }) => {
    const slug = `nojs-${Date.now()}`;
    await signUp(page, slug);

    await page.goto("/dashboard/hours");
    await page.getByLabel("Date", { exact: true }).fill("2027-02-05");
    await page.getByLabel("Special hours from").fill("08:00");
    await page.getByLabel("Special hours until").fill("09:00");
    await page.getByLabel("Special hours, interval 2, from").fill("18:00");
    await page.getByLabel("Special hours, interval 2, until").fill("19:00");
    await page.getByRole("button", { name: "Set special hours" }).click();
    const overrides = page.getByRole("list", { name: "Days off and special hours" });
    await expect(overrides.getByText("08:00–09:00, 18:00–19:00")).toBeVisible();

    await page.getByLabel("First day off").fill("2027-02-05");
    await page.getByRole("button", { name: "Add days off" }).click();
    await expect(
      page.getByText("You already have days off or special hours on these dates."),
    ).toBeVisible();

    await overrides.getByRole("button", { name: "Remove Fri 5 Feb 2027" }).click();
    await expect(page.getByText("No days off or special hours ahead.")).toBeVisible();
  });
});
