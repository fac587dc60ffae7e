import { expect, type Page } from "@playwright/test";
import { test } from "./page-errors";

/** From the login page through the emulator's consent page, as `email` (optionally another account). */
async function consentAs(
  page: Page,
  email: string,
  choices: { accountId?: string; calendar?: boolean } = {},
) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByLabel("Email").fill(email);
  if (choices.accountId) await page.getByLabel("Account id").fill(choices.accountId);
  if (choices.calendar === false)
    await page.getByLabel("Allow this app to manage your calendar").uncheck();
  await page.getByRole("button", { name: "Allow" }).click();
}

test("a host who unticks the calendar permission is signed in, told so, and can grant it later", async ({
  page,
}) => {
  const stamp = Date.now();
  await consentAs(page, `no-calendar-${stamp}@example.com`, { calendar: false });
  await expect(page).toHaveURL(/\/dashboard\/welcome$/);
  await page.getByLabel("Page address").fill(`no-calendar-${stamp}`);
  await page.getByLabel("Your name").fill("Nora Coach");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("calendar-status")).toHaveText("Not connected");
  await expect(page.getByText("Google's calendar permission was not granted")).toBeVisible();
  await page.getByRole("button", { name: "Grant calendar access" }).click();

  // Google asks again; this time the calendar box stays ticked.
  await expect(page.getByLabel("Allow this app to manage your calendar")).toBeChecked();
  await page.getByLabel("Email").fill(`no-calendar-${stamp}@example.com`);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("calendar-status")).toHaveText("Connected");
});

test("another Google account reporting a host's email is refused, and the host keeps their own", async ({
  page,
}) => {
  const email = `owner-${Date.now()}@example.com`;
  await consentAs(page, email);
  await expect(page).toHaveURL(/\/dashboard\/welcome$/);
  await page.getByRole("button", { name: "Sign out" }).click();

  await consentAs(page, email, { accountId: `impostor-${Date.now()}` });
  await expect(
    page.getByRole("heading", { name: "This email belongs to another account" }),
  ).toBeVisible();
  await expect(
    page.getByText(/^This email already belongs to another TimeTap account/),
  ).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login$/);

  await consentAs(page, email);
  await expect(page).toHaveURL(/\/dashboard\/welcome$/);
});
